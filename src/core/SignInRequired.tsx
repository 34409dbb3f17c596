import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { currentPageUrl, navigateTo } from '../platform/navigation'
import { ROUTES } from './routes'
import { useSession } from './session'
import { ActionButton } from '../ui/ActionButton'

/** Opens the login page, telling it which page (with its query, e.g. a sign ticket) to return to. */
export function goToLogin() {
  const here = currentPageUrl()
  const returnable = here !== null && !here.startsWith(ROUTES.login)
  void navigateTo(ROUTES.login, returnable ? { redirect: here } : undefined)
}

/**
 * Renders its children for a signed-in user, otherwise a prompt that leads to the login page and
 * back — with `alternatives` under it: what the person can do here without signing in.
 */
export function SignInRequired(props: { children: ReactNode; reason?: string; alternatives?: ReactNode }) {
  const signedIn = useSession((s) => s.token !== null)
  if (signedIn) return <>{props.children}</>
  return (
    <View className='card status-view'>
      <View className='title'>欢迎使用政企通</View>
      <View className='muted'>{props.reason ?? '登录后即可使用本功能'}</View>
      <ActionButton label='去登录' onClick={goToLogin} />
      {props.alternatives}
    </View>
  )
}
