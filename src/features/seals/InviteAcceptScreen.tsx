import { useState } from 'react'
import { View } from '@tarojs/components'
import type { SealGrantView } from '../../contract/esign/schemas'
import { acceptSealGrant } from '../../api/seals/acceptSealGrant'
import { isApiError, userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { useEnterpriseContext } from '../../core/enterpriseContext'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { TextField } from '../../ui/TextField'
import { grantLastDay } from '../../domain/signing/grantDay'
import { INVITE_CODE_PROBLEM_MESSAGES, readInviteCode } from '../../domain/signing/inviteCode'

// The server cannot tell an unknown code from a used or expired one (it keeps only a hash).
const INVALID_CODE_MESSAGE =
  '邀请码无效、已被使用或已过期（邀请码 7 天内有效，只能使用一次），请向企业法定代表人索取新的邀请码'

function acceptError(error: unknown): string {
  if (isApiError(error) && error.name === 'BusinessError') {
    if (error.code === 'INVITE_CODE_INVALID') return INVALID_CODE_MESSAGE
    const fieldMessage = error.details?.find((d) => d.field === 'inviteCode')?.message
    if (fieldMessage) return fieldMessage
  }
  return userMessage(error)
}

/** 经办人接受授权: redeem the one-time invite code from the legal representative; shows what was granted. */
export function InviteAcceptScreen(props: { initialCode?: string; onViewSeals: () => void }) {
  const [code, setCode] = useState(props.initialCode ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [grant, setGrant] = useState<SealGrantView | null>(null)
  const enterprises = useEnterpriseContext((s) => s.enterprises)

  const accept = async () => {
    const read = readInviteCode(code)
    if (!read.ok) {
      setError(INVITE_CODE_PROBLEM_MESSAGES[read.problem])
      return
    }
    setError(null)
    setBusy(true)
    try {
      const accepted = await acceptSealGrant(apiClient, { inviteCode: read.code })
      setGrant(accepted)
      // Accepting links the handler to the enterprise: list it and make it the current one.
      await useEnterpriseContext.getState().load()
      await useEnterpriseContext
        .getState()
        .switchTo(accepted.enterpriseId)
        .catch(() => undefined)
    } catch (e) {
      setError(acceptError(e))
    } finally {
      setBusy(false)
    }
  }

  if (grant) {
    const enterprise = enterprises.find((e) => e.id === grant.enterpriseId)
    return (
      <View className='card' ariaRole='status'>
        <View className='title'>已接受印章授权</View>
        {enterprise ? <View>企业：{enterprise.name}</View> : null}
        <View className='field__label'>您可以使用的印章</View>
        {grant.seals.map((seal) => (
          <View key={seal.id}>{seal.name}</View>
        ))}
        <View className='muted'>授权有效至 {grantLastDay(grant.validUntil)}，法定代表人可随时撤销。</View>
        <ActionButton label='查看可用印章' onClick={props.onViewSeals} />
      </View>
    )
  }
  return (
    <View className='card'>
      <View className='title'>输入邀请码</View>
      <View className='muted'>
        企业法定代表人以邀请码授权您使用印章时，会把 12 位邀请码交给您。输入后即可在「电子印章」中使用被授权的印章。
      </View>
      <TextField label='邀请码' value={code} maxlength={20} placeholder='如 7K3M-Q9TX-2HCD' onChange={setCode} />
      <ErrorText message={error} />
      <ActionButton label='接受授权' disabled={busy} onClick={accept} />
    </View>
  )
}
