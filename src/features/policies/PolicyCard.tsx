import { memo } from 'react'
import type { PolicyView } from '../../contract/policies/schemas'
import { POLICY_LEVEL_LABELS } from '../../domain/policies/policy'
import { catalogueStatusLabel } from '../../domain/policies/policyStatus'
import { PlainView } from '../../platform/plainView'
import { AUTO_GRANT_TEXT, benefitHeadline } from './policyTexts'

/**
 * A catalogue row: title, issuer and level, the benefit, and whether it is open or 免申即享. Plain
 * elements on H5 (src/platform/plainView.tsx) and memoised: a page holds 20 of them, and the
 * refresh on coming back from a detail page hands over equal policies in new objects.
 */
export const PolicyCard = memo(
  function PolicyCard(props: { view: PolicyView; onOpen: (policyId: string) => void }) {
    const { policy, window } = props.view
    const state =
      policy.autoGrant && window === 'open' ? AUTO_GRANT_TEXT : catalogueStatusLabel(window, policy.autoGrant)
    const level = POLICY_LEVEL_LABELS[policy.level]
    return (
      <PlainView
        className='card card--listed'
        role='link'
        label={`${policy.title}，${level}，${state}`}
        onClick={() => props.onOpen(policy.id)}
      >
        <PlainView className='title'>{policy.title}</PlainView>
        <PlainView className='muted'>
          {level} · {policy.issuer}
        </PlainView>
        <PlainView>{benefitHeadline(policy.benefit)}</PlainView>
        <PlainView className={window === 'open' ? 'chip chip--selected' : 'chip'}>{state}</PlainView>
      </PlainView>
    )
  },
  (before, after) => before.onOpen === after.onOpen && sameCard(before.view, after.view),
)

/** What a card shows is the same (the refresh after a detail page brings equal policies anew). */
function sameCard(a: PolicyView, b: PolicyView): boolean {
  if (a === b) return true
  return (
    a.window === b.window &&
    a.policy.id === b.policy.id &&
    a.policy.title === b.policy.title &&
    a.policy.level === b.policy.level &&
    a.policy.issuer === b.policy.issuer &&
    a.policy.autoGrant === b.policy.autoGrant &&
    benefitHeadline(a.policy.benefit) === benefitHeadline(b.policy.benefit)
  )
}
