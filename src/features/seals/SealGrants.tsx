import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import type { SealGrantCreated, SealGrantView, SealView } from '../../contract/esign/schemas'
import { listSealGrants } from '../../api/seals/listSealGrants'
import { revokeSealGrant } from '../../api/seals/revokeSealGrant'
import { userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { copyText } from '../../platform/clipboard'
import { confirm, toast } from '../../platform/feedback'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { GrantForm } from './GrantForm'
import { inviteDeadline } from './grantDates'
import { grantLastDay } from '../../domain/signing/grantDay'
import { GRANT_STATUS_LABELS } from './sealLabels'
import { useLoad } from './useLoad'

function granteeText(grant: SealGrantView): string {
  const { nameMasked, phoneMasked } = grant.grantee
  // The status (待接受 until the code is used) is shown next to it, so it is not repeated here.
  if (!nameMasked && !phoneMasked) return '邀请码经办人'
  return [nameMasked, phoneMasked].filter(Boolean).join(' ')
}

async function copyInviteCode(code: string) {
  try {
    await copyText(code)
    toast('已复制邀请码', 'success')
  } catch {
    toast('复制失败，请手动抄下邀请码', 'error')
  }
}

/** 印章授权 (legal representative only): who may use which seal until when; add and revoke. */
export function SealGrants(props: { enterpriseId: string; seals: SealView[] }) {
  const fetchGrants = useCallback(() => listSealGrants(apiClient, props.enterpriseId), [props.enterpriseId])
  const { state, reload: load } = useLoad(fetchGrants)
  const [adding, setAdding] = useState(false)
  const [invite, setInvite] = useState<SealGrantCreated | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)

  const revoke = async (grant: SealGrantView) => {
    const ok = await confirm({
      title: '撤销授权',
      content: `撤销后${granteeText(grant)}将立即不能使用这些印章。`,
      confirmText: '撤销',
    })
    if (!ok) return
    setActionError(null)
    try {
      await revokeSealGrant(apiClient, props.enterpriseId, grant.id)
      toast('已撤销', 'success')
      await load()
    } catch (e) {
      setActionError(userMessage(e))
    }
  }

  if (adding) {
    return (
      <GrantForm
        enterpriseId={props.enterpriseId}
        seals={props.seals}
        onCancel={() => setAdding(false)}
        onCreated={(grant) => {
          setAdding(false)
          setInvite(grant.inviteCode ? grant : null)
          // A grant by phone waits for the grantee's yes in the app; an invite code for its redemption.
          toast(grant.status === 'active' ? '已授权' : '已发出，待对方确认', 'success')
          void load()
        }}
      />
    )
  }
  return (
    <View className='card'>
      <View className='title'>印章授权</View>
      {invite?.inviteCode ? (
        <View className='banner' ariaRole='status'>
          <View>
            邀请码 {invite.inviteCode}（仅显示一次，请交给经办人；
            {invite.inviteExpiresAt ? `${inviteDeadline(invite.inviteExpiresAt)} 前有效` : '限时有效'}）
          </View>
          <ActionButton label='复制邀请码' variant='secondary' onClick={() => copyInviteCode(invite.inviteCode ?? '')}>
            复制
          </ActionButton>
        </View>
      ) : null}
      {state.kind === 'loading' ? <StatusView kind='loading' /> : null}
      {state.kind === 'error' ? (
        <StatusView kind='error' text={state.text} refused={state.refused} onRetry={load} />
      ) : null}
      {state.kind === 'ready' && state.value.length === 0 ? (
        <StatusView kind='empty' text='还没有授权' hint='授权经办人后，对方即可扫码使用指定印章' />
      ) : null}
      {state.kind === 'ready'
        ? state.value.map((grant) => (
            <View key={grant.id} className='option'>
              <View>
                {granteeText(grant)} · {GRANT_STATUS_LABELS[grant.status]}
              </View>
              <View className='muted'>{grant.seals.map((s) => s.name).join('、')}</View>
              <View className='muted'>有效至 {grantLastDay(grant.validUntil)}</View>
              {grant.status === 'active' || grant.status === 'invited' ? (
                <ActionButton label={`撤销${granteeText(grant)}的授权`} variant='danger' onClick={() => revoke(grant)}>
                  撤销授权
                </ActionButton>
              ) : null}
            </View>
          ))
        : null}
      <ErrorText message={actionError} />
      <ActionButton label='新增授权' variant='secondary' onClick={() => setAdding(true)} />
    </View>
  )
}
