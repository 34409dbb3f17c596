import { View } from '@tarojs/components'
import { navigateTo } from '../platform/navigation'
import { ActionButton } from '../ui/ActionButton'
import { ROUTES, type Route } from './routes'
import { goToLogin } from './SignInRequired'

/** What works without an account; `signInToSubmit` where only the last step asks for one. */
export interface PublicEntry {
  name: string
  description: string
  route: Route
  signInToSubmit?: boolean
}

export const PUBLIC_ENTRIES: readonly PublicEntry[] = [
  { name: '惠企政策', description: '浏览政策目录，查看申报条件', route: ROUTES.policies },
  { name: '政策计算器', description: '填几项企业情况，看可以享受哪些政策', route: ROUTES.policyCalculator },
  {
    name: '匿名诉求',
    description: '反映问题，不向办理部门显示姓名和电话（提交时需登录）',
    route: ROUTES.complaintNew,
    signInToSubmit: true,
  },
  { name: '查询码查进度', description: '凭匿名诉求的查询码查看办理进展', route: ROUTES.complaintQuery },
  { name: '验章', description: '核验盖了电子印章的文件是否真实', route: ROUTES.verifySeal },
]

/**
 * The doors open to someone signed out — or who has not agreed to the privacy policy (`withoutAccount`:
 * only what needs no sign-in at all). With `signIn`, signing in is one more choice among them.
 */
export function PublicEntries(props: { title?: string; intro?: string; withoutAccount?: boolean; signIn?: boolean }) {
  const entries = props.withoutAccount ? PUBLIC_ENTRIES.filter((e) => !e.signInToSubmit) : PUBLIC_ENTRIES
  return (
    <View className='card' ariaLabel={props.title ?? '无需登录即可使用'}>
      <View className='title'>{props.title ?? '无需登录即可使用'}</View>
      {props.intro ? <View className='muted'>{props.intro}</View> : null}
      {entries.map((entry) => (
        <View
          key={entry.name}
          className='row option'
          ariaRole='link'
          ariaLabel={entry.name}
          onClick={() => void navigateTo(entry.route)}
        >
          <View>
            <View>{entry.name}</View>
            <View className='muted'>{entry.description}</View>
          </View>
          <View className='muted'>›</View>
        </View>
      ))}
      {props.signIn ? (
        <View>
          <View className='muted'>登录后还可以：查看企业证照和续期提醒、使用电子印章、跟踪诉求进展。</View>
          <ActionButton label='去登录' onClick={goToLogin} />
        </View>
      ) : null}
    </View>
  )
}
