import type { Condition, ConditionGroup } from '../../../src/domain/policies/conditions'
import type { Policy } from '../../../src/domain/policies/policy'

/** A policy with only its eligibility mattering. */
export function policyWith(eligibility: ConditionGroup, extra: Partial<Policy> = {}): Policy {
  return {
    id: 'test-policy',
    title: '测试政策',
    issuer: '测试局',
    level: 'city',
    region: '许昌市',
    summary: '用于测试',
    benefit: { type: 'subsidy', text: '补贴' },
    applicationWindow: {},
    howToApply: '线上申报',
    materials: [],
    autoGrant: false,
    eligibility,
    ...extra,
  }
}

export const all = (...members: Condition[]): ConditionGroup => ({ all: members })
export const any = (...members: Condition[]): ConditionGroup => ({ any: members })
