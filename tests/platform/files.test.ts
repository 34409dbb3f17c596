import type * as FilesModule from '../../src/platform/files'
import { loadForPlatform } from './loadForPlatform'

const load = (p: 'weapp' | 'alipay' | 'h5') => loadForPlatform<typeof FilesModule>(p, '../../src/platform/files')
const FEED = 'https://zqt.example.gov.cn/calendar/feed/x.ics'

function userAgent(agent: string) {
  jest.spyOn(window.navigator, 'userAgent', 'get').mockReturnValue(agent)
}
afterEach(() => jest.restoreAllMocks())

describe('calendarFileWay: a file is offered only where it can reach the user', () => {
  it('Alipay: never (a written file lands in a folder the user cannot open)', () => {
    expect(load('alipay').mod.calendarFileWay()).toBeNull()
  })

  it('WeChat: shared to a chat when the base library has shareFileMessage', () => {
    const { mod, taro } = load('weapp')
    taro.canIUse = jest.fn((schema: string) => schema === 'shareFileMessage')
    expect(mod.calendarFileWay()).toBe('share-to-chat')
    taro.canIUse = jest.fn(() => false)
    expect(mod.calendarFileWay()).toBeNull()
  })

  it("H5: downloaded in a browser, but not in WeChat's or Alipay's in-app browser", () => {
    const { mod } = load('h5')
    userAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) Version/16.0 Mobile/15E148 Safari/604.1')
    expect(mod.calendarFileWay()).toBe('download')
    userAgent('Mozilla/5.0 (iPhone) Mobile/15E148 MicroMessenger/8.0.40(0x1800282a) NetType/WIFI Language/zh_CN')
    expect(mod.calendarFileWay()).toBeNull()
    userAgent('Mozilla/5.0 (Linux; Android 12) AlipayClient/10.5.0')
    expect(mod.calendarFileWay()).toBeNull()
  })
})

describe('sharing the feed file on WeChat', () => {
  it('fetches the file ahead; a download that did not answer 200 is refused', async () => {
    const { mod, taro } = load('weapp')
    taro.downloadFile = jest.fn(async () => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/feed.ics' }))
    await expect(mod.fetchFileForSharing(FEED)).resolves.toBe('wxfile://tmp/feed.ics')
    taro.downloadFile = jest.fn(async () => ({ statusCode: 404, tempFilePath: 'wxfile://tmp/404.ics' }))
    await expect(mod.fetchFileForSharing(FEED)).rejects.toThrow('404')
  })

  it('resolves only when shareFileMessage succeeded; a cancel is told apart from a failure', async () => {
    const { mod, taro } = load('weapp')
    taro.shareFileMessage = jest.fn(async () => ({ errMsg: 'shareFileMessage:ok' }))
    await expect(mod.shareFileToChat('wxfile://tmp/feed.ics', 'a.ics')).resolves.toBeUndefined()
    expect(taro.shareFileMessage).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/feed.ics', fileName: 'a.ics' })
    const cancel = { errMsg: 'shareFileMessage:fail cancel' }
    taro.shareFileMessage = jest.fn(async () => Promise.reject(cancel))
    await expect(mod.shareFileToChat('wxfile://tmp/feed.ics', 'a.ics')).rejects.toBe(cancel)
    expect(mod.isCancelled(cancel)).toBe(true)
    expect(mod.isCancelled({ errMsg: 'shareFileMessage:fail internal error' })).toBe(false)
  })
})

describe('publicFileWay: the signature file (DER) by URL', () => {
  const globals = globalThis as unknown as { my?: unknown }
  afterEach(() => {
    delete globals.my
  })

  it('Alipay: saved to the phone where my.saveFileToDisk exists, nowhere otherwise', async () => {
    const saveFileToDisk = jest.fn((o: { success: () => void }) => o.success())
    const downloadFile = jest.fn((o: { success: (r: object) => void }) =>
      o.success({ apFilePath: 'https://resource/ses.der', headers: { 'Content-Type': 'application/octet-stream' } }),
    )
    globals.my = { canIUse: jest.fn((api: string) => api === 'saveFileToDisk'), saveFileToDisk, downloadFile }
    const { mod } = load('alipay')
    expect(mod.publicFileWay()).toBe('save-to-disk')
    await mod.saveFileToDisk('https://zqt.example.gov.cn/api/v1/signature-records/x/ses-signature')
    expect(saveFileToDisk).toHaveBeenCalledWith(
      expect.objectContaining({
        apFilePath: 'https://resource/ses.der',
        filePath: 'https://resource/ses.der',
        toDisk: true,
      }),
    )
    globals.my = { canIUse: jest.fn(() => false) }
    expect(load('alipay').mod.publicFileWay()).toBeNull()
  })

  it('WeChat and H5: as calendarFileWay', () => {
    const { mod, taro } = load('weapp')
    taro.canIUse = jest.fn((schema: string) => schema === 'shareFileMessage')
    expect(mod.publicFileWay()).toBe('share-to-chat')
    userAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) Version/16.0 Mobile/15E148 Safari/604.1')
    expect(load('h5').mod.publicFileWay()).toBe('download')
  })
})
