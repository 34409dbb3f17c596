import type { PropsWithChildren } from 'react'
import { usePrivacyPrompt } from './core/privacyPrompt'
import { onNeedPrivacyAuthorization } from './platform/privacy'
import './app.scss'

// WeChat calls this before the first privacy-relevant API; the current page's PageShell shows
// the consent sheet and answers through open-type="agreePrivacyAuthorization".
onNeedPrivacyAuthorization((resolve) => usePrivacyPrompt.getState().ask(resolve))

export default function App({ children }: PropsWithChildren) {
  return children
}
