import { render, screen } from '@testing-library/react'
import { matchPolicy } from '../../src/domain/policies/match'
import { ConditionList } from '../../src/features/policies/ConditionList'
import type { Policy } from '../../src/domain/policies/policy'
import { nearText } from '../../src/features/policies/policyTexts'
import { policy } from './PolicyFixtures'

// A Henan-style award: a manufacturer, and either registered in 许昌 or a 高新技术企业.
const award: Policy = policy({
  eligibility: {
    all: [
      { id: 'ind', kind: 'industry', include: ['C'] },
      {
        id: 'where-or-what',
        any: [
          { id: 'area', kind: 'region', areas: [{ code: '411000', name: '许昌市' }] },
          { id: 'ht', kind: 'qualification', required: ['high-tech'], mode: 'any' },
        ],
      },
      { id: 'exp', kind: 'exporter' },
    ],
  },
})
const text = (profile: Parameters<typeof matchPolicy>[0]) => {
  const match = matchPolicy(profile, award, '2026-03-01')
  return { verdict: match.verdict, text: nearText(match) }
}

test('差一点 names only the alternatives the enterprise can act on, not the region it is not in', () => {
  expect(text({ industryCode: 'C3311', regionCode: '330802', qualifications: [], exporter: false })).toEqual({
    verdict: 'near',
    text: '补齐 2 项即可申报：资质：高新技术企业、有出口业务',
  })
})

test('with the region unknown, giving it is one way: both alternatives are named', () => {
  expect(text({ industryCode: 'C3311', qualifications: [], exporter: true })).toEqual({
    verdict: 'near',
    text: '补齐 1 项即可申报：注册地：许昌市 或 资质：高新技术企业',
  })
})

describe('a policy that needs one of several alternatives (root any-of)', () => {
  const big: Policy = policy({
    eligibility: {
      any: [
        {
          id: 'scale',
          label: '规模条件',
          all: [
            { id: 'emp', kind: 'employees', min: 100 },
            { id: 'rev', kind: 'revenue', minWan: 5000 },
          ],
        },
        {
          id: 'tech',
          all: [
            { id: 'ht', kind: 'qualification', required: ['high-tech'], mode: 'any' },
            { id: 'rd', kind: 'rdRatio', minPercent: 5 },
            { id: 'exp', kind: 'exporter' },
          ],
        },
      ],
    },
  })
  const near = (profile: Parameters<typeof matchPolicy>[0], p = big) => matchPolicy(profile, p, '2026-03-01')

  test('names the cheapest branch’s fixes only, saying one branch is enough', () => {
    // 规模: both fail, within reach (2); 科技: 高新 held, R&D 3% < 5% and not an exporter (2) — the first cheapest.
    const match = near({
      employees: 50,
      revenueWan: 3000,
      qualifications: ['high-tech'],
      rdSpendWan: 90,
      exporter: false,
    })
    expect(match.verdict).toBe('near')
    expect(nearText(match)).toBe('满足其一即可申报，最快补齐 2 项：从业人员：不少于 100 人、营业收入：不低于 5000 万元')
    // Now 科技 needs only the R&D ratio.
    expect(
      nearText(
        near({ employees: 50, revenueWan: 3000, qualifications: ['high-tech'], rdSpendWan: 90, exporter: true }),
      ),
    ).toBe('满足其一即可申报，最快补齐 1 项：研发费用占营业收入比例：不低于 5%')
  })

  test('alternatives one fix away each are named as either', () => {
    const either = policy({
      eligibility: {
        any: [
          { id: 'ht', kind: 'qualification', required: ['high-tech'], mode: 'any' },
          { id: 'area', kind: 'region', areas: [{ code: '411000', name: '许昌市' }] },
          { id: 'exp', kind: 'exporter' },
        ],
      },
    })
    // Registered in 衢州: the region is no way to qualify, so it is not offered.
    expect(nearText(near({ qualifications: [], regionCode: '330802', exporter: false }, either))).toBe(
      '满足其一即可申报，最快补齐 1 项：资质：高新技术企业 或 有出口业务',
    )
  })

  test('the detail list says which alternative each condition belongs to', () => {
    const match = near({ employees: 50 }, big)
    render(<ConditionList conditions={match.conditions} />)
    expect(screen.getByLabelText(/^从业人员：不少于 100 人（规模条件，满足其一即可）：不满足/)).toBeTruthy()
    expect(screen.getByLabelText(/^有出口业务（方式 2，满足其一即可）：待补充/)).toBeTruthy()
  })
})
