import type * as MediaModule from '../../src/platform/media'
import { loadForPlatform } from './loadForPlatform'

// my.downloadFile's option and success payload as the official typings say: no statusCode at all.
type AlipayDownloadOption = Parameters<typeof my.downloadFile>[0]
type AlipayDownloadResult = Parameters<NonNullable<AlipayDownloadOption['success']>>[0]
type WechatDownloadResult = Parameters<NonNullable<WechatMiniprogram.DownloadFileOption['success']>>[0]

const globals = globalThis as unknown as { my?: unknown }
afterEach(() => {
  delete globals.my
})

const URL_ = 'https://api.example.cn/api/v1/complaints/c1/photos/a1'
const AUTH = { Authorization: 'Bearer t' }
const load = (p: 'weapp' | 'alipay') => loadForPlatform<typeof MediaModule>(p, '../../src/platform/media')

function alipayAnswers(result: AlipayDownloadResult) {
  const downloadFile = jest.fn((option: AlipayDownloadOption) => option.success?.(result))
  globals.my = { downloadFile }
  return downloadFile
}

function alipayResult(headers: Record<string, string>): AlipayDownloadResult {
  return {
    apFilePath: 'https://resource/apml1.jpg',
    tempFilePath: 'https://resource/apml1.jpg',
    headers,
    header: headers,
  }
}

/** Taro.getFileSystemManager().readFile answering with these bytes. */
function fileHolding(taro: Record<string, jest.Mock>, bytes: number[]) {
  const readFile = jest.fn((o: { success: (r: { data: ArrayBuffer }) => void }) =>
    o.success({ data: new Uint8Array(bytes).buffer }),
  )
  taro.getFileSystemManager = jest.fn(() => ({ readFile }))
  return readFile
}

describe('loadProtectedImage', () => {
  it('weapp: a 2xx download is the image; any other status is refused', async () => {
    const { mod, taro } = load('weapp')
    const ok: WechatDownloadResult = {
      filePath: '',
      tempFilePath: 'wxfile://tmp/a.jpg',
      statusCode: 200,
      errMsg: 'downloadFile:ok',
      profile: {} as WechatDownloadResult['profile'],
    }
    taro.downloadFile = jest
      .fn()
      .mockResolvedValueOnce(ok)
      .mockResolvedValueOnce({ ...ok, statusCode: 401 })
    await expect(mod.loadProtectedImage(URL_, AUTH)).resolves.toBe('wxfile://tmp/a.jpg')
    await expect(mod.loadProtectedImage(URL_, AUTH)).rejects.toThrow('HTTP 401')
    expect(taro.downloadFile).toHaveBeenCalledWith({ url: URL_, header: AUTH })
  })

  it('alipay: an image content type is the image, with the token sent as header', async () => {
    const downloadFile = alipayAnswers(alipayResult({ 'Content-Type': 'image/jpeg' }))
    const { mod } = load('alipay')
    await expect(mod.loadProtectedImage(URL_, AUTH)).resolves.toBe('https://resource/apml1.jpg')
    expect(downloadFile.mock.calls[0][0]).toMatchObject({ url: URL_, header: AUTH })
  })

  it('alipay: a JSON error body (401/404) is refused, not shown as an image', async () => {
    alipayAnswers(alipayResult({ 'content-type': 'application/json; charset=utf-8' }))
    const { mod, taro } = load('alipay')
    // What Taro's alipay runtime would have handed the old code: the file, and no statusCode.
    taro.downloadFile = jest.fn(async () => ({ tempFilePath: 'https://resource/apml1.jpg' }))
    await expect(mod.loadProtectedImage(URL_, AUTH)).rejects.toThrow(/not an image/)
  })

  it("alipay: without a content type the file's first bytes decide", async () => {
    alipayAnswers(alipayResult({}))
    const { mod, taro } = load('alipay')
    fileHolding(taro, [0x7b, 0x22, 0x65, 0x72, 0x72]) // {"err…
    await expect(mod.loadProtectedImage(URL_, AUTH)).rejects.toThrow(/not an image/)
    fileHolding(taro, [0xff, 0xd8, 0xff, 0xe0, 0, 0x10])
    await expect(mod.loadProtectedImage(URL_, AUTH)).resolves.toBe('https://resource/apml1.jpg')
    fileHolding(taro, [0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50])
    await expect(mod.loadProtectedImage(URL_, AUTH)).resolves.toBe('https://resource/apml1.jpg')
  })

  it('alipay: a failed download rejects', async () => {
    globals.my = {
      downloadFile: (option: AlipayDownloadOption) => option.fail?.({ error: 12, errorMessage: '下载失败' }),
    }
    const { mod } = load('alipay')
    await expect(mod.loadProtectedImage(URL_, AUTH)).rejects.toEqual({ error: 12, errorMessage: '下载失败' })
  })
})
