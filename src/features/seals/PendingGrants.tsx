import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import type { MySealGrantView } from '../../contract/esign/schemas'
import { acceptSealGrantById } from '../../api/seals/acceptSealGrantById'
import { listMySealGrants } from '../../api/seals/listMySealGrants'
import { userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { useEnterpriseContext } from '../../core/enterpriseContext'
import { grantLastDay } from '../../domain/signing/grantDay'
import { toast } from '../../platform/feedback'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { useLoad } from './useLoad'

/**
 * 待我确认的授权: a legal representative who granted seals to my phone number waits for my yes.
 * Until I accept, I am not linked to the enterprise and can use none of its seals.
 */
export function PendingGrants() {
  const fetchGrants = useCallback(() => listMySealGrants(apiClient), [])
  const { state, reload } = useLoad(fetchGrants)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const accept = async (grant: MySealGrantView) => {
    setError(null)
    setBusy(grant.id)
    try {
      await acceptSealGrantById(apiClient, grant.id)
      toast('已接受授权', 'success')
      // Accepting links me to the enterprise: list it and make it the current one.
      await useEnterpriseContext.getState().load()
      await useEnterpriseContext
        .getState()
        .switchTo(grant.enterpriseId)
        .catch(() => undefined)
      await reload()
    } catch (e) {
      setError(userMessage(e))
    } finally {
      setBusy(null)
    }
  }

  if (state.kind === 'loading') return <StatusView kind='loading' text='正在查询给您的授权…' />
  if (state.kind === 'error')
    return <StatusView kind='error' text={state.text} refused={state.refused} onRetry={reload} />
  const waiting = state.value.filter((grant) => grant.status === 'invited')
  if (waiting.length === 0) return null
  return (
    <View className='card'>
      <View className='title'>待您确认的授权（{waiting.length}）</View>
      <View className='muted'>确认后您将作为经办人关联该企业，并可使用下列印章签署；法定代表人可随时撤销。</View>
      {waiting.map((grant) => (
        <View key={grant.id} className='option'>
          <View>{grant.enterpriseName}</View>
          <View className='muted'>{grant.seals.map((seal) => seal.name).join('、')}</View>
          <View className='muted'>有效至 {grantLastDay(grant.validUntil)}</View>
          <ActionButton
            label={`接受${grant.enterpriseName}的授权`}
            disabled={busy !== null}
            onClick={() => accept(grant)}
          >
            {busy === grant.id ? '正在接受…' : '接受授权'}
          </ActionButton>
        </View>
      ))}
      <ErrorText message={error} />
    </View>
  )
}
