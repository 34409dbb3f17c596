import { matchPolicy } from '../../../src/domain/policies/match'
import {
  catalogueStatusLabel,
  policyStatusLabel,
  windowState,
  type WindowState,
} from '../../../src/domain/policies/policyStatus'
import type { EnterpriseProfile } from '../../../src/domain/policies/profile'
import type { LeafCondition } from '../../../src/domain/policies/conditions'
import { all, policyWith } from './fixtures'

const TODAY = '2026-03-01'

describe('one label, never a contradiction (issue #12 item 12)', () => {
  test.each([
    ['eligible', 'open', false, '可申报', 'go'],
    ['eligible', 'open', true, '符合条件 · 免申即享', 'go'],
    ['eligible', 'not-yet', false, '符合条件 · 未到申报期', 'wait'],
    ['eligible', 'closed', false, '符合条件 · 已过申报期', 'wait'],
    ['eligible', 'closed', true, '符合条件 · 已过申报期', 'wait'],
    ['near', 'open', false, '差一点', 'near'],
    ['near', 'not-yet', false, '差一点 · 未到申报期', 'near'],
    ['near', 'closed', false, '差一点 · 已过申报期', 'near'],
    ['ineligible', 'open', false, '不符合', 'no'],
    ['ineligible', 'closed', true, '不符合', 'no'],
  ] as const)('%s, window %s, autoGrant %s → %s', (verdict, window, autoGrant, text, tone) => {
    const label = policyStatusLabel(verdict, window, autoGrant)
    expect(label).toEqual({ text, tone })
    // 可申报 is said only while applications are accepted.
    if (window !== 'open') expect(label.text).not.toBe('可申报')
  })

  test.each([
    [{}, 'open'],
    [{ opensOn: '2026-03-01' }, 'open'],
    [{ opensOn: '2026-03-02' }, 'not-yet'],
    [{ closesOn: '2026-03-01' }, 'open'],
    [{ closesOn: '2026-02-28' }, 'closed'],
    [{ opensOn: '2026-01-01', closesOn: '2026-12-31' }, 'open'],
  ] as const)('window %j on %s is %s', (window, state) => {
    expect(windowState(window, TODAY)).toBe(state as WindowState)
  })

  test.each([
    ['open', false, '正在申报'],
    ['open', true, '免申即享'],
    ['not-yet', true, '未到申报期'],
    ['closed', false, '已过申报期'],
  ] as const)('catalogue row: window %s, autoGrant %s → %s', (window, autoGrant, text) => {
    expect(catalogueStatusLabel(window, autoGrant)).toBe(text)
  })
})

describe('差一点 only for a fix the owner can make', () => {
  const firm: EnterpriseProfile = {
    industryCode: 'C3311',
    employees: 86,
    revenueWan: 5000,
    assetsWan: 3000,
    registeredCapitalWan: 500,
    regionCode: '411002',
    foundedOn: '2018-06-15',
    qualifications: [],
    taxCreditGrade: 'B',
    exporter: false,
    rdSpendWan: 100,
    lastSeriousViolationOn: '2025-05-01',
  }
  const one = (leaf: LeafCondition) => matchPolicy(firm, policyWith(all(leaf)), TODAY)

  test.each<[string, LeafCondition, 'near' | 'ineligible']>([
    ['a missing certificate', { id: 'q', kind: 'qualification', required: ['high-tech'], mode: 'any' }, 'near'],
    ['a tax credit grade to re-assess', { id: 't', kind: 'taxCreditGrade', allowed: ['A'] }, 'near'],
    ['an export registration', { id: 'x', kind: 'exporter' }, 'near'],
    ['capital within reach (1000 ≤ 2 × 500)', { id: 'c', kind: 'registeredCapital', minWan: 1000 }, 'near'],
    [
      'capital ten times the firm’s (listing reward)',
      { id: 'c', kind: 'registeredCapital', minWan: 5000 },
      'ineligible',
    ],
    ['people just over a cap (86 ≤ 2 × 50)', { id: 'e', kind: 'employees', max: 50 }, 'near'],
    ['people far over a cap (86 > 2 × 40)', { id: 'e', kind: 'employees', max: 40 }, 'ineligible'],
    ['revenue far short (5000 < 20000 / 2)', { id: 'r', kind: 'revenue', minWan: 20000 }, 'ineligible'],
    ['R&D share within reach (2% vs 3%)', { id: 'd', kind: 'rdRatio', minPercent: 3 }, 'near'],
    ['R&D share far short (2% vs 5%)', { id: 'd', kind: 'rdRatio', minPercent: 5 }, 'ineligible'],
    ['a size class (小型 firm, 大型 asked)', { id: 's', kind: 'sizeClass', allowed: ['large'] }, 'ineligible'],
    ['a violation on record', { id: 'v', kind: 'noSeriousViolation', years: 3 }, 'ineligible'],
    ['another city', { id: 'a', kind: 'region', areas: [{ code: '330800', name: '衢州市' }] }, 'ineligible'],
    ['another industry', { id: 'i', kind: 'industry', include: ['I65'] }, 'ineligible'],
  ])('%s → %s', (_name, leaf, verdict) => {
    const match = one(leaf)
    expect(match.verdict).toBe(verdict)
    expect(match.conditions[0].outcome).toBe('unmet')
    expect(match.conditions[0].unfixable === true).toBe(verdict === 'ineligible')
  })

  test('an unknown figure is still a fix to make (待补充), however far the bound', () => {
    const match = matchPolicy(
      { ...firm, registeredCapitalWan: undefined },
      policyWith(all({ id: 'c', kind: 'registeredCapital', minWan: 5000 })),
      TODAY,
    )
    expect(match).toMatchObject({ verdict: 'near', fixesNeeded: 1 })
  })
})
