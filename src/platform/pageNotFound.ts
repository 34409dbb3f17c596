import Taro from '@tarojs/taro'

/**
 * Calls `handler` with the path asked for when the app is opened at, or sent to, a page it does not
 * have (an old share link, a mistyped H5 address). WeChat and H5 report it through onPageNotFound;
 * where the platform has no such event nothing is registered and the platform's own page shows.
 */
export function onPageNotFound(handler: (path: string) => void): void {
  if (typeof Taro.onPageNotFound !== 'function') return
  try {
    Taro.onPageNotFound((result) => handler(result.path))
  } catch {
    // not offered on this platform: see above
  }
}
