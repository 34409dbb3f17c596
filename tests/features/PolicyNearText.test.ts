import { matchPolicy } from '../../src/domain/policies/match'
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
