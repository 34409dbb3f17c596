import { planPolicyWindow } from '../../../src/domain/compliance/policyWindow'

const policy = { policyId: 'p9', title: '许昌市专精特新奖励' }

test('closing reminders count working days back over 国庆 (closes Friday 2026-10-09)', () => {
  // Working days before 9 Oct: 8 Oct (1), 30 Sep (2), 29 (3), 28 (4); 25–27 Sep is 中秋 → Thu 24 Sep (5).
  expect(planPolicyWindow('e1', { ...policy, opensOn: '2026-09-01', closesOn: '2026-10-09' }, 2026)).toEqual([
    {
      kind: 'policy-window',
      enterpriseId: 'e1',
      sourceId: 'policy:p9',
      title: '许昌市专精特新奖励 申报截止',
      opensOn: '2026-09-01',
      dueDate: '2026-10-09',
      estimated: false,
      countsWorkingDays: true,
      reminders: [
        { date: '2026-09-01', estimated: false },
        { date: '2026-09-24', estimated: false },
        { date: '2026-10-08', estimated: false },
      ],
      legalBasis: '以政策文件公布的申报时间为准',
    },
  ])
})

test('a window opening on a holiday reminds on the first working day; none before it opens', () => {
  const [item] = planPolicyWindow('e1', { ...policy, opensOn: '2026-10-01', closesOn: '2026-10-12' }, 2026)
  // Opens 1 Oct (国庆) → Thu 8 Oct; 5 working days before 12 Oct is 30 Sep, before the window: dropped.
  expect(item.reminders.map((day) => day.date)).toEqual(['2026-10-08', '2026-10-10'])
})

test('open-ended windows and windows closing in another year give no item; 2027 reminders are 预计', () => {
  expect(planPolicyWindow('e1', { ...policy, opensOn: '2026-01-01' }, 2026)).toEqual([])
  expect(planPolicyWindow('e1', { ...policy, closesOn: '2027-03-31' }, 2026)).toEqual([])
  const [item] = planPolicyWindow('e1', { ...policy, closesOn: '2027-03-31' }, 2027)
  expect(item.reminders).toEqual([
    { date: '2027-03-24', estimated: true },
    { date: '2027-03-30', estimated: true },
  ])
})
