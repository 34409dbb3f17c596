import { useState } from 'react'
import { View } from '@tarojs/components'
import type { PolicyMatchView } from '../../contract/policies/schemas'
import { ActionButton } from '../../ui/ActionButton'
import { ConditionList } from './ConditionList'
import { policyStatusLabel } from '../../domain/policies/policyStatus'
import { AUTO_GRANT_TEXT, STATUS_CHIP_CLASS, nearText } from './policyTexts'

function ResultCard(props: { result: PolicyMatchView; onOpen: (policyId: string) => void }) {
  const { result } = props
  const status = policyStatusLabel(result.verdict, result.window, result.autoGrant)
  return (
    <View className='card' ariaLabel={`${status.text}：${result.title}`}>
      <View
        className='title link'
        ariaRole='link'
        ariaLabel={`查看政策：${result.title}`}
        onClick={() => props.onOpen(result.policyId)}
      >
        {result.title}
      </View>
      <View className={STATUS_CHIP_CLASS[status.tone]}>{status.text}</View>
      {result.autoGrant ? <View className='muted'>免申即享 · {AUTO_GRANT_TEXT}</View> : null}
      {result.verdict === 'near' ? <View>{nearText(result)}</View> : null}
      {result.missingFactLabels.length ? (
        <View className='muted'>待补充信息：{result.missingFactLabels.join('、')}</View>
      ) : null}
      <ConditionList conditions={result.conditions} />
    </View>
  )
}

/** The calculator's answer: 可申报 and 差一点 explained condition by condition; 不符合 on request. */
export function CalculatorResults(props: { results: PolicyMatchView[]; onOpen: (policyId: string) => void }) {
  const [showIneligible, setShowIneligible] = useState(false)
  const eligible = props.results.filter((r) => r.verdict === 'eligible')
  const near = props.results.filter((r) => r.verdict === 'near')
  const ineligible = props.results.filter((r) => r.verdict === 'ineligible')
  return (
    <View>
      <View className='title' ariaRole='status'>
        符合条件 {eligible.length} 项 · 差一点 {near.length} 项 · 不符合 {ineligible.length} 项
      </View>
      {[...eligible, ...near].map((result) => (
        <ResultCard key={result.policyId} result={result} onOpen={props.onOpen} />
      ))}
      {ineligible.length ? (
        <ActionButton
          variant='secondary'
          label={showIneligible ? '收起不符合的政策' : `查看不符合的 ${ineligible.length} 项`}
          onClick={() => setShowIneligible(!showIneligible)}
        />
      ) : null}
      {showIneligible
        ? ineligible.map((result) => <ResultCard key={result.policyId} result={result} onOpen={props.onOpen} />)
        : null}
    </View>
  )
}
