import { planTaxFiling, taxSettingsProblems, type TaxSettings } from '../../../src/domain/compliance/taxFiling'

const general: TaxSettings = { vatPayer: 'general', hasEmployees: true, corporateIncomeTax: true }
const small: TaxSettings = { vatPayer: 'small', hasEmployees: false, corporateIncomeTax: true }

const byPrefix = (settings: TaxSettings, prefix: string, year = 2026) =>
  planTaxFiling('e1', settings, year)
    .filter((item) => item.sourceId.startsWith(prefix))
    .map((item) => [item.sourceId, item.dueDate])

test('一般纳税人: VAT with 附加税费 every month, for the month before, on the published deadline', () => {
  expect(byPrefix(general, 'tax:vat:')).toEqual([
    ['tax:vat:2025-12', '2026-01-20'],
    ['tax:vat:2026-01', '2026-02-24'],
    ['tax:vat:2026-02', '2026-03-16'],
    ['tax:vat:2026-03', '2026-04-20'],
    ['tax:vat:2026-04', '2026-05-22'],
    ['tax:vat:2026-05', '2026-06-15'],
    ['tax:vat:2026-06', '2026-07-15'],
    ['tax:vat:2026-07', '2026-08-17'],
    ['tax:vat:2026-08', '2026-09-15'],
    ['tax:vat:2026-09', '2026-10-26'],
    ['tax:vat:2026-10', '2026-11-16'],
    ['tax:vat:2026-11', '2026-12-15'],
  ])
  expect(planTaxFiling('e1', general, 2026).find((item) => item.sourceId === 'tax:vat:2025-12')?.title).toBe(
    '增值税及附加税费申报（2025年12月）',
  )
})

test('小规模纳税人: VAT quarterly in January, April, July and October', () => {
  expect(byPrefix(small, 'tax:vat:')).toEqual([
    ['tax:vat:2025-Q4', '2026-01-20'],
    ['tax:vat:2026-Q1', '2026-04-20'],
    ['tax:vat:2026-Q2', '2026-07-15'],
    ['tax:vat:2026-Q3', '2026-10-26'],
  ])
})

test('个人所得税代扣代缴 monthly only with employees', () => {
  expect(byPrefix(general, 'tax:iit:')).toHaveLength(12)
  expect(byPrefix(small, 'tax:iit:')).toHaveLength(0)
})

test('企业所得税: quarterly prepayment and 汇算清缴 by 31 May, moved off a day off', () => {
  expect(byPrefix(small, 'tax:cit:')).toEqual([
    ['tax:cit:2025-Q4', '2026-01-20'],
    ['tax:cit:2026-Q1', '2026-04-20'],
    ['tax:cit:2026-Q2', '2026-07-15'],
    ['tax:cit:2026-Q3', '2026-10-26'],
  ])
  // 2026-05-31 is a Sunday → Monday 1 June.
  expect(byPrefix(small, 'tax:cit-annual:')).toEqual([['tax:cit-annual:2025', '2026-06-01']])
  // 2025-05-31 was the first day of 端午 (31 May – 2 June) → Tuesday 3 June.
  expect(byPrefix(small, 'tax:cit-annual:', 2025)).toEqual([['tax:cit-annual:2024', '2025-06-03']])
  // 2028 is beyond the holiday calendar: 31 May 2028 is a Wednesday, but it might be a holiday, so 预计.
  const annual2028 = planTaxFiling('e1', small, 2028).find((item) => item.sourceId === 'tax:cit-annual:2027')
  expect(annual2028).toMatchObject({ dueDate: '2028-05-31', estimated: true })
})

test('no 企业所得税 items for a 个体工商户 (corporateIncomeTax false)', () => {
  const items = planTaxFiling('e1', { ...small, corporateIncomeTax: false }, 2026)
  expect(items.some((item) => item.sourceId.startsWith('tax:cit'))).toBe(false)
})

test('财务报表 go with the returns: quarterly by default, monthly on request, plus the annual ones', () => {
  expect(byPrefix(general, 'tax:fs:').map(([id]) => id)).toEqual([
    'tax:fs:2025-Q4',
    'tax:fs:2026-Q1',
    'tax:fs:2025',
    'tax:fs:2026-Q2',
    'tax:fs:2026-Q3',
  ])
  expect(byPrefix({ ...general, financialStatements: 'monthly' }, 'tax:fs:')).toHaveLength(13)
  expect(byPrefix({ ...general, financialStatements: 'none' }, 'tax:fs:')).toHaveLength(0)
})

test('items are in date order with unique source ids; 2027 items are all 预计', () => {
  const items = planTaxFiling('e1', general, 2026)
  expect(items.map((item) => item.dueDate)).toEqual([...items.map((item) => item.dueDate)].sort())
  expect(new Set(items.map((item) => item.sourceId)).size).toBe(items.length)
  expect(items.every((item) => !item.estimated)).toBe(true)
  const monthly2027 = planTaxFiling('e1', general, 2027).filter((item) => !item.sourceId.startsWith('tax:cit-annual'))
  expect(monthly2027.every((item) => item.estimated)).toBe(true)
})

test('reminders: the 3rd and the 1st working day before the deadline', () => {
  // 20 Jan 2026 (Tue): working days before are 19, 16, 15 → 15 Jan and 19 Jan.
  const january = planTaxFiling('e1', general, 2026)[0]
  expect(january.reminders).toEqual([
    { date: '2026-01-15', estimated: false },
    { date: '2026-01-19', estimated: false },
  ])
  // 24 Feb 2026: 春节 15–23 Feb off, Saturday 14 Feb worked → 12, 13 and 14 Feb... the 3rd is Thu 12 Feb.
  const february = planTaxFiling('e1', general, 2026).find((item) => item.sourceId === 'tax:vat:2026-01')
  expect(february?.reminders.map((day) => day.date)).toEqual(['2026-02-12', '2026-02-14'])
})

describe('taxSettingsProblems (the door of PUT …/compliance/settings)', () => {
  it('accepts the settings planTaxFiling takes and names each bad field in Chinese', () => {
    expect(taxSettingsProblems({ vatPayer: 'small', hasEmployees: false, corporateIncomeTax: true })).toEqual([])
    expect(
      taxSettingsProblems({
        vatPayer: 'general',
        hasEmployees: true,
        corporateIncomeTax: false,
        financialStatements: 'monthly',
      }),
    ).toEqual([])
    expect(taxSettingsProblems(null)).toEqual(['税务设置格式不正确'])
    expect(taxSettingsProblems([])).toEqual(['税务设置格式不正确'])
    expect(taxSettingsProblems({ vatPayer: 'big', hasEmployees: 1, financialStatements: 'yearly' })).toEqual([
      '增值税纳税人类型须为一般纳税人、小规模纳税人或非增值税纳税人',
      '须说明是否有雇员（个人所得税代扣代缴）',
      '须说明是否缴纳企业所得税',
      '财务报表报送频率须为按月、按季或不报送',
    ])
  })
})
