import { View } from '@tarojs/components'
import type { PolicyView } from '../../../server/contract-policies'
import { POLICY_LEVEL_LABELS } from '../../domain/policies/policy'
import { AUTO_GRANT_TEXT, benefitHeadline } from './policyTexts'

/** A catalogue row: title, issuer and level, the benefit, and whether it is open or 免申即享. */
export function PolicyCard(props: { view: PolicyView; onOpen: (policyId: string) => void }) {
  const { policy, openNow } = props.view
  const state = policy.autoGrant ? AUTO_GRANT_TEXT : openNow ? '正在申报' : '不在申报期'
  return (
    <View
      className='card'
      ariaRole='link'
      ariaLabel={`${policy.title}，${POLICY_LEVEL_LABELS[policy.level]}，${state}`}
      onClick={() => props.onOpen(policy.id)}
    >
      <View className='title'>{policy.title}</View>
      <View className='muted'>
        {POLICY_LEVEL_LABELS[policy.level]} · {policy.issuer}
      </View>
      <View>{benefitHeadline(policy.benefit)}</View>
      <View className={policy.autoGrant || openNow ? 'chip chip--selected' : 'chip'}>{state}</View>
    </View>
  )
}
