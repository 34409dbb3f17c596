import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'

// Page lifecycle hooks wrapped (not re-exported: Taro's H5 babel transform rewrites imported
// API names into member expressions, which `export { … }` cannot hold) so pages and features
// never import Taro directly.

/** Runs whenever the page comes to the front (tab switch, back navigation, app foreground). */
export function usePageShow(callback: () => void): void {
  useDidShow(callback)
}

/** Runs on the pull-down gesture; the page config must set enablePullDownRefresh. */
export function usePullToRefresh(callback: () => void): void {
  usePullDownRefresh(callback)
}

/** The current page's query parameters (strings, already URL-decoded by the platform). */
export function usePageParams(): Record<string, string | undefined> {
  return useRouter().params
}

/** This page's own path (`/packages/…/index`, no query), or null where the platform gives none. */
export function usePagePath(): string | null {
  const path = useRouter().path
  return typeof path === 'string' && path !== '' ? `/${path.split('?')[0].replace(/^\/+/, '')}` : null
}

/** Ends the pull-down spinner; pages call it when their refresh settles. */
export function stopPullDownRefresh(): void {
  Taro.stopPullDownRefresh()
}
