import { bareRoute, h5Routes } from './h5AppConfig'

/**
 * H5 only: keeps the app shell on the device so the four tab pages open with no network after a
 * first visit. Mini-programs need none of this: WeChat and Alipay keep the main package (entry and
 * tab pages) on the device themselves.
 *
 * 1. Registers the service worker the server sends at /sw.js (server/kernel/http/service-worker.ts).
 * 2. Once the page has settled, loads the tab pages' code (Taro's own route loaders, so the same
 *    chunks the router would fetch on a tap), which the worker stores.
 * 3. Tells the worker which hashed files this page loaded before it took control (the first
 *    visit), so those are stored as well.
 */

/** Fetches the code of the pages at `paths` (without a leading slash, as in app.config.ts). */
export function prefetchPages(paths: readonly string[]): Promise<void> {
  const wanted = new Set(paths.map(bareRoute))
  const loads = h5Routes()
    .filter((route) => wanted.has(bareRoute(route.path)) && typeof route.load === 'function')
    .map((route) => {
      try {
        const result = route.load?.()
        const page = Array.isArray(result) ? result[0] : result
        return Promise.resolve(page).then(
          () => undefined,
          () => undefined,
        )
      } catch {
        return Promise.resolve()
      }
    })
  return Promise.all(loads).then(() => undefined)
}

function loadedAssetUrls(): string[] {
  if (typeof performance === 'undefined' || typeof performance.getEntriesByType !== 'function') return []
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.indexOf(window.location.origin + '/') === 0)
}

function whenControlled(container: ServiceWorkerContainer): Promise<ServiceWorker> {
  if (container.controller) return Promise.resolve(container.controller)
  return new Promise((resolve) => {
    container.addEventListener('controllerchange', () => {
      if (container.controller) resolve(container.controller)
    })
  })
}

/**
 * Once the page has loaded and the browser is idle (or after 2 s at most): the four pages' code is
 * main-thread work best kept out of the first render, yet someone may go offline within seconds.
 */
function whenIdle(callback: () => void): void {
  const idle = (window as { requestIdleCallback?: (cb: () => void, options: { timeout: number }) => number })
    .requestIdleCallback
  if (typeof idle === 'function') idle(callback, { timeout: 2000 })
  else setTimeout(callback, 0)
}

function afterLoad(callback: () => void): void {
  const later = () => whenIdle(callback)
  if (document.readyState === 'complete') later()
  else window.addEventListener('load', later, { once: true })
}

/**
 * Starts the offline shell (H5; a no-op elsewhere, and where the browser has no service workers,
 * e.g. plain http on a LAN address: then the tab pages are still prefetched for this visit).
 */
export function startOfflineShell(tabPaths: readonly string[]): void {
  // Written out in full so the build replaces it with a literal: the mini-programs' bundles drop
  // everything below (their main package is near its size budget).
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return
  afterLoad(() => {
    const prefetched = prefetchPages(tabPaths)
    const container = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined
    if (!container || !window.isSecureContext) return
    container
      .register('/sw.js', { scope: '/' })
      .then(() => Promise.all([whenControlled(container), prefetched]))
      .then(([worker]) => worker.postMessage({ type: 'keep', urls: loadedAssetUrls() }))
      .catch(() => undefined)
  })
}
