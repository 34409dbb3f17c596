import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import { userMessage } from '../../api/errors'
import { signIn } from '../../core/apiClient'
import { ConsentSheet } from '../../core/ConsentSheet'
import { PRIVACY_POLICY_VERSION } from '../../core/consent'
import { useEnterpriseContext } from '../../core/enterpriseContext'
import { usePreferences } from '../../core/preferences'
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
  const [phone, setPhone] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

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

  if (!consented) {
    return <ConsentSheet onViewPolicy={() => navigateTo(ROUTES.privacy)} />
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
