import {
  annualReportReminderProblems,
  defaultAnnualReportReminders,
  planAnnualReport,
  type AnnualReportFacts,
} from '../../../src/domain/compliance/annualReport'

const company: AnnualReportFacts = { enterpriseId: 'e1', entityType: 'enterprise', establishedOn: '2019-05-20' }

describe('default reminder days', () => {
  test('2026: 1 Jan is 元旦 (1–3 Jan off), so the window opens for reminders on Sunday 4 Jan, a make-up working day', () => {
    // 30 June 2026 is a Tuesday; 端午 19–21 June is off, so the 7th working day before 30 June is Thu 18 June
    // (29, 26, 25, 24, 23, 22, 18) and the last working day before it is Mon 29 June.
    expect(defaultAnnualReportReminders(2026)).toEqual([
      { date: '2026-01-04', estimated: false },
      { date: '2026-06-01', estimated: false },
      { date: '2026-06-18', estimated: false },
      { date: '2026-06-29', estimated: false },
    ])
  })

  test('2025: 1 Jan (Wednesday) off → Thursday 2 Jan; 30 June a Monday → Friday 27 June is the last working day before', () => {
    expect(defaultAnnualReportReminders(2025).map((day) => day.date)).toEqual([
      '2025-01-02',
      '2025-06-01',
      '2025-06-19',
      '2025-06-27',
    ])
  })

  test('2027 (calendar not published): the working-day reminders are 预计, 1 June is not', () => {
    expect(defaultAnnualReportReminders(2027)).toEqual([
      { date: '2027-01-01', estimated: true },
      { date: '2027-06-01', estimated: false },
      { date: '2027-06-21', estimated: true },
      { date: '2027-06-29', estimated: true },
    ])
  })
})

describe('the 年报 item', () => {
  test('2026: the report on 2025, window 1 Jan – Tuesday 30 June, the due date never moved', () => {
    expect(planAnnualReport(company, 2026)).toEqual([
      {
        kind: 'annual-report',
        enterpriseId: 'e1',
        sourceId: 'annual-report:2025',
        title: '2025年度年报',
        opensOn: '2026-01-01',
        dueDate: '2026-06-30',
        estimated: false,
        countsWorkingDays: false,
        reminders: defaultAnnualReportReminders(2026),
        legalBasis: expect.stringContaining('企业信息公示暂行条例》第八条'),
      },
    ])
  })

  test('a due date on a weekend stays on 30 June (2024-06-30 was a Sunday)', () => {
    expect(planAnnualReport(company, 2024)[0].dueDate).toBe('2024-06-30')
  })

  test.each([
    ['2025-12-31', 2026, 1, 'registered in 2025: reports on 2025 in 2026'],
    ['2026-01-01', 2026, 0, 'registered in 2026: first report in 2027 (当年设立登记的，自下一年起报送)'],
    ['2026-06-30', 2027, 1, 'registered in 2026: reports in 2027'],
  ])('established %s, year %i → %i item(s): %s', (establishedOn, year, count) => {
    expect(planAnnualReport({ ...company, establishedOn }, year)).toHaveLength(count)
  })

  test('个体工商户 and 农民专业合作社 have the same window under their own rules', () => {
    const individual = planAnnualReport({ ...company, entityType: 'individual-business' }, 2026)[0]
    const cooperative = planAnnualReport({ ...company, entityType: 'cooperative' }, 2026)[0]
    expect([individual.opensOn, individual.dueDate]).toEqual(['2026-01-01', '2026-06-30'])
    expect(individual.legalBasis).toContain('个体工商户年度报告暂行办法')
    expect(cooperative.legalBasis).toContain('农民专业合作社年度报告公示办法')
  })

  test('the user’s own reminder days replace the defaults, sorted and deduplicated', () => {
    const item = planAnnualReport(company, 2026, ['2026-06-20', '2026-03-02', '2026-06-20'])[0]
    expect(item.reminders).toEqual([
      { date: '2026-03-02', estimated: false },
      { date: '2026-06-20', estimated: false },
    ])
  })

  test('reminder days outside the window are refused', () => {
    expect(annualReportReminderProblems(['2026-01-01', '2026-06-30'], 2026)).toEqual([])
    expect(annualReportReminderProblems(['2025-12-31', '2026-07-01', '2026-02-30'], 2026)).toHaveLength(3)
    expect(annualReportReminderProblems([], 2026)).toEqual(['提醒日期须为1–10个日期'])
    expect(() => planAnnualReport(company, 2026, ['2026-07-01'])).toThrow(RangeError)
  })
})
