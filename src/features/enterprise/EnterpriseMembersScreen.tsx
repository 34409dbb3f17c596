import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { EnterpriseMember } from '../../contract/esign/schemas'
import { listEnterpriseMembers } from '../../api/enterprises/listEnterpriseMembers'
import { removeEnterpriseMember } from '../../api/enterprises/removeEnterpriseMember'
import { isPermissionRefusal, userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { ROLE_LABELS } from '../../domain/access/permissions'
import { grantLastDay } from '../../domain/signing/grantDay'
import { confirm, toast } from '../../platform/feedback'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; text: string; refused: boolean }
  | { kind: 'ready'; members: EnterpriseMember[] }

function whoText(member: EnterpriseMember): string {
  return [member.nameMasked ?? '未实名用户', member.phoneMasked].filter(Boolean).join(' ')
}

function grantText(member: EnterpriseMember): string {
  if (member.grants.length === 0) return member.active ? '' : '印章授权已全部结束，不能再代表本企业办理业务'
  return member.grants
    .map((grant) => {
      const seals = grant.seals.map((seal) => seal.name).join('、')
      const state = grant.status === 'invited' ? '待对方确认' : `有效至 ${grantLastDay(grant.validUntil)}`
      return `${seals}（${state}）`
    })
    .join('；')
}

/** 企业成员 (legal representative): everyone linked to the enterprise, and removing any of them but oneself. */
export function EnterpriseMembersScreen(props: { enterpriseId: string }) {
  const [state, setState] = useState<Load>({ kind: 'loading' })
  const [removing, setRemoving] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)

  const load = useCallback(async () => {
    setState({ kind: 'loading' })
    try {
      setState({ kind: 'ready', members: await listEnterpriseMembers(apiClient, props.enterpriseId) })
    } catch (e) {
      setState({ kind: 'error', text: userMessage(e), refused: isPermissionRefusal(e) })
    }
  }, [props.enterpriseId])

  useEffect(() => {
    void load()
  }, [load])

  const remove = async (member: EnterpriseMember) => {
    const ok = await confirm({
      title: '移除成员',
      content: `移除后，${whoText(member)}将立即不能再代表本企业办理任何业务，其全部印章授权一并撤销。`,
      confirmText: '移除',
    })
    if (!ok) return
    setActionError(null)
    setRemoving(member.userId)
    try {
      await removeEnterpriseMember(apiClient, props.enterpriseId, member.userId)
      toast('已移除', 'success')
      await load()
    } catch (e) {
      setActionError(userMessage(e))
    } finally {
      setRemoving(null)
    }
  }

  if (state.kind === 'loading') return <StatusView kind='loading' />
  if (state.kind === 'error')
    return <StatusView kind='error' text={state.text} refused={state.refused} onRetry={load} />
  const others = state.members.filter((member) => !member.isSelf)
  return (
    <View>
      <View className='card'>
        <View className='title'>企业成员（{state.members.length}）</View>
        <View className='muted'>
          关联本企业的人都在这里。移除后对方立即失去对本企业的全部权限，其印章授权一并撤销。
        </View>
      </View>
      {state.members.map((member) => {
        const grants = grantText(member)
        return (
          <View key={member.userId} className='card' ariaLabel={`${whoText(member)}，${ROLE_LABELS[member.role]}`}>
            <View className='title'>
              {whoText(member)}
              {member.isSelf ? '（我）' : ''}
            </View>
            <View className='muted'>身份：{ROLE_LABELS[member.role]}</View>
            {grants ? <View className='muted'>印章授权：{grants}</View> : null}
            {member.isSelf ? null : (
              <ActionButton
                label={`移除${whoText(member)}`}
                variant='danger'
                disabled={removing !== null}
                onClick={() => remove(member)}
              >
                {removing === member.userId ? '正在移除…' : '移除'}
              </ActionButton>
            )}
          </View>
        )
      })}
      {others.length === 0 ? (
        <StatusView kind='empty' text='除您以外暂无其他成员' hint='授权经办人并经对方确认后，对方即成为企业成员' />
      ) : null}
      <ErrorText message={actionError} />
    </View>
  )
}
