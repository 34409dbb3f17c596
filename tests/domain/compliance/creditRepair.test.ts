import {
  creditRepairPlan,
  penaltyRecordProblems,
  planCreditRepair,
  type PenaltyField,
  type PenaltyRecord,
} from '../../../src/domain/compliance/creditRepair'

const record = (decidedOn: string, field: PenaltyField = 'general', simpleProcedure = false): PenaltyRecord => ({
  enterpriseId: 'e1',
  penaltyId: 'p1',
  decidedOn,
  field,
  simpleProcedure,
})

describe('earliest repair application by class (decision day not counted; month end clamps)', () => {
  test.each([
    // decided, field, minimum display ends, earliest application, maximum display ends
    ['2026-01-15', 'general', '2026-04-15', '2026-04-16', '2029-01-15'],
    ['2026-01-31', 'general', '2026-04-30', '2026-05-01', '2029-01-31'],
    ['2025-11-30', 'general', '2026-02-28', '2026-03-01', '2028-11-30'],
    ['2027-11-30', 'general', '2028-02-29', '2028-03-01', '2030-11-30'],
    ['2026-03-10', 'special-equipment', '2027-03-10', '2027-03-11', '2029-03-10'],
    ['2026-03-10', 'work-safety', '2027-03-10', '2027-03-11', '2029-03-10'],
    ['2024-02-29', 'fire-safety', '2025-02-28', '2025-03-01', '2027-02-28'],
    ['2026-12-31', 'general', '2027-03-31', '2027-04-01', '2029-12-31'],
  ])('%s %s: minimum to %s, apply from %s, down after %s', (decidedOn, field, minimumEnd, earliest, maximumEnd) => {
    expect(creditRepairPlan(record(decidedOn, field as PenaltyField))).toEqual({
      published: true,
      minimumDisplayEndsOn: minimumEnd,
      earliestApplyOn: earliest,
      maximumDisplayEndsOn: maximumEnd,
    })
  })

  test('a repair date on a holiday is not moved: the application is online (2026-10-01, 国庆)', () => {
    expect(creditRepairPlan(record('2026-06-30')).earliestApplyOn).toBe('2026-10-01')
  })
})

test('简易程序 penalties are not published, so there is nothing to repair', () => {
  expect(creditRepairPlan(record('2026-01-15', 'general', true))).toEqual({ published: false })
  expect(planCreditRepair(record('2026-01-15', 'general', true), 2026)).toEqual([])
})

test('the repair item falls in the year of its earliest application day and reminds on it', () => {
  expect(planCreditRepair(record('2026-12-31'), 2026)).toEqual([])
  expect(planCreditRepair(record('2026-12-31'), 2027)).toEqual([
    {
      kind: 'credit-repair',
      enterpriseId: 'e1',
      sourceId: 'credit-repair:p1',
      title: '行政处罚信用修复可申请',
      opensOn: '2027-04-01',
      dueDate: '2029-12-31',
      estimated: false,
      countsWorkingDays: false,
      reminders: [{ date: '2027-04-01', estimated: false }],
      legalBasis: expect.stringContaining('2023年第58号令'),
    },
  ])
  expect(
    planCreditRepair({ ...record('2026-03-10', 'fire-safety'), decisionNumber: '许消行罚决字〔2026〕12号' }, 2027)[0]
      .title,
  ).toBe('行政处罚信用修复（许消行罚决字〔2026〕12号）可申请')
})

test('penalty records are checked at the door', () => {
  expect(penaltyRecordProblems({ decidedOn: '2026-01-15', field: 'general', simpleProcedure: false })).toEqual([])
  expect(penaltyRecordProblems({ decidedOn: '2026-02-30', field: 'tax', simpleProcedure: 'no' })).toEqual([
    '处罚决定日期须为 YYYY-MM-DD',
    '处罚领域不正确',
    '须说明是否适用简易程序',
  ])
  expect(penaltyRecordProblems(null)).toEqual(['处罚记录格式不正确'])
  expect(() => creditRepairPlan(record('2026-13-01'))).toThrow(RangeError)
})
