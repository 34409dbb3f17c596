import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { navigateTo } from '../platform/navigation'
import { ROUTES } from './routes'
import { useSession } from './session'
import { ActionButton } from '../ui/ActionButton'

/** Renders its children for a signed-in user, otherwise a prompt that leads to the login page. */
export function SignInRequired(props: { children: ReactNode; reason?: string }) {
  const signedIn = useSession((s) => s.token !== null)
  if (signedIn) return <>{props.children}</>
  return (
    <View className='card status-view'>
      <View className='title'>欢迎使用政企通</View>
      <View className='muted'>{props.reason ?? '登录后即可查看企业证照、办理业务'}</View>
      <ActionButton label='去登录' onClick={() => navigateTo(ROUTES.login)} />
    </View>
  )
}
