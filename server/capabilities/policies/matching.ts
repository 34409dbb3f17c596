import type { PolicyMatchView } from '../../../src/contract/policies/schemas'
import type { IsoDate } from '../../../src/domain/calendar/dates'
import { VERDICT_LABELS, autoGrantLabel, isOpen, matchPolicy, type Verdict } from '../../../src/domain/policies/match'
import type { Policy } from '../../../src/domain/policies/policy'
import { windowState } from '../../../src/domain/policies/policyStatus'
import { regionFullName } from '../../../src/domain/regions/regionNames'
import { PROFILE_FIELD_LABELS, type EnterpriseProfile } from '../../../src/domain/policies/profile'

const VERDICT_ORDER: Record<Verdict, number> = { eligible: 0, near: 1, ineligible: 2 }

/** One policy against one profile, with the condition-by-condition explanation. */
export function matchView(profile: EnterpriseProfile, policy: Policy, today: IsoDate): PolicyMatchView {
  const match = matchPolicy(profile, policy, today, regionFullName)
  return {
    policyId: policy.id,
    title: policy.title,
    verdict: match.verdict,
    verdictLabel: VERDICT_LABELS[match.verdict],
    autoGrant: policy.autoGrant,
    autoGrantLabel: autoGrantLabel(policy),
    openNow: isOpen(policy, today),
    window: windowState(policy.applicationWindow, today),
    conditions: match.conditions,
    missingFacts: match.missingFacts,
    missingFactLabels: match.missingFacts.map((field) => PROFILE_FIELD_LABELS[field]),
    fixesNeeded: match.fixesNeeded,
  }
}

/** 可申报 → 差一点 → 不符合; within a verdict, fewer fixes first, then open ones, then catalogue order. */
export function matchAll(profile: EnterpriseProfile, policies: readonly Policy[], today: IsoDate): PolicyMatchView[] {
  return policies
    .map((policy, index) => ({ view: matchView(profile, policy, today), index }))
    .sort(
      (a, b) =>
        VERDICT_ORDER[a.view.verdict] - VERDICT_ORDER[b.view.verdict] ||
        (a.view.fixesNeeded ?? Infinity) - (b.view.fixesNeeded ?? Infinity) ||
        Number(b.view.openNow) - Number(a.view.openNow) ||
        a.index - b.index,
    )
    .map((entry) => entry.view)
}
