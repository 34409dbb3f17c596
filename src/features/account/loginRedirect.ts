import { ROUTES, TAB_ROUTES, type Route } from '../../core/routes'

export type LoginReturn = { route: Route; query: Record<string, string>; tab: boolean }

const KNOWN_ROUTES: readonly string[] = Object.values(ROUTES)

function decodeSafely(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

/**
 * Where to go after signing in, from the login page's `redirect` parameter (`/path?query`, possibly
 * still URL-encoded once by the platform). Only pages of this app are accepted (no open redirect);
 * anything else, and the login page itself, yields null (the caller opens 工作台).
 */
export function parseLoginRedirect(raw: string | undefined): LoginReturn | null {
  if (!raw) return null
  const url = raw.startsWith('/') ? raw : decodeSafely(raw)
  if (!url?.startsWith('/')) return null
  const mark = url.indexOf('?')
  const path = mark < 0 ? url : url.slice(0, mark)
  const search = mark < 0 ? '' : url.slice(mark + 1)
  if (!KNOWN_ROUTES.includes(path) || path === ROUTES.login) return null
  const route = path as Route
  const query: Record<string, string> = {}
  for (const pair of search.split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    const decodedKey = decodeSafely(eq < 0 ? pair : pair.slice(0, eq))
    const decodedValue = decodeSafely(eq < 0 ? '' : pair.slice(eq + 1))
    if (decodedKey && decodedValue !== null) query[decodedKey] = decodedValue
  }
  return { route, query, tab: TAB_ROUTES.includes(route) }
}
