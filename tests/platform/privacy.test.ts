import type * as PrivacyModule from '../../src/platform/privacy'
import { usePrivacyPrompt } from '../../src/core/privacyPrompt'
import { loadForPlatform } from './loadForPlatform'

// wx as the official typings describe it (canIUse, openPrivacyContract's option); the listener's
// resolve argument is documented but untyped there.
type WxCanIUse = WechatMiniprogram.Wx['canIUse']
type WxOpenPrivacyContractOption = WechatMiniprogram.OpenPrivacyContractOption
type WxResolveOption = { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }
type WxListener = (resolve: (option: WxResolveOption) => void, eventInfo: { referrer: string }) => void

const globals = globalThis as unknown as { wx?: unknown; my?: unknown }
afterEach(() => {
  delete globals.wx
  delete globals.my
})

const load = (p: 'weapp' | 'alipay' | 'h5') => loadForPlatform<typeof PrivacyModule>(p, '../../src/platform/privacy')

function wechat(supported: string[], extra: Record<string, unknown> = {}) {
  const canIUse: WxCanIUse = (schema) => supported.includes(schema)
  globals.wx = { canIUse, ...extra }
}

describe('onNeedPrivacyAuthorization with the app’s queue', () => {
  it('weapp: two privacy APIs pending at once are both resolved by the one answer', () => {
    let listener!: WxListener
    wechat([], { onNeedPrivacyAuthorization: (l: WxListener) => (listener = l) })
    const { mod } = load('weapp')
    mod.onNeedPrivacyAuthorization((resolve) => usePrivacyPrompt.getState().ask(resolve))
    const getLocation = jest.fn()
    const chooseImage = jest.fn()
    listener(getLocation, { referrer: 'getLocation' })
    listener(chooseImage, { referrer: 'chooseImage' })
    usePrivacyPrompt.getState().answer(true)
    const agreed = [{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: mod.PRIVACY_AGREE_BUTTON_ID }]
    expect(getLocation.mock.calls.map((c) => c[0])).toEqual(agreed)
    expect(chooseImage.mock.calls.map((c) => c[0])).toEqual(agreed)
  })

  it('weapp: declining answers every pending API with disagree', () => {
    let listener!: WxListener
    wechat([], { onNeedPrivacyAuthorization: (l: WxListener) => (listener = l) })
    const { mod } = load('weapp')
    mod.onNeedPrivacyAuthorization((resolve) => usePrivacyPrompt.getState().ask(resolve))
    const resolves = [jest.fn(), jest.fn(), jest.fn()]
    for (const r of resolves) listener(r, { referrer: 'getClipboardData' })
    usePrivacyPrompt.getState().answer(false)
    for (const r of resolves) expect(r).toHaveBeenLastCalledWith({ event: 'disagree' })
  })

  it('weapp base library < 2.32.3 (no listener API): nothing registered, nothing thrown', () => {
    wechat([])
    const { mod } = load('weapp')
    expect(() => mod.onNeedPrivacyAuthorization(() => undefined)).not.toThrow()
  })
})

describe('privacyAgreeThroughOpenType', () => {
  it('weapp: only where the base library has button open-type agreePrivacyAuthorization', () => {
    wechat(['button.open-type.agreePrivacyAuthorization'])
    expect(load('weapp').mod.privacyAgreeThroughOpenType()).toBe(true)
    wechat([])
    expect(load('weapp').mod.privacyAgreeThroughOpenType()).toBe(false)
  })

  it.each(['alipay', 'h5'] as const)('%s: a plain tap', (p) => {
    wechat(['button.open-type.agreePrivacyAuthorization'])
    expect(load(p).mod.privacyAgreeThroughOpenType()).toBe(false)
  })
})

describe('openPrivacyContract', () => {
  it('weapp: opens WeChat’s 隐私保护指引 page where canIUse says so', async () => {
    const openPrivacyContract = jest.fn((o: WxOpenPrivacyContractOption) =>
      o.success?.({ errMsg: 'openPrivacyContract:ok' }),
    )
    wechat(['openPrivacyContract'], { openPrivacyContract })
    await expect(load('weapp').mod.openPrivacyContract()).resolves.toBe(true)
    expect(openPrivacyContract).toHaveBeenCalledTimes(1)
  })

  it('weapp: false when it fails or the base library lacks it', async () => {
    const failing = jest.fn((o: WxOpenPrivacyContractOption) => o.fail?.({ errMsg: 'openPrivacyContract:fail' }))
    wechat(['openPrivacyContract'], { openPrivacyContract: failing })
    await expect(load('weapp').mod.openPrivacyContract()).resolves.toBe(false)
    const unsupported = jest.fn()
    wechat([], { openPrivacyContract: unsupported })
    await expect(load('weapp').mod.openPrivacyContract()).resolves.toBe(false)
    expect(unsupported).not.toHaveBeenCalled()
  })

  it.each(['alipay', 'h5'] as const)('%s: false (our own policy page is shown instead)', async (p) => {
    await expect(load(p).mod.openPrivacyContract()).resolves.toBe(false)
  })
})
