import { useEffect, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { applyElderRoot } from '../platform/elderRoot'
import { h5PageTitle } from '../platform/h5AppConfig'
import { usePagePath } from '../platform/lifecycle'
import { backOrHome, navigateTo } from '../platform/navigation'
import { drawsOwnTitleBar } from '../platform/titleBar'
import { PageHeader } from '../ui/PageHeader'
import { ConsentSheet } from './ConsentSheet'
import { usePreferences } from './preferences'
import { usePrivacyPrompt } from './privacyPrompt'
import { ROUTES, TAB_ROUTES } from './routes'

/** On H5 every page that is not a tab gets a title bar with 返回 (the mini-programs draw their own). */
function H5Header() {
  const path = usePagePath()
  if (!path || TAB_ROUTES.some((route) => route === path)) return null
  return <PageHeader title={h5PageTitle(path) ?? '政企通'} onBack={() => void backOrHome(ROUTES.workbench)} />
}

// Decided once, at module load (src/platform/titleBar.ts).
const TitleBar = drawsOwnTitleBar ? H5Header : null

/**
 * Every page's root. Applies 长辈版 (large text, high contrast) through one class, and shows the
 * privacy dialog over the page whenever WeChat asks for consent on it. The dialog sits inside the
 * root so it takes 长辈版's sizes from the same CSS variables.
 */
export function PageShell(props: { children: ReactNode; className?: string }) {
  const elderMode = usePreferences((s) => s.elderMode)
  const privacyPending = usePrivacyPrompt((s) => s.pending.length > 0)
  // The H5 tab bar sits outside this root; it follows 长辈版 through a class on <html>.
  useEffect(() => applyElderRoot(elderMode), [elderMode])
  const classes = ['page', elderMode ? 'page--elder' : '', props.className ?? ''].filter(Boolean).join(' ')
  return (
    // The main landmark (H5; mini-programs ignore it); the tab bar is the nav (src/platform/keyboard.ts).
    <View className={classes} data-elder={elderMode ? 'on' : 'off'} ariaRole='main'>
      {TitleBar ? <TitleBar /> : null}
      {props.children}
      {privacyPending ? <ConsentSheet onViewPolicy={() => navigateTo(ROUTES.privacy)} /> : null}
    </View>
  )
}
