import { platform } from './env'

/** The class on <html> while 长辈版 is on (H5 only); src/app.scss styles the tab bar under it. */
export const ELDER_ROOT_CLASS = 'elder-root'

/**
 * Carries 长辈版 to what lies outside every page root. On H5 the tab bar is Taro's own DOM beside
 * the pages, so it can only be reached from <html>. On WeChat and Alipay the tab bar is native: its
 * label size is fixed by the platform and cannot be enlarged, so there is nothing to do.
 */
export function applyElderRoot(on: boolean): void {
  if (platform !== 'h5' || typeof document === 'undefined') return
  document.documentElement.classList.toggle(ELDER_ROOT_CLASS, on)
}
