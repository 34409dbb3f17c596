import type * as NetworkModule from '../../src/platform/network'
import { loadForPlatform } from './loadForPlatform'

// What each platform's getNetworkType hands its success callback, as the official typings say.
type AlipayNetworkResult = Parameters<NonNullable<NonNullable<Parameters<typeof my.getNetworkType>[0]>['success']>>[0]
type WechatNetworkResult = Parameters<NonNullable<WechatMiniprogram.GetNetworkTypeOption['success']>>[0]

const globals = globalThis as unknown as { my?: unknown }
afterEach(() => {
  delete globals.my
})

const load = (p: 'weapp' | 'alipay' | 'h5') => loadForPlatform<typeof NetworkModule>(p, '../../src/platform/network')

describe('isOnline', () => {
  it("weapp: offline only when networkType is 'none'", async () => {
    const { mod, taro } = load('weapp')
    const none: WechatNetworkResult = {
      networkType: 'none',
      signalStrength: 0,
      hasSystemProxy: false,
      weakNet: false,
      errMsg: 'getNetworkType:ok',
    }
    const wifi: WechatNetworkResult = { ...none, networkType: 'wifi', signalStrength: 80 }
    taro.getNetworkType = jest.fn().mockResolvedValueOnce(none).mockResolvedValueOnce(wifi)
    expect([await mod.isOnline(), await mod.isOnline()]).toEqual([false, true])
  })

  it("alipay: offline when my.getNetworkType says NOTREACHABLE / networkAvailable false (it never says 'none')", async () => {
    const answers: AlipayNetworkResult[] = [
      { networkAvailable: false, networkType: 'NOTREACHABLE' },
      { networkAvailable: true, networkType: 'WIFI' },
      { networkAvailable: true, networkType: '4G' },
    ]
    const getNetworkType = jest.fn((option?: Parameters<typeof my.getNetworkType>[0]) => {
      option?.success?.(answers.shift()!)
    })
    globals.my = { getNetworkType }
    const { mod, taro } = load('alipay')
    // Taro's alipay runtime passes my.getNetworkType's result through unchanged.
    taro.getNetworkType = jest.fn(async () => ({ networkAvailable: false, networkType: 'NOTREACHABLE' }))
    expect([await mod.isOnline(), await mod.isOnline(), await mod.isOnline()]).toEqual([false, true, true])
  })

  it('alipay: a failed query counts as online (the request itself then decides)', async () => {
    globals.my = {
      getNetworkType: (option?: Parameters<typeof my.getNetworkType>[0]) =>
        option?.fail?.({ error: 3, errorMessage: 'unknown' }),
    }
    const { mod } = load('alipay')
    await expect(mod.isOnline()).resolves.toBe(true)
  })

  it('h5: navigator.onLine', async () => {
    const { mod } = load('h5')
    const onLine = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false)
    await expect(mod.isOnline()).resolves.toBe(false)
    onLine.mockReturnValue(true)
    await expect(mod.isOnline()).resolves.toBe(true)
    onLine.mockRestore()
  })
})

describe('onRetryMoment', () => {
  it.each(['weapp', 'alipay'] as const)('%s: calls back when the network returns or the app shows', (p) => {
    const { mod, taro } = load(p)
    taro.onNetworkStatusChange = jest.fn()
    taro.onAppShow = jest.fn()
    taro.offNetworkStatusChange = jest.fn()
    taro.offAppShow = jest.fn()
    const callback = jest.fn()
    const stop = mod.onRetryMoment(callback)
    const onStatus = taro.onNetworkStatusChange.mock.calls[0][0]
    onStatus({ isConnected: false, networkType: p === 'alipay' ? 'NOTREACHABLE' : 'none' })
    onStatus({ isConnected: true, networkType: p === 'alipay' ? 'WIFI' : 'wifi' })
    taro.onAppShow.mock.calls[0][0]()
    expect(callback).toHaveBeenCalledTimes(2)
    stop()
    expect(taro.offNetworkStatusChange).toHaveBeenCalledWith(onStatus)
  })
})
