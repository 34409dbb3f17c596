import { planAnnualReport } from '../../../src/domain/compliance/annualReport'
import { planCreditRepair } from '../../../src/domain/compliance/creditRepair'
import type { ComplianceItem } from '../../../src/domain/compliance/item'
import { planPolicyWindow } from '../../../src/domain/compliance/policyWindow'
import { reminderOffsets, remindersOn } from '../../../src/domain/compliance/reminderOffsets'
import { planTaxFiling } from '../../../src/domain/compliance/taxFiling'

/** The reminder days of each kind on real 2026 dates (the State Council's 2026 holidays and 调休). */

const company = { enterpriseId: 'e1', entityType: 'enterprise' as const, establishedOn: '2020-05-01' }
const taxItem = (sourceId: string): ComplianceItem => {
  const item = planTaxFiling('e1', { vatPayer: 'general', hasEmployees: true, corporateIncomeTax: true }, 2026).find(
    (i) => i.sourceId === sourceId,
  )
  if (!item) throw new Error(`no ${sourceId}`)
  return item
}

describe('reminder days per kind', () => {
  it.each([
    // 年报 defaults: 1–3 January are 元旦 days off, Sunday 4 January a 调休 working day; 1 June;
    // the 7th and the last working day before Tuesday 30 June.
    [
      '年报 (defaults)',
      planAnnualReport(company, 2026)[0],
      [
        ['on:2026-01-04', '2026-01-04'],
        ['on:2026-06-01', '2026-06-01'],
        ['on:2026-06-18', '2026-06-18'],
        ['on:2026-06-29', '2026-06-29'],
      ],
    ],
    [
      '年报 (the user’s own days)',
      planAnnualReport(company, 2026, ['2026-06-22', '2026-03-02'])[0],
      [
        ['on:2026-03-02', '2026-03-02'],
        ['on:2026-06-22', '2026-06-22'],
      ],
    ],
    // January VAT, due 24 February after the 春节 break (15–23 February); Saturday 14 February is a
    // 调休 working day, so the 3rd working day before is Thursday 12 February.
    [
      '增值税 2026-01',
      taxItem('tax:vat:2026-01'),
      [
        ['w3', '2026-02-12'],
        ['d0', '2026-02-24'],
      ],
    ],
    [
      '个税 2026-03 (due Monday 20 April)',
      taxItem('tax:iit:2026-03'),
      [
        ['w3', '2026-04-15'],
        ['d0', '2026-04-20'],
      ],
    ],
    // Decided 31 January: three months end 30 April, the repair opens 1 May (a holiday: not moved).
    [
      '信用修复',
      planCreditRepair(
        { enterpriseId: 'e1', penaltyId: 'p1', decidedOn: '2026-01-31', field: 'general', simpleProcedure: false },
        2026,
      )[0],
      [['opens', '2026-05-01']],
    ],
    // Opens 1 October (国庆) → Thursday 8 October; closes Monday 12 October: 1 working day before is
    // Saturday 10 October (调休); 5 working days before (29 September) is before the window: none.
    [
      '政策申报 over 国庆',
      planPolicyWindow(
        'e1',
        { policyId: 'p', title: '专精特新', opensOn: '2026-10-01', closesOn: '2026-10-12' },
        2026,
      )[0],
      [
        ['opens', '2026-10-08'],
        ['w1', '2026-10-10'],
      ],
    ],
    [
      '政策申报 closing 30 June',
      planPolicyWindow(
        'e1',
        { policyId: 'p', title: '稳岗补贴', opensOn: '2026-06-01', closesOn: '2026-06-30' },
        2026,
      )[0],
      [
        ['opens', '2026-06-01'],
        ['w5', '2026-06-23'],
        ['w1', '2026-06-29'],
      ],
    ],
  ])('%s', (_name, item, expected) => {
    expect(reminderOffsets(item).map((o) => [o.offsetKey, o.date])).toEqual(expected)
  })

  it('诉求: on the reply-due day, and on the 回访 day (each deadline its own item)', () => {
    const item = (suffix: string, dueDate: string): ComplianceItem => ({
      kind: 'complaint',
      enterpriseId: 'e1',
      sourceId: `complaint:c1:${suffix}`,
      title: '诉求答复期限：办证慢',
      dueDate,
      estimated: false,
      countsWorkingDays: true,
      reminders: [{ date: dueDate, estimated: false }],
      legalBasis: '',
    })
    expect(reminderOffsets(item('reply', '2026-06-12'))).toEqual([{ offsetKey: 'd0', date: '2026-06-12' }])
    expect(reminderOffsets(item('call-back', '2026-06-19'))).toEqual([{ offsetKey: 'd0', date: '2026-06-19' }])
  })
})

describe('remindersOn (已办, 稍后提醒)', () => {
  const item = taxItem('tax:vat:2026-01')
  it.each([
    ['due today', '2026-02-12', undefined, [['w3', '2026-02-12']]],
    ['not due today', '2026-02-13', undefined, []],
    ['已办', '2026-02-12', { state: 'done' as const }, []],
    ['snoozed past a reminder day', '2026-02-12', { state: 'snoozed' as const, snoozedUntil: '2026-02-13' }, []],
    [
      'the snooze day',
      '2026-02-13',
      { state: 'snoozed' as const, snoozedUntil: '2026-02-13' },
      [['snooze:2026-02-13', '2026-02-13']],
    ],
    [
      'after the snooze day: the rule again',
      '2026-02-24',
      { state: 'snoozed' as const, snoozedUntil: '2026-02-13' },
      [['d0', '2026-02-24']],
    ],
  ])('%s', (_name, runDate, state, expected) => {
    expect(remindersOn(item, runDate, state).map((o) => [o.offsetKey, o.date])).toEqual(expected)
  })
})
