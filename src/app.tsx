import './core/polyfills'
import type { PropsWithChildren } from 'react'
import { usePrivacyPrompt } from './core/privacyPrompt'
import { ROUTES, TAB_ROUTES } from './core/routes'
import { ensureAutoSend } from './features/complaints/autoSend'
import { installKeyboardAccess } from './platform/keyboard'
import { redirectTo } from './platform/navigation'
import { startOfflineShell } from './platform/offlineShell'
import { watchPageLoadFailures } from './platform/pageLoadFailure'
import { onPageNotFound } from './platform/pageNotFound'
import { onNeedPrivacyAuthorization } from './platform/privacy'
import './app.scss'

// WeChat calls this before each privacy-relevant API until consent is given; every request is
// queued, the current page's PageShell shows the consent dialog, and its one answer resolves them all.
onNeedPrivacyAuthorization((resolve) => usePrivacyPrompt.getState().ask(resolve))

// An address the app does not have (an old link, a typo) gets a page that says so, with a way home.
onPageNotFound(() => void redirectTo(ROUTES.notFound).catch(() => undefined))

// H5: a page whose code cannot be fetched (offline) says so with 重试 instead of doing nothing; the
// tab pages' code is kept on the device (service worker) so they open offline after a first visit.
watchPageLoadFailures((path) => TAB_ROUTES.some((route) => route === path))
startOfflineShell(TAB_ROUTES)

// A complaint queued offline (有诉即办) goes out when the network returns, whichever page is open.
ensureAutoSend()

// H5: every control (anything with a control role) is reached by Tab and pressed by Enter/Space.
installKeyboardAccess()

export default function App({ children }: PropsWithChildren) {
  return children
}
