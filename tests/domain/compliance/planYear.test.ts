import { planYear } from '../../../src/domain/compliance/planYear'

test('one enterprise, 2026: 年报, taxes, a repair date and a policy window together, in date order', () => {
  const items = planYear(
    {
      enterpriseId: 'e1',
      entityType: 'enterprise',
      establishedOn: '2020-03-01',
      tax: { vatPayer: 'small', hasEmployees: true, corporateIncomeTax: true },
      penalties: [
        { enterpriseId: 'e1', penaltyId: 'p1', decidedOn: '2026-02-10', field: 'general', simpleProcedure: false },
      ],
      policies: [{ policyId: 'p9', title: '专精特新奖励', opensOn: '2026-03-01', closesOn: '2026-06-15' }],
    },
    2026,
  )
  const kinds = new Set(items.map((item) => item.kind))
  expect([...kinds].sort()).toEqual(['annual-report', 'credit-repair', 'policy-window', 'tax-filing'])
  expect(items.map((item) => item.dueDate)).toEqual([...items.map((item) => item.dueDate)].sort())
  expect(items.find((item) => item.kind === 'annual-report')?.dueDate).toBe('2026-06-30')
  expect(items.find((item) => item.kind === 'credit-repair')?.opensOn).toBe('2026-05-11')
  // Same day as the June 个税 return (15 June): the policy window comes first.
  const june15 = items.filter((item) => item.dueDate === '2026-06-15').map((item) => item.kind)
  expect(june15).toEqual(['policy-window', 'tax-filing'])
})

test('no tax settings yet: no tax items', () => {
  const items = planYear({ enterpriseId: 'e1', entityType: 'individual-business', establishedOn: '2020-03-01' }, 2026)
  expect(items.map((item) => item.kind)).toEqual(['annual-report'])
})
