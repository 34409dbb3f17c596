/**
 * H5 only: the app config Taro's H5 entry keeps on window (`window.__taroAppConfig`), its routes
 * included — each with the page's loader and its page config (navigationBarTitleText…). Empty on
 * the mini-programs and in tests.
 */
export interface H5Route {
  path: string
  load?: (context?: unknown, params?: unknown) => unknown
  navigationBarTitleText?: string
}

export function h5Routes(): H5Route[] {
  if (typeof window === 'undefined') return []
  const config = (window as unknown as { __taroAppConfig?: { routes?: H5Route[] } }).__taroAppConfig
  return Array.isArray(config?.routes) ? config.routes : []
}

/** A page path without its leading slash or query, as app.config.ts lists it. */
export function bareRoute(path: string): string {
  return path.split('?')[0].replace(/^\/+/, '')
}

/** The title the page's config gives it (navigationBarTitleText), or null when unknown. */
export function h5PageTitle(path: string): string | null {
  const wanted = bareRoute(path)
  const route = h5Routes().find((candidate) => bareRoute(candidate.path) === wanted)
  return typeof route?.navigationBarTitleText === 'string' ? route.navigationBarTitleText : null
}
