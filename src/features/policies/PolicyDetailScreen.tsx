import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { PolicyMatchView, PolicyView } from '../../contract/policies/schemas'
import { isPermissionRefusal, userMessage } from '../../api/errors'
import { calculatePolicies } from '../../api/policies/calculatePolicies'
import { getPolicy } from '../../api/policies/getPolicy'
import { getProfileFacts } from '../../api/policies/getProfileFacts'
import { apiClient } from '../../core/apiClient'
import { chinaDateOf } from '../../domain/calendar/dates'
import { POLICY_LEVEL_LABELS } from '../../domain/policies/policy'
import { toast } from '../../platform/feedback'
import { copyShareLink, shareToChatAvailable } from '../../platform/share'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { ConditionList } from './ConditionList'
import { policyStatusLabel } from '../../domain/policies/policyStatus'
import { AUTO_GRANT_TEXT, STATUS_CHIP_CLASS, benefitHeadline, nearText, windowText } from './policyTexts'
import { usePolicies } from './policiesStore'

type Load =
  { kind: 'loading' } | { kind: 'error'; text: string; refused: boolean } | { kind: 'ready'; view: PolicyView }

/**
 * One policy: each condition judged for the current enterprise (by the server's matcher, through
 * the calculator with the enterprise's saved facts), the benefit, materials, how to apply and the
 * application window; favourite and share.
 */
export function PolicyDetailScreen(props: {
  policyId: string
  signedIn: boolean
  enterpriseId: string | null
  /** Named beside the verdict, so it is clear whose facts were judged. */
  enterpriseName?: string | null
  /** The link named an enterprise the user may not act for; the current one is judged instead. */
  askedUnavailable?: boolean
  sharePath: string
  onCalculator: () => void
  /** The loaded policy, e.g. for the share card's title. */
  onLoaded?: (view: PolicyView) => void
}) {
  const [state, setState] = useState<Load>({ kind: 'loading' })
  const [match, setMatch] = useState<PolicyMatchView | null>(null)
  const [matchError, setMatchError] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const { policyId, enterpriseId, onLoaded } = props

  const load = useCallback(async () => {
    setState({ kind: 'loading' })
    try {
      const view = await getPolicy(apiClient, policyId)
      setState({ kind: 'ready', view })
      onLoaded?.(view)
    } catch (e) {
      setState({ kind: 'error', text: userMessage(e), refused: isPermissionRefusal(e) })
      return
    }
    setMatchError(null)
    // Another enterprise's verdict must not stand under this one's name while it is judged.
    setMatch(null)
    try {
      const profile = enterpriseId ? (await getProfileFacts(apiClient, enterpriseId)).profile : {}
      const { results } = await calculatePolicies(apiClient, { profile, policyIds: [policyId] })
      if (results[0]) setMatch(results[0])
      else setMatchError('暂无逐条判断结果：该政策可能已撤回或不在测算范围内')
    } catch (e) {
      setMatchError(`暂时无法判断本企业是否符合：${userMessage(e)}`)
    }
  }, [policyId, enterpriseId, onLoaded])

  useEffect(() => {
    void load()
  }, [load])

  if (state.kind === 'loading') return <StatusView kind='loading' />
  if (state.kind === 'error')
    return <StatusView kind='error' text={state.text} refused={state.refused} onRetry={() => void load()} />
  const { view } = state
  const { policy } = view

  const toggleFavourite = async () => {
    setActionError(null)
    const next = !view.favourite
    try {
      await usePolicies.getState().setFavourite(policy.id, next)
      setState({ kind: 'ready', view: { ...view, favourite: next } })
      toast(next ? '已收藏' : '已取消收藏', 'success')
    } catch (e) {
      setActionError(userMessage(e))
    }
  }

  const copyLink = async () => {
    try {
      await copyShareLink(props.sharePath)
      toast('链接已复制', 'success')
    } catch {
      setActionError('复制失败，请稍后重试')
    }
  }

  return (
    <View>
      <View className='card'>
        <View className='title'>{policy.title}</View>
        <View className='muted'>
          {POLICY_LEVEL_LABELS[policy.level]} · {policy.issuer} · {policy.region}
        </View>
        <View>{policy.summary}</View>
      </View>

      <View className='card'>
        <View className='title'>{enterpriseId ? '是否符合申报条件' : '申报条件'}</View>
        {enterpriseId && props.askedUnavailable ? (
          <View className='muted'>消息所指的企业不在您可办理的企业中，以下按当前企业判断</View>
        ) : null}
        {enterpriseId && match ? (
          <View className={STATUS_CHIP_CLASS[policyStatusLabel(match.verdict, match.window, match.autoGrant).tone]}>
            {props.enterpriseName ?? '本企业'}：{policyStatusLabel(match.verdict, match.window, match.autoGrant).text}
          </View>
        ) : null}
        {enterpriseId && match?.verdict === 'near' ? <View>{nearText(match)}</View> : null}
        <ErrorText message={matchError} />
        {match ? <ConditionList conditions={match.conditions} plain={!enterpriseId} /> : null}
        {!match && !matchError ? <View className='muted'>正在逐条判断…</View> : null}
        {!enterpriseId ? (
          <View className='muted'>
            {props.signedIn ? '选择企业后可逐条查看本企业是否符合' : '登录并选择企业后可逐条查看本企业是否符合'}
          </View>
        ) : null}
        <ActionButton variant='secondary' label='用政策计算器测一测' onClick={props.onCalculator} />
      </View>

      <View className='card'>
        <View className='title'>政策红利</View>
        <View>{benefitHeadline(policy.benefit)}</View>
        <View>{policy.benefit.text}</View>
        {policy.autoGrant ? <View className='chip chip--selected'>免申即享 · {AUTO_GRANT_TEXT}</View> : null}
      </View>

      <View className='card'>
        <View className='title'>申报时间</View>
        <View>{windowText(policy.applicationWindow, chinaDateOf(Date.now()))}</View>
        <View className='title'>申报方式</View>
        <View>{policy.howToApply}</View>
        <View className='title'>申报材料</View>
        {policy.materials.length ? (
          policy.materials.map((material) => <View key={material}>· {material}</View>)
        ) : (
          <View className='muted'>无需提交材料</View>
        )}
        {policy.sourceUrl ? <View className='muted'>政策原文：{policy.sourceUrl}</View> : null}
      </View>

      <ErrorText message={actionError} />
      {props.signedIn ? (
        <ActionButton
          variant='secondary'
          label={view.favourite ? '已收藏，点击取消收藏' : '收藏'}
          onClick={() => void toggleFavourite()}
        />
      ) : null}
      {shareToChatAvailable ? (
        <ActionButton variant='secondary' openType='share' label='分享给同事' />
      ) : (
        <ActionButton variant='secondary' label='复制链接' onClick={() => void copyLink()} />
      )}
    </View>
  )
}
