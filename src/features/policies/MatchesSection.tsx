import { useState } from 'react'
import { View } from '@tarojs/components'
import type { PolicyMatchView } from '../../contract/policies/schemas'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { policyStatusLabel } from '../../domain/policies/policyStatus'
import { AUTO_GRANT_TEXT, STATUS_CHIP_CLASS, nearText } from './policyTexts'
import { usePolicies } from './policiesStore'

function MatchRow(props: { match: PolicyMatchView; onOpen: (policyId: string) => void }) {
  const { match } = props
  // One label for eligibility and window together (policyStatus.ts): never 可申报 beside 不在申报期.
  const status = policyStatusLabel(match.verdict, match.window, match.autoGrant)
  const detail = match.verdict === 'near' ? nearText(match) : match.autoGrant ? AUTO_GRANT_TEXT : ''
  return (
    <View
      className='card'
      ariaRole='link'
      ariaLabel={`${status.text}：${match.title}${detail ? `，${detail}` : ''}`}
      onClick={() => props.onOpen(match.policyId)}
    >
      <View className='title'>{match.title}</View>
      <View className={STATUS_CHIP_CLASS[status.tone]}>{status.text}</View>
      {detail ? <View className={match.verdict === 'near' ? '' : 'muted'}>{detail}</View> : null}
    </View>
  )
}

/** So the catalogue's filters stay near the top: a few of each, the rest on request. */
const FIRST_SHOWN = 3

/** 为我匹配: the current enterprise's 可申报 policies, then the 差一点 ones with what is missing. */
export function MatchesSection(props: {
  enterpriseId: string
  onOpen: (policyId: string) => void
  onCompleteFacts: () => void
}) {
  const found = usePolicies((s) => s.matches[props.enterpriseId])
  const error = usePolicies((s) => s.matchesError)
  const refused = usePolicies((s) => s.matchesRefused)
  const loadMatches = usePolicies((s) => s.loadMatches)
  const [showAll, setShowAll] = useState(false)

  if (!found) {
    if (error)
      return (
        <StatusView kind='error' text={error} refused={refused} onRetry={() => void loadMatches(props.enterpriseId)} />
      )
    return <StatusView kind='loading' text='正在为您的企业匹配政策…' />
  }
  const noFacts = Object.keys(found.profile).length === 0
  return (
    <View>
      <View className='title'>为我匹配</View>
      <ErrorText message={error} />
      {noFacts ? (
        <StatusView kind='empty' text='还没有企业信息，无法匹配' hint='用政策计算器填写企业信息并保存，即可为您匹配' />
      ) : found.eligible.length + found.near.length === 0 ? (
        <StatusView kind='empty' text='暂时没有可申报或差一点的政策' hint='完善企业信息后可能会有更多匹配' />
      ) : null}
      {found.eligible.length ? <View className='muted'>符合条件 {found.eligible.length} 项</View> : null}
      {(showAll ? found.eligible : found.eligible.slice(0, FIRST_SHOWN)).map((match) => (
        <MatchRow key={match.policyId} match={match} onOpen={props.onOpen} />
      ))}
      {found.near.length ? <View className='muted'>差一点 {found.near.length} 项</View> : null}
      {(showAll ? found.near : found.near.slice(0, FIRST_SHOWN)).map((match) => (
        <MatchRow key={match.policyId} match={match} onOpen={props.onOpen} />
      ))}
      {found.eligible.length > FIRST_SHOWN || found.near.length > FIRST_SHOWN ? (
        <ActionButton
          variant='secondary'
          label={showAll ? '收起匹配结果' : `查看全部 ${found.eligible.length + found.near.length} 项匹配结果`}
          onClick={() => setShowAll(!showAll)}
        />
      ) : null}
      <ActionButton
        variant='secondary'
        label={noFacts ? '填写企业信息' : '完善企业信息'}
        onClick={props.onCompleteFacts}
      />
    </View>
  )
}
