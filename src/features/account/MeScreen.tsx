import { useState } from 'react'
import { View } from '@tarojs/components'
import { logout } from '../../api/auth/logout'
import { userMessage } from '../../api/errors'
import { updateConsent } from '../../api/me/updateConsent'
import { apiClient } from '../../core/apiClient'
import { PRIVACY_POLICY_VERSION } from '../../core/consent'
import { ElderModeSwitch } from '../../core/ElderModeSwitch'
import { selectCurrentEnterprise, useEnterpriseContext } from '../../core/enterpriseContext'
import { usePreferences } from '../../core/preferences'
import { ROUTES } from '../../core/routes'
import { useSession } from '../../core/session'
import { confirm } from '../../platform/feedback'
import { navigateTo } from '../../platform/navigation'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { roleMay } from '../../domain/access/permissions'

/** 我的: who I am (masked), my enterprise's people and my grants, 长辈版, privacy policy and consent, sign out. */
export function MeScreen() {
  const user = useSession((s) => s.user)
  const consentVersion = usePreferences((s) => s.consentVersion)
  const current = useEnterpriseContext(selectCurrentEnterprise)
  // The server decides; this only hides an entry that would answer 403.
  const managesMembers = current !== null && roleMay(current.role, 'members:manage', false)
  const [error, setError] = useState<string | null>(null)

  const forgetLocalData = () => {
    useSession.getState().clear()
    useEnterpriseContext.getState().reset()
  }

  const revoke = async () => {
    const ok = await confirm({
      title: '撤回隐私授权',
      content: '撤回后将退出登录，政企通不再处理您的个人信息。再次使用需重新同意。',
      confirmText: '撤回',
    })
    if (!ok) return
    try {
      if (useSession.getState().token)
        await updateConsent(apiClient, { accepted: false, version: PRIVACY_POLICY_VERSION })
      usePreferences.getState().revokeConsent()
      forgetLocalData()
      setError(null)
    } catch (e) {
      setError(userMessage(e))
    }
  }

  const signOut = async () => {
    try {
      await logout(apiClient)
    } catch {
      // Signing out locally matters more than telling the server: the token expires anyway.
    }
    forgetLocalData()
  }

  return (
    <View>
      {user ? (
        <View className='card' ariaLabel='我的信息'>
          <View className='title'>{user.name ?? '未实名用户'}</View>
          <View className='muted'>手机号：{user.phoneMasked ?? '未绑定'}</View>
          <View className='muted'>身份证号：{user.idNumberMasked ?? '未实名认证'}</View>
        </View>
      ) : null}

      {user ? (
        <View className='card'>
          {managesMembers ? (
            <View
              className='row'
              onClick={() => navigateTo(ROUTES.enterpriseMembers)}
              ariaRole='link'
              ariaLabel='企业成员'
            >
              <View>企业成员</View>
              <View className='muted'>查看、移除关联本企业的人 ›</View>
            </View>
          ) : null}
          <View
            className='row'
            onClick={() => navigateTo(ROUTES.inviteAccept)}
            ariaRole='link'
            ariaLabel='接受印章授权'
          >
            <View>接受印章授权</View>
            <View className='muted'>确认给您的授权或输入邀请码 ›</View>
          </View>
        </View>
      ) : null}

      <ElderModeSwitch />

      <View className='card'>
        {user ? (
          <View
            className='row'
            onClick={() => navigateTo(ROUTES.reminderSettings)}
            ariaRole='link'
            ariaLabel='证照提醒设置'
          >
            <View>证照提醒设置</View>
            <View className='muted'>提前天数、提醒渠道 ›</View>
          </View>
        ) : null}
        <View className='row' onClick={() => navigateTo(ROUTES.privacy)} ariaRole='link' ariaLabel='隐私政策'>
          <View>隐私政策</View>
          <View className='muted'>查看 ›</View>
        </View>
        <View className='row'>
          <View>隐私授权</View>
          <View className='muted'>{consentVersion ? `已同意（${consentVersion} 版）` : '未同意'}</View>
        </View>
        {consentVersion ? <ActionButton variant='danger' label='撤回隐私授权' onClick={revoke} /> : null}
        <ErrorText message={error} />
      </View>

      {user ? <ActionButton variant='secondary' label='退出登录' onClick={signOut} /> : null}
    </View>
  )
}
