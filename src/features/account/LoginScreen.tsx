import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import { userMessage } from '../../api/errors'
import { signIn } from '../../core/apiClient'
import { ConsentSheet } from '../../core/ConsentSheet'
import { PRIVACY_POLICY_VERSION } from '../../core/consent'
import { PublicEntries } from '../../core/PublicEntries'
import { useEnterpriseContext } from '../../core/enterpriseContext'
import { usePreferences } from '../../core/preferences'
import { usePrivacyPrompt } from '../../core/privacyPrompt'
import { ROUTES } from '../../core/routes'
import { loginLabel, sandboxLoginAvailable } from '../../platform/env'
import { back, hasPreviousPage, navigateTo, redirectTo, switchTab } from '../../platform/navigation'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { parseLoginRedirect } from './loginRedirect'

const DEMO_USERS = [
  { phone: '13800000001', label: '张建国（法定代表人，2 家企业）' },
  { phone: '13800000002', label: '李晓梅（代办，5 家企业）' },
  { phone: '13800000003', label: '王磊（经办人，尚未关联企业）' },
]

/**
 * After signing in: back to the page that asked for it (with its query), else 工作台. That page
 * pushed the login page over itself and re-renders signed in, so going back reaches it; opening
 * it again would leave a second copy underneath (and a sign page would scan its ticket twice).
 */
async function leaveLogin(redirect: string | undefined) {
  const target = parseLoginRedirect(redirect)
  if (!target) return switchTab(ROUTES.workbench)
  if (target.tab) return switchTab(target.route)
  if (hasPreviousPage()) {
    try {
      return await back()
    } catch {
      // fall through: open it afresh
    }
  }
  return redirectTo(target.route, target.query)
}

/**
 * Login: consent first (nothing is sent before it), then the platform's own login. `redirect` is the
 * page (path and query) that sent the user here; only this app's pages are followed.
 */
export function LoginScreen(props: { redirect?: string } = {}) {
  const consented = usePreferences((s) => s.consentVersion === PRIVACY_POLICY_VERSION)
  // While WeChat's own prompt is up, the page shell already shows this dialog: one at a time.
  const shellAsks = usePrivacyPrompt((s) => s.pending.length > 0)
  const [phone, setPhone] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [declined, setDeclined] = useState(false)

  const submit = async (sandboxPhone?: string) => {
    if (sandboxLoginAvailable && !/^1\d{10}$/.test(sandboxPhone ?? '')) {
      setError('请输入 11 位手机号')
      return
    }
    setBusy(true)
    setError(null)
    try {
      await signIn({ sandboxPhone })
      await useEnterpriseContext.getState().load()
      await leaveLogin(props.redirect)
    } catch (e) {
      setError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (!consented && declined) {
    // 不同意 is an answer, not a dead end: say what still works without an account and let them go there.
    return (
      <View>
        <View className='card' ariaRole='status'>
          <View className='title'>您未同意隐私政策</View>
          <View className='muted'>
            登录、证照提醒、电子印章和诉求办理需要处理您的手机号等个人信息，同意后才能使用；
            下面的服务不需要账号，可以直接使用。
          </View>
          <ActionButton variant='secondary' label='重新阅读隐私政策' onClick={() => setDeclined(false)} />
        </View>
        <PublicEntries title='无需账号即可使用' withoutAccount />
      </View>
    )
  }
  if (!consented) {
    return shellAsks ? null : (
      <ConsentSheet onViewPolicy={() => navigateTo(ROUTES.privacy)} onDone={(agreed) => setDeclined(!agreed)} />
    )
  }

  return (
    <View className='card login'>
      <View className='title'>登录政企通</View>
      {sandboxLoginAvailable ? (
        <View>
          <View className='muted'>沙箱登录（仅开发与测试环境，不连接真实身份服务）</View>
          <Input
            className='input'
            type='number'
            maxlength={11}
            value={phone}
            placeholder='请输入演示手机号'
            ariaLabel='手机号'
            onInput={(e) => setPhone(e.detail.value)}
          />
          <ActionButton label='登录' disabled={busy} onClick={() => submit(phone)}>
            {busy ? '正在登录…' : '登录'}
          </ActionButton>
          {DEMO_USERS.map((user) => (
            <ActionButton
              key={user.phone}
              variant='secondary'
              disabled={busy}
              onClick={() => submit(user.phone)}
              label={`演示账号：${user.label}`}
            >
              {user.label}
            </ActionButton>
          ))}
        </View>
      ) : (
        <ActionButton label={loginLabel} disabled={busy} onClick={() => submit()}>
          {busy ? '正在登录…' : loginLabel}
        </ActionButton>
      )}
      <ErrorText message={error} />
    </View>
  )
}
