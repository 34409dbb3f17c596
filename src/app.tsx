import './core/polyfills'
import type { PropsWithChildren } from 'react'
import { usePrivacyPrompt } from './core/privacyPrompt'
import { ROUTES } from './core/routes'
import { ensureAutoSend } from './features/complaints/autoSend'
import { installKeyboardAccess } from './platform/keyboard'
import { redirectTo } from './platform/navigation'
import { onPageNotFound } from './platform/pageNotFound'
import { onNeedPrivacyAuthorization } from './platform/privacy'
import './app.scss'

// WeChat calls this before each privacy-relevant API until consent is given; every request is
// queued, the current page's PageShell shows the consent dialog, and its one answer resolves them all.
onNeedPrivacyAuthorization((resolve) => usePrivacyPrompt.getState().ask(resolve))

// An address the app does not have (an old link, a typo) gets a page that says so, with a way home.
onPageNotFound(() => void redirectTo(ROUTES.notFound).catch(() => undefined))

// A complaint queued offline (有诉即办) goes out when the network returns, whichever page is open.
ensureAutoSend()

// H5: every control (anything with a control role) is reached by Tab and pressed by Enter/Space.
installKeyboardAccess()

export default function App({ children }: PropsWithChildren) {
  return children
}
