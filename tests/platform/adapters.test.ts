import type * as FeedbackModule from '../../src/platform/feedback'
import type * as LoginModule from '../../src/platform/login'
import type * as NavigationModule from '../../src/platform/navigation'
import type * as PrivacyModule from '../../src/platform/privacy'
import type * as ScanModule from '../../src/platform/scan'
import type * as SubscribeModule from '../../src/platform/subscribe'
import { loadForPlatform } from './loadForPlatform'

const globals = globalThis as unknown as { wx?: unknown; my?: unknown }
afterEach(() => {
  delete globals.wx
  delete globals.my
})

describe('getLoginCode', () => {
  const load = (p: 'weapp' | 'alipay' | 'h5') => loadForPlatform<typeof LoginModule>(p, '../../src/platform/login')

  it('weapp: Taro.login code', async () => {
    const { mod, taro } = load('weapp')
    taro.login.mockResolvedValue({ code: 'wx-code', errMsg: 'login:ok' })
    await expect(mod.getLoginCode()).resolves.toEqual({ platform: 'weapp', code: 'wx-code' })
  })

  it('weapp: a failed or empty login becomes a Chinese LoginCodeError', async () => {
    const { mod, taro } = load('weapp')
    taro.login.mockRejectedValueOnce({ errMsg: 'login:fail' }).mockResolvedValueOnce({ code: '' })
    await expect(mod.getLoginCode()).rejects.toMatchObject({
      name: 'LoginCodeError',
      message: '获取登录凭证失败，请稍后重试',
    })
    await expect(mod.getLoginCode()).rejects.toMatchObject({ name: 'LoginCodeError' })
  })

  it("alipay: my.getAuthCode({scopes:'auth_base'}) authCode", async () => {
    const getAuthCode = jest.fn((o: { scopes: string; success: (r: { authCode: string }) => void }) =>
      o.success({ authCode: 'ali-code' }),
    )
    globals.my = { getAuthCode }
    const { mod } = load('alipay')
    await expect(mod.getLoginCode()).resolves.toEqual({ platform: 'alipay', code: 'ali-code' })
    expect(getAuthCode.mock.calls[0][0].scopes).toBe('auth_base')
  })

  it('h5: only with a sandbox phone', async () => {
    const { mod } = load('h5')
    await expect(mod.getLoginCode()).rejects.toMatchObject({ name: 'LoginCodeError' })
    await expect(mod.getLoginCode({ sandboxPhone: '12345' })).rejects.toMatchObject({ message: '请输入 11 位手机号' })
    await expect(mod.getLoginCode({ sandboxPhone: '13800000001' })).resolves.toEqual({
      platform: 'h5',
      code: 'sandbox:13800000001',
    })
  })
})

describe('feedback', () => {
  const load = () => loadForPlatform<typeof FeedbackModule>('h5', '../../src/platform/feedback')

  it('confirm is true only for the confirm button, false on cancel or failure', async () => {
    const { mod, taro } = load()
    taro.showModal
      .mockResolvedValueOnce({ confirm: true, cancel: false })
      .mockResolvedValueOnce({ confirm: false, cancel: true })
      .mockRejectedValueOnce({ errMsg: 'showModal:fail' })
    const ask = () => mod.confirm({ title: '撤回授权', content: '确定吗？' })
    expect([await ask(), await ask(), await ask()]).toEqual([true, false, false])
  })

  it('toast drops the icon for text WeChat would truncate, and never throws', () => {
    const { mod, taro } = load()
    mod.toast('已保存', 'success')
    mod.toast('网络连接失败，请检查网络后重试', 'error')
    taro.showToast.mockImplementationOnce(() => {
      throw new Error('no page')
    })
    expect(() => mod.toast('x')).not.toThrow()
    expect(taro.showToast.mock.calls.map((c) => c[0].icon)).toEqual(['success', 'none', 'none'])
  })

  it('withLoading hides the spinner when the task fails', async () => {
    const { mod, taro } = load()
    await expect(mod.withLoading(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(taro.showLoading).toHaveBeenCalledTimes(1)
    expect(taro.hideLoading).toHaveBeenCalledTimes(1)
  })
})

describe('navigation', () => {
  const load = () => loadForPlatform<typeof NavigationModule>('weapp', '../../src/platform/navigation')

  it('navigateTo encodes the query and falls back to redirectTo when the page stack is full', async () => {
    const { mod, taro } = load()
    taro.navigateTo.mockRejectedValueOnce({ errMsg: 'navigateTo:fail webview count limit exceed' })
    await mod.navigateTo('/packages/account/pages/enterprise/index', { id: 'e 1', skip: undefined })
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/enterprise/index?id=e%201' })
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/account/pages/enterprise/index?id=e%201' })
  })

  it('navigateTo rethrows other failures', async () => {
    const { mod, taro } = load()
    taro.navigateTo.mockRejectedValueOnce({ errMsg: 'navigateTo:fail page not found' })
    await expect(mod.navigateTo('/pages/nope/index')).rejects.toEqual({ errMsg: 'navigateTo:fail page not found' })
    expect(taro.redirectTo).not.toHaveBeenCalled()
  })

  it('back relaunches the fallback when there is no page behind', async () => {
    const { mod, taro } = load()
    taro.navigateBack.mockRejectedValueOnce({ errMsg: 'navigateBack:fail cannot navigate back at first page.' })
    await mod.back({ fallback: '/pages/workbench/index' })
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/workbench/index' })
  })
})

describe('scan', () => {
  it('weapp result and alipay code both become {value}; cancel is null', async () => {
    const weapp = loadForPlatform<typeof ScanModule>('weapp', '../../src/platform/scan')
    weapp.taro.scanCode
      .mockResolvedValueOnce({ result: 'QR-1' })
      .mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' })
    await expect(weapp.mod.scan()).resolves.toEqual({ value: 'QR-1' })
    await expect(weapp.mod.scan()).resolves.toBeNull()

    globals.my = { scan: jest.fn((o: { success: (r: { code: string }) => void }) => o.success({ code: 'QR-2' })) }
    const alipay = loadForPlatform<typeof ScanModule>('alipay', '../../src/platform/scan')
    await expect(alipay.mod.scan()).resolves.toEqual({ value: 'QR-2' })
  })

  it('h5 refuses with a Chinese ScanError', async () => {
    const h5 = loadForPlatform<typeof ScanModule>('h5', '../../src/platform/scan')
    await expect(h5.mod.scan()).rejects.toMatchObject({ name: 'ScanError' })
  })
})

describe('requestSubscribe', () => {
  it('weapp: per-template result, filter counts as ban', async () => {
    const { mod, taro } = loadForPlatform<typeof SubscribeModule>('weapp', '../../src/platform/subscribe')
    taro.requestSubscribeMessage.mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      a: 'accept',
      b: 'reject',
      c: 'filter',
    })
    await expect(mod.requestSubscribe(['a', 'b', 'c'])).resolves.toEqual({ a: 'accept', b: 'reject', c: 'ban' })
  })

  it('alipay: subscribed lists become per-template results', async () => {
    globals.my = {
      requestSubscribeMessage: jest.fn((o: { success: (r: unknown) => void }) =>
        o.success({
          behavior: 'subscribe',
          refuse: false,
          result: { subscribedEntityIds: ['a'], unsubscribedEntityIds: ['b'] },
        }),
      ),
    }
    const { mod } = loadForPlatform<typeof SubscribeModule>('alipay', '../../src/platform/subscribe')
    await expect(mod.requestSubscribe(['a', 'b'])).resolves.toEqual({ a: 'accept', b: 'reject' })
  })

  it('rejects more than 3 templates (both platforms cap one prompt at 3)', async () => {
    const { mod } = loadForPlatform<typeof SubscribeModule>('h5', '../../src/platform/subscribe')
    await expect(mod.requestSubscribe(['a', 'b', 'c', 'd'])).rejects.toBeInstanceOf(RangeError)
  })
})

describe('onNeedPrivacyAuthorization', () => {
  it('weapp: resolves WeChat with the agree button id, or disagree', () => {
    let listener!: (resolve: jest.Mock) => void
    globals.wx = { onNeedPrivacyAuthorization: (l: typeof listener) => (listener = l) }
    const { mod } = loadForPlatform<typeof PrivacyModule>('weapp', '../../src/platform/privacy')
    const answers: ((agreed: boolean) => void)[] = []
    mod.onNeedPrivacyAuthorization((answer) => answers.push(answer))
    const resolve = jest.fn()
    listener(resolve)
    answers[0](true)
    listener(resolve)
    answers[1](false)
    expect(resolve.mock.calls.map((c) => c[0])).toEqual([
      { event: 'exposureAuthorization' },
      { event: 'agree', buttonId: mod.PRIVACY_AGREE_BUTTON_ID },
      { event: 'exposureAuthorization' },
      { event: 'disagree' },
    ])
  })

  it('is a no-op off WeChat', () => {
    const register = jest.fn()
    globals.wx = { onNeedPrivacyAuthorization: register }
    const { mod } = loadForPlatform<typeof PrivacyModule>('alipay', '../../src/platform/privacy')
    mod.onNeedPrivacyAuthorization(() => undefined)
    expect(register).not.toHaveBeenCalled()
  })
})
