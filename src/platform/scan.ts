import Taro from '@tarojs/taro'
import { platform, type Platform } from './env'

/** What was scanned, whatever the platform called the field. */
export interface ScanResult {
  value: string
}

/** Thrown when scanning is impossible here or the platform failed (not when the user backs out). Message is Chinese. */
export class ScanError extends Error {
  readonly name = 'ScanError' as const
}

type Scanner = () => Promise<ScanResult | null>

const isCancel = (failure: unknown) => {
  const f = (failure ?? {}) as { errMsg?: string; error?: number }
  // WeChat: "scanCode:fail cancel"; Alipay: error 10 = 用户取消.
  return /cancel/i.test(f.errMsg ?? '') || f.error === 10
}

const SCANNERS: Record<Platform, Scanner> = {
  weapp: async () => {
    try {
      return { value: (await Taro.scanCode({ scanType: ['qrCode', 'barCode'] })).result }
    } catch (failure) {
      if (isCancel(failure)) return null
      throw new ScanError('扫码失败，请重试')
    }
  },
  // my.scan returns `code`. It opens a native page, so App/Page onHide → onShow fire around
  // it: pages must not treat that onShow as "came back, reload everything".
  alipay: () =>
    new Promise((resolve, reject) => {
      my.scan({
        scanType: ['qrCode', 'barCode'],
        success: (res) => resolve({ value: res.code }),
        fail: (failure) => (isCancel(failure) ? resolve(null) : reject(new ScanError('扫码失败，请重试'))),
      })
    }),
  // Taro H5's scanCode needs the WeChat JS-SDK configured for our domain; we do not ship that.
  h5: async () => {
    throw new ScanError('网页版暂不支持扫码，请在微信或支付宝小程序中使用')
  },
}

/** Opens the camera scanner; null when the user backed out. */
export function scan(): Promise<ScanResult | null> {
  return SCANNERS[platform]()
}
