import Taro from '@tarojs/taro'
import { platform, type Platform } from './env'

/**
 * Connectivity for the "nothing lost" queues: whether the device is online now, and a callback for
 * each moment worth retrying — the network coming back, and the app returning to the foreground
 * (a phone often regains its network while the app is in the background, where no event reaches it).
 */
interface NetworkAdapter {
  isOnline: () => Promise<boolean>
  /** Subscribes; returns the unsubscribe. */
  onRetryMoment: (callback: () => void) => () => void
}

// Both mini-programs report the network coming back through onNetworkStatusChange's isConnected.
function miniRetryMoment(callback: () => void): () => void {
  const onStatus = (result: { isConnected: boolean }) => {
    if (result.isConnected) callback()
  }
  const onShow = () => callback()
  Taro.onNetworkStatusChange(onStatus)
  Taro.onAppShow(onShow)
  return () => {
    Taro.offNetworkStatusChange?.(onStatus)
    Taro.offAppShow?.(onShow)
  }
}

// wx.getNetworkType: networkType 'none' when there is no network.
// https://developers.weixin.qq.com/miniprogram/dev/api/device/network/wx.getNetworkType.html
const weapp: NetworkAdapter = {
  isOnline: async () => {
    try {
      const { networkType } = await Taro.getNetworkType()
      return networkType !== 'none'
    } catch {
      return true
    }
  },
  onRetryMoment: miniRetryMoment,
}

// my.getNetworkType never says 'none': offline is networkAvailable false / networkType 'NOTREACHABLE'
// (upper case, as are all its types), which Taro passes through unchanged.
// https://opendocs.alipay.com/mini/api/network-status
const alipay: NetworkAdapter = {
  isOnline: () =>
    new Promise<boolean>((resolve) => {
      try {
        my.getNetworkType({
          success: (result) => resolve(result.networkAvailable !== false && result.networkType !== 'NOTREACHABLE'),
          fail: () => resolve(true),
        })
      } catch {
        resolve(true)
      }
    }),
  onRetryMoment: miniRetryMoment,
}

// Taro H5's onNetworkStatusChange relies on navigator.connection, which Safari and Firefox lack;
// the window's online event and page visibility work in every browser.
const h5: NetworkAdapter = {
  isOnline: async () => typeof navigator === 'undefined' || navigator.onLine !== false,
  onRetryMoment: (callback) => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') callback()
    }
    window.addEventListener('online', callback)
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      window.removeEventListener('online', callback)
      document.removeEventListener('visibilitychange', onVisible)
    }
  },
}

const ADAPTERS: Record<Platform, NetworkAdapter> = { weapp, alipay, h5 }

/** False only when the platform says there is no network at all (a captive portal still counts as online). */
export function isOnline(): Promise<boolean> {
  return ADAPTERS[platform].isOnline()
}

/** Calls back when the network returns or the app comes to the foreground; returns the unsubscribe. */
export function onRetryMoment(callback: () => void): () => void {
  return ADAPTERS[platform].onRetryMoment(callback)
}
