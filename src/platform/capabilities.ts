import { platform } from './env'

/**
 * What this build's platform can do, as flags: features and pages ask `canScanCode`, never
 * `platform === 'h5'`, so a platform that gains (or loses) a capability is one edit here. Each flag
 * names the platform fact behind it. Platform-specific *how* stays in the platform module (scan.ts,
 * files.ts…); these say only *whether*.
 */

/**
 * 扫码: WeChat `wx.scanCode` (developers.weixin.qq.com/miniprogram/dev/api/device/scan/wx.scanCode)
 * and Alipay `my.scan` open the client's camera scanner. H5 has none of its own: Taro's H5
 * `scanCode` is the WeChat JS-SDK's `scanQRCode` (@tarojs/taro-h5 dist/api/device/scan.js), which
 * needs `wx.config` signed for our domain by an 公众号 — not shipped — so on H5 a QR code is
 * followed as a link by the phone's own camera instead (scan.ts).
 */
export const canScanCode: boolean = platform !== 'h5'

// drawsOwnTitleBar (titleBar.ts) is a flag too, in a file of its own: PageShell reads it when it loads.
