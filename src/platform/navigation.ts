import Taro from '@tarojs/taro'
import { isOpenFailureForNetwork, showPageLoadFailure } from './pageLoadFailure'

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
 * while one navigateTo/redirectTo is in flight every other is refused (a navigation that never
 * settles stops blocking after IN_FLIGHT_LIMIT_MS, so the app can never lock itself out), and a
 * call for the URL just opened is refused while it repeats that tap: see repeatsLastOpen.
 */
const IN_FLIGHT_LIMIT_MS = 3000
const REPEAT_WINDOW_MS = 1000

type PageRouter = NonNullable<ReturnType<typeof Taro.getCurrentInstance>>['router']

let inFlight: { since: number } | null = null
let lastOpened: { url: string; at: number; from: PageRouter | null } | null = null

function currentRouter(): PageRouter | null {
  return Taro.getCurrentInstance()?.router ?? null
}

/**
 * Whether a call for `url` repeats the one that just opened it: the page tapped on has not been
 * left yet (Taro gives each showing of a page a new router object, and none between a hide and
 * the next show), or the page opened is already on top. Coming back to the page and tapping
 * again shows it anew, so that tap opens the page, however soon.
 */
function repeatsLastOpen(url: string, now: number): boolean {
  if (!lastOpened || lastOpened.url !== url || now - lastOpened.at >= REPEAT_WINDOW_MS) return false
  const router = currentRouter()
  return router === null || router === lastOpened.from || currentPageUrl() === url
}

async function openOnce(url: string, open: (url: string) => Promise<void>): Promise<void> {
  const now = Date.now()
  if (inFlight && now - inFlight.since < IN_FLIGHT_LIMIT_MS) return
  if (repeatsLastOpen(url, now)) return
  const mine = { since: now }
  inFlight = mine
  lastOpened = { url, at: now, from: currentRouter() }
  try {
    await open(url)
  } catch (error) {
    // Nothing opened: the user may tap again at once.
    if (lastOpened?.url === url) lastOpened = null
    throw error
  } finally {
    // A later navigation may have taken over after the limit: only the owner releases the lock.
    if (inFlight === mine) inFlight = null
  }
}

/**
 * WeChat and Alipay download a subpackage on its first use: without the network the navigation
 * fails and nothing shows. The user is told, with 重试 (./pageLoadFailure.ts); the caller still
 * sees the failure.
 */
async function tellIfOffline<T>(open: () => Promise<T>, again: () => Promise<void>): Promise<T> {
  try {
    return await open()
  } catch (error) {
    if (isOpenFailureForNetwork(error)) showPageLoadFailure(again)
    throw error
  }
}

/**
 * Pushes a page (at most once per tap: see openOnce). WeChat and Alipay cap the page stack at 10
 * and fail navigateTo beyond it ("webview count limit exceed"); the user still expects to arrive,
 * so the top page is replaced.
 */
export async function navigateTo(path: PagePath, query?: QueryParams): Promise<void> {
  await openOnce(withQuery(path, query), (url) =>
    tellIfOffline(
      async () => {
        try {
          await Taro.navigateTo({ url })
        } catch (error) {
          if (!/limit/i.test(String((error as { errMsg?: string } | null)?.errMsg ?? ''))) throw error
          await Taro.redirectTo({ url })
        }
      },
      () => navigateTo(path, query),
    ),
  )
}

/** Replaces the current page (no way back to it); at most once per tap, as navigateTo. */
export async function redirectTo(path: PagePath, query?: QueryParams): Promise<void> {
  await openOnce(withQuery(path, query), (url) =>
    tellIfOffline(
      async () => {
        await Taro.redirectTo({ url })
      },
      () => redirectTo(path, query),
    ),
  )
}

/** Opens a tab page. Tab pages take no query string on any platform: pass state via a store. */
export async function switchTab(path: PagePath): Promise<void> {
  await tellIfOffline(
    () => Taro.switchTab({ url: path }),
    () => switchTab(path),
  )
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

/**
 * The title bar's 返回: back one page, or — a page opened by its address, a shared link or a reload,
 * with nothing below it — to `home`. (Taro's H5 navigateBack with no page below calls history.go(0),
 * which reloads the page instead of leaving it, so the stack is asked first.)
 */
export async function backOrHome(home: PagePath): Promise<void> {
  if (hasPreviousPage()) {
    await Taro.navigateBack({ delta: 1 })
    return
  }
  await Taro.reLaunch({ url: home })
}
