import { View } from '@tarojs/components'
import type { PolicyView } from '../../contract/policies/schemas'
import { POLICY_LEVEL_LABELS } from '../../domain/policies/policy'
import { catalogueStatusLabel } from '../../domain/policies/policyStatus'
import { AUTO_GRANT_TEXT, benefitHeadline } from './policyTexts'

/** A catalogue row: title, issuer and level, the benefit, and whether it is open or 免申即享. */
export function PolicyCard(props: { view: PolicyView; onOpen: (policyId: string) => void }) {
  const { policy, window } = props.view
  const state = policy.autoGrant && window === 'open' ? AUTO_GRANT_TEXT : catalogueStatusLabel(window, policy.autoGrant)
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
      <View className={window === 'open' ? 'chip chip--selected' : 'chip'}>{state}</View>
    </View>
  )
}
