import { DEMO_POLICIES } from '../../../server/capabilities/policies/seed/demo-policies'
import { CONDITION_KINDS, groupParts, leavesOf } from '../../../src/domain/policies/conditions'
import { compilePolicies } from '../../../src/domain/policies/compiled'
import { matchPolicy } from '../../../src/domain/policies/match'
import { policyProblems } from '../../../src/domain/policies/policy'
import type { EnterpriseProfile } from '../../../src/domain/policies/profile'

test.each(DEMO_POLICIES.map((p) => [p.id, p] as const))('%s is a valid policy', (_, policy) => {
  expect(policyProblems(policy)).toEqual([])
})

test('at least 40 policies with unique ids, several 免申即享, every level', () => {
  expect(DEMO_POLICIES.length).toBeGreaterThanOrEqual(40)
  expect(new Set(DEMO_POLICIES.map((p) => p.id)).size).toBe(DEMO_POLICIES.length)
  expect(DEMO_POLICIES.filter((p) => p.autoGrant).length).toBeGreaterThanOrEqual(5)
  expect(new Set(DEMO_POLICIES.map((p) => p.level))).toEqual(new Set(['national', 'provincial', 'city', 'district']))
})

test('each says how to apply through a channel that exists (the app takes no applications)', () => {
  for (const policy of DEMO_POLICIES) expect(policy.howToApply).not.toMatch(/政企通/)
  const fab = DEMO_POLICIES.find((p) => p.id === 'xc-tech-renovation')
  expect(fab?.howToApply).toBe(
    '在河南政务服务网搜索「工业企业技术改造设备补助」在线申报，或到许昌市工业和信息化局办事窗口提交材料，经主管部门审核后兑现',
  )
})

test('together they use every condition kind, any-of groups and zones', () => {
  const leaves = DEMO_POLICIES.flatMap((p) => leavesOf(p.eligibility))
  expect(new Set(leaves.map((l) => l.kind))).toEqual(new Set(CONDITION_KINDS))
  expect(leaves.some((l) => l.kind === 'region' && l.zones?.length)).toBe(true)
  expect(leaves.some((l) => l.kind === 'industry' && l.exclude?.length)).toBe(true)
  expect(DEMO_POLICIES.some((p) => groupParts(p.eligibility).members.some((c) => 'any' in c))).toBe(true)
})

test('a 许昌 food manufacturer gets sensible results, the same from both matchers', () => {
  // 许昌瑞丰食品 from the demo enterprises: C1432, 86 people, 魏都区.
  const ruifeng: EnterpriseProfile = {
    industryCode: 'C1432',
    employees: 86,
    revenueWan: 6800,
    registeredCapitalWan: 500,
    foundedOn: '2012-05-18',
    regionCode: '411002',
    developmentZone: null,
    qualifications: ['specialized'],
    taxCreditGrade: 'A',
    rdSpendWan: 120,
    exporter: false,
    lastSeriousViolationOn: null,
  }
  const today = '2026-03-01'
  const verdicts = DEMO_POLICIES.map((p) => matchPolicy(ruifeng, p, today).verdict)
  const eligible = DEMO_POLICIES.filter((_, i) => verdicts[i] === 'eligible').map((p) => p.id)
  // Checked by hand: 工业, 86 people and 6800万 is 小型 (300号: ≥20 人且 ≥300 万, < 300 人); 120 / 6800 = 1.8% R&D;
  // revenue above 500万 rules out 小规模纳税人; 衢州 policies are out of area.
  expect(eligible).toEqual([
    'cn-small-profit-cit',
    'cn-six-taxes-two-fees',
    'cn-rd-super-deduction',
    'cn-startup-loan-interest',
    'cn-bank-tax-credit',
    'xc-job-retention-refund',
    'xc-specialized-reward',
    'xc-tech-renovation',
    'xc-above-scale-upgrade',
    'xc-guarantee-fee',
    'ha-green-factory',
  ])
  const vat = matchPolicy(ruifeng, DEMO_POLICIES[0], today)
  // 6800万 against 小规模纳税人's 500万 is no fix the owner can make: 不符合, not 差一点.
  expect(vat).toMatchObject({ verdict: 'ineligible', unmetCount: 1, fixesNeeded: null })
  expect(vat.conditions[1]).toMatchObject({ outcome: 'unmet', fact: '营业收入：6800 万元' })
  const fast = compilePolicies(DEMO_POLICIES, today).matchProfile(ruifeng)
  expect(fast.eligible.map((i) => DEMO_POLICIES[i].id)).toEqual(eligible)
  expect(fast.near.map((i) => DEMO_POLICIES[i].id)).toEqual(
    DEMO_POLICIES.filter((_, i) => verdicts[i] === 'near').map((p) => p.id),
  )
})
