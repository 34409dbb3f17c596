import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { SealAuditAction, SealAuditEntry } from '../../contract/esign/schemas'
import { listSealAudit } from '../../api/seals/listSealAudit'
import { isPermissionRefusal, userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { useEnterpriseContext } from '../../core/enterpriseContext'
import { PERMISSIONS, ROLE_LABELS, type EnterpriseRole } from '../../domain/access/permissions'
import { chinaDateTimeOf } from '../../domain/calendar/dates'
import { stopPullDownRefresh, usePullToRefresh } from '../../platform/lifecycle'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { auditDetailText } from './auditText'

export const AUDIT_ACTION_LABELS: Record<SealAuditAction, string> = {
  claim: '领取印章',
  grant: '授权经办人',
  'grant-accepted': '经办人接受授权',
  revoke: '撤销授权',
  sign: '签章',
  reject: '拒绝签署',
  'pin-failed': '签署密码错误',
  'face-failed': '刷脸未通过',
  refused: '用章规则拒绝',
  approve: '审批确认',
  rules: '修改用章规则',
  'seal-revoke': '注销印章',
}

const WARNINGS = new Set<SealAuditAction>(['pin-failed', 'face-failed', 'revoke', 'seal-revoke', 'reject', 'refused'])
const PAGE_SIZE = 20

type List = { items: SealAuditEntry[]; nextCursor: string | null }
type State = { kind: 'loading' } | { kind: 'error'; text: string; refused: boolean } | { kind: 'ready'; list: List }

/** Who may read 用章记录, from the one permission table (法定代表人 today). */
const AUDIT_READERS = PERMISSIONS['audit:read'].map((role) => ROLE_LABELS[role]).join('、')

/** Said instead of the server's refusal: who can see the records, and whom to ask. */
export function auditRefusalText(role: EnterpriseRole | undefined): string {
  const yours = role ? `，您在该企业的身份是${ROLE_LABELS[role]}` : ''
  return `用章记录仅企业${AUDIT_READERS}可查看${yours}。如需了解本企业的用章情况，请联系企业${AUDIT_READERS}。`
}

function actorText(entry: SealAuditEntry): string {
  if (entry.actor.nameMasked) return entry.actor.nameMasked
  return entry.actor.userId ? '未实名用户' : '系统'
}

/** 用章记录 (legal representative): claims, grants, signatures, refusals and failed attempts, newest first. */
export function SealAuditScreen(props: { enterpriseId: string }) {
  const role = useEnterpriseContext((s) => s.enterprises.find((e) => e.id === props.enterpriseId)?.role)
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [moreBusy, setMoreBusy] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)

  const loadFirst = useCallback(async () => {
    setMoreError(null)
    try {
      const page = await listSealAudit(apiClient, props.enterpriseId, { limit: PAGE_SIZE })
      setState({ kind: 'ready', list: page })
    } catch (e) {
      setState({ kind: 'error', text: userMessage(e), refused: isPermissionRefusal(e) })
    }
  }, [props.enterpriseId])

  useEffect(() => {
    void loadFirst()
  }, [loadFirst])
  usePullToRefresh(() => void loadFirst().finally(stopPullDownRefresh))

  const loadMore = async (list: List) => {
    if (!list.nextCursor) return
    setMoreBusy(true)
    setMoreError(null)
    try {
      const page = await listSealAudit(apiClient, props.enterpriseId, { before: list.nextCursor, limit: PAGE_SIZE })
      setState({ kind: 'ready', list: { items: [...list.items, ...page.items], nextCursor: page.nextCursor } })
    } catch (e) {
      setMoreError(userMessage(e))
    } finally {
      setMoreBusy(false)
    }
  }

  if (state.kind === 'loading') return <StatusView kind='loading' />
  if (state.kind === 'error') {
    if (state.refused) return <StatusView kind='error' refused text={auditRefusalText(role)} />
    return (
      <StatusView
        kind='error'
        text={state.text}
        onRetry={() => {
          setState({ kind: 'loading' })
          void loadFirst()
        }}
      />
    )
  }
  const { list } = state
  if (list.items.length === 0) {
    return <StatusView kind='empty' text='暂无用章记录' hint='领取、授权、签章、密码错误等操作都会记录在这里' />
  }
  return (
    <View>
      <View className='muted'>下拉可刷新。记录中的姓名和证件号码已脱敏。</View>
      {list.items.map((entry) => {
        const label = AUDIT_ACTION_LABELS[entry.action] ?? '其他操作'
        const time = chinaDateTimeOf(entry.at)
        return (
          <View
            key={entry.id}
            className={`card audit-entry audit-entry--${entry.action}`}
            ariaLabel={`${label}，${time}，${actorText(entry)}`}
          >
            <View className='row'>
              <View className={WARNINGS.has(entry.action) ? 'title error-text' : 'title'}>{label}</View>
              <View className='muted'>{time}</View>
            </View>
            <View className='muted'>操作人：{actorText(entry)}</View>
            <View>{auditDetailText(entry.detail)}</View>
          </View>
        )
      })}
      <ErrorText message={moreError} />
      {list.nextCursor ? (
        // No `disabled` prop: on H5 React writes disabled="false" on Taro's button element and Taro's
        // [disabled] style then whitens the text of a secondary button. A tap while loading is ignored.
        <ActionButton
          label={moreBusy ? '正在加载…' : '加载更多'}
          variant='secondary'
          onClick={() => (moreBusy ? undefined : loadMore(list))}
        />
      ) : (
        <View className='muted'>已显示全部记录</View>
      )}
    </View>
  )
}
