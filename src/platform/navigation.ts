import Taro from '@tarojs/taro'

/** An absolute page path as declared in app.config.ts (main package or a subpackage). */
export type PagePath = `/pages/${string}` | `/packages/${string}`

export type QueryParams = Record<string, string | number | boolean | null | undefined>

function withQuery(path: PagePath, query?: QueryParams): string {
  const pairs = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return pairs.length ? `${path}?${pairs.join('&')}` : path
}

/**
 * A double tap, or a touch delivered again as a click, calls navigateTo twice: WeChat, Alipay and
 * Taro's H5 router all push the page twice, and the user has to go back twice to leave it. So
 * while one navigateTo/redirectTo is in flight every other is refused, and for a short while after
 * it settles so is the same URL again. A navigation that never settles stops blocking after
 * IN_FLIGHT_LIMIT_MS, so the app can never lock itself out of moving.
 */
const REPEAT_WINDOW_MS = 600
const IN_FLIGHT_LIMIT_MS = 3000

let inFlight: { since: number } | null = null
let lastOpened: { url: string; at: number } | null = null

async function openOnce(url: string, open: (url: string) => Promise<void>): Promise<void> {
  const now = Date.now()
  if (inFlight && now - inFlight.since < IN_FLIGHT_LIMIT_MS) return
  if (lastOpened && lastOpened.url === url && now - lastOpened.at < REPEAT_WINDOW_MS) return
  const mine = { since: now }
  inFlight = mine
  lastOpened = null
  try {
    await open(url)
    lastOpened = { url, at: Date.now() }
  } finally {
    // A later navigation may have taken over after the limit: only the owner releases the lock.
    if (inFlight === mine) inFlight = null
  }
}

/**
 * Pushes a page (at most once per tap: see openOnce). WeChat and Alipay cap the page stack at 10
 * and fail navigateTo beyond it ("webview count limit exceed"); the user still expects to arrive,
 * so the top page is replaced.
 */
export async function navigateTo(path: PagePath, query?: QueryParams): Promise<void> {
  await openOnce(withQuery(path, query), async (url) => {
    try {
      await Taro.navigateTo({ url })
    } catch (error) {
      if (!/limit/i.test(String((error as { errMsg?: string } | null)?.errMsg ?? ''))) throw error
      await Taro.redirectTo({ url })
    }
  })
}

/** Replaces the current page (no way back to it); at most once per tap, as navigateTo. */
export async function redirectTo(path: PagePath, query?: QueryParams): Promise<void> {
  await openOnce(withQuery(path, query), async (url) => {
    await Taro.redirectTo({ url })
  })
}

/** Opens a tab page. Tab pages take no query string on any platform: pass state via a store. */
export async function switchTab(path: PagePath): Promise<void> {
  await Taro.switchTab({ url: path })
}

/** Closes every page and opens this one (after logout, or a deep link with no history). */
export async function reLaunch(path: PagePath, query?: QueryParams): Promise<void> {
  await Taro.reLaunch({ url: withQuery(path, query) })
}

/**
 * Goes back `delta` pages. A page opened from a share card or a notification has nothing
 * behind it, so navigateBack fails there; `fallback` (usually a tab page) is then relaunched.
 */
export async function back(options: { delta?: number; fallback?: PagePath } = {}): Promise<void> {
  try {
    await Taro.navigateBack({ delta: options.delta ?? 1 })
  } catch (error) {
    if (!options.fallback) throw error
    await Taro.reLaunch({ url: options.fallback })
  }
}

/**
 * The page on top of the stack as `path?query` (its own query only: the platform's stamps are dropped),
 * e.g. to come back to it after signing in. Null when no page is known yet.
 */
export function currentPageUrl(): string | null {
  const router = Taro.getCurrentInstance()?.router
  if (!router?.path) return null
  const path = `/${router.path.split('?')[0].replace(/^\/+/, '')}` as PagePath
  const query: QueryParams = {}
  for (const [key, value] of Object.entries(router.params ?? {})) {
    if (key === 'stamp' || key.startsWith('$taro') || typeof value !== 'string') continue
    query[key] = value
  }
  return withQuery(path, query)
}

/** Whether a page lies below the current one (navigateBack can reach it). */
export function hasPreviousPage(): boolean {
  return Taro.getCurrentPages().length > 1
}
