import { DEFAULT_LEAD_RULE, describeLeadRule, leadRuleProblems } from '../../../src/domain/licences/leadRules'

test('the default is 30 calendar days (行政许可法 第五十条)', () => {
  expect(DEFAULT_LEAD_RULE).toEqual({ kind: 'calendarDays', days: 30 })
})

test.each([
  [{ kind: 'calendarDays', days: 60 }, '有效期届满60日前'],
  [{ kind: 'calendarDays', days: 0 }, '有效期届满前'],
  [{ kind: 'workingDays', days: 30 }, '有效期届满30个工作日前'],
  [{ kind: 'months', months: 3 }, '有效期届满3个月前'],
  [
    { kind: 'window', earliest: { kind: 'months', months: 6 }, latest: { kind: 'months', months: 2 } },
    '有效期届满前6个月至2个月期间',
  ],
  [
    { kind: 'window', earliest: { kind: 'workingDays', days: 90 }, latest: { kind: 'workingDays', days: 30 } },
    '有效期届满前90个工作日至30个工作日期间',
  ],
] as const)('%j reads %s', (rule, text) => {
  expect(describeLeadRule(rule)).toBe(text)
  expect(leadRuleProblems(rule)).toEqual([])
})

test.each([
  [null, ['leadRule 须为续期提前期规则']],
  [{ kind: 'weeks', weeks: 2 }, ['leadRule.kind 须为 calendarDays、workingDays 或 months（窗口内不可再嵌套窗口）']],
  [{ kind: 'calendarDays', days: -1 }, ['leadRule.days 须为 0–3660 的整数']],
  [{ kind: 'calendarDays', days: '30' }, ['leadRule.days 须为 0–3660 的整数']],
  [{ kind: 'workingDays', days: 1.5 }, ['leadRule.days 须为 1–2500 的整数']],
  [{ kind: 'months', months: 0 }, ['leadRule.months 须为 1–120 的整数']],
  [
    { kind: 'window', earliest: { kind: 'months', months: 6 }, latest: { kind: 'window' } },
    ['leadRule.latest.kind 须为 calendarDays、workingDays 或 months（窗口内不可再嵌套窗口）'],
  ],
  [
    { kind: 'window', earliest: { kind: 'months', months: 2 }, latest: { kind: 'months', months: 6 } },
    ['leadRule: 最早申请时点（2个月）须早于最晚申请时点（6个月）'],
  ],
  // 20 working days can reach back further than 30 calendar days (春节), so this is ambiguous.
  [
    { kind: 'window', earliest: { kind: 'calendarDays', days: 30 }, latest: { kind: 'workingDays', days: 20 } },
    ['leadRule: 最早申请时点（30日）须早于最晚申请时点（20个工作日）'],
  ],
])('rejects %j', (rule, problems) => {
  expect(leadRuleProblems(rule)).toEqual(problems)
})
