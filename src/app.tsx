import type { PropsWithChildren } from 'react'
import { usePrivacyPrompt } from './core/privacyPrompt'
import { ensureAutoSend } from './features/complaints/autoSend'
import { onNeedPrivacyAuthorization } from './platform/privacy'
import './app.scss'

// WeChat calls this before the first privacy-relevant API; the current page's PageShell shows
// the consent sheet and answers through open-type="agreePrivacyAuthorization".
onNeedPrivacyAuthorization((resolve) => usePrivacyPrompt.getState().ask(resolve))

// A complaint queued offline (有诉即办) goes out when the network returns, whichever page is open.
ensureAutoSend()

export default function App({ children }: PropsWithChildren) {
  return children
}
