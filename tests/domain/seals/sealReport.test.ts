import {
  addChinaMonths,
  aggregateSealReport,
  chinaMonthLabel,
  chinaMonthOf,
  chinaMonthRange,
  isChinaMonth,
  type SealUsageEvent,
} from '../../../src/domain/seals/sealReport'

const cst = (local: string) => Date.parse(`${local}+08:00`)
const OFFICIAL = { id: 's-official', name: '企业公章' }
const CONTRACT = { id: 's-contract', name: '合同专用章' }
const FINANCE = { id: 's-finance', name: '财务专用章' }
const WANG = { id: 'u-wang', nameMasked: '王*' }
const ZHANG = { id: 'u-zhang', nameMasked: '张*国' }
const OA = { id: 'sys-oa', name: '许昌市合同管理平台' }
const ERP = { id: 'sys-erp', name: '瑞丰ERP' }

const use = (local: string, seal = CONTRACT, handler = WANG, system = OA): SealUsageEvent => ({
  kind: 'use',
  atMs: cst(local),
  seal,
  handler,
  system,
})
const refused = (local: string, reason: string): SealUsageEvent => ({ kind: 'refused', atMs: cst(local), reason })

describe('China months', () => {
  it.each([
    ['2026-03-31T23:30', '2026-03'],
    ['2026-04-01T00:00', '2026-04'],
    ['2026-03-01T00:00', '2026-03'],
    ['2026-02-28T23:59', '2026-02'],
    ['2025-12-31T23:59', '2025-12'],
    ['2026-01-01T00:00', '2026-01'],
  ])('%s CST is in %s', (local, month) => {
    expect(chinaMonthOf(cst(local))).toBe(month)
  })

  it('2026-03-31 23:30 CST is 15:30 UTC the same day, and still March', () => {
    expect(chinaMonthOf(Date.parse('2026-03-31T15:30:00Z'))).toBe('2026-03')
    expect(chinaMonthOf(Date.parse('2026-03-31T16:00:00Z'))).toBe('2026-04')
  })

  it('ranges and arithmetic across years', () => {
    expect(chinaMonthRange('2026-03')).toEqual({
      fromMs: Date.parse('2026-02-28T16:00:00Z'),
      toMs: Date.parse('2026-03-31T16:00:00Z'),
    })
    expect(addChinaMonths('2026-01', -1)).toBe('2025-12')
    expect(addChinaMonths('2025-12', 1)).toBe('2026-01')
    expect(chinaMonthLabel('2026-03')).toBe('2026年3月')
    expect(isChinaMonth('2026-03')).toBe(true)
    expect(isChinaMonth('2026-13')).toBe(false)
    expect(isChinaMonth('2026-3')).toBe(false)
  })
})

describe('aggregateSealReport', () => {
  const events: SealUsageEvent[] = [
    // March (reported)
    use('2026-03-01T00:00'),
    use('2026-03-09T10:00'),
    use('2026-03-31T23:30', CONTRACT, ZHANG, ERP),
    use('2026-03-12T15:00', OFFICIAL, ZHANG, OA),
    refused('2026-03-05T09:00', 'pin-failed'),
    refused('2026-03-06T09:00', 'pin-failed'),
    refused('2026-03-20T09:00', 'face-failed'),
    // February (compared)
    use('2026-02-28T23:59'),
    use('2026-02-10T10:00', OFFICIAL, WANG, OA),
    refused('2026-02-03T09:00', 'pin-failed'),
    // neither
    use('2026-04-01T00:00'),
    use('2026-01-31T23:59'),
  ]
  const report = aggregateSealReport('2026-03', events, [OFFICIAL, FINANCE, CONTRACT])

  it('totals, with the month before', () => {
    expect(report).toMatchObject({
      month: '2026-03',
      previousMonth: '2026-02',
      uses: 4,
      previousUses: 2,
      refused: 3,
      previousRefused: 1,
    })
  })

  it('per seal, every seal listed (unused ones at 0)', () => {
    expect(report.bySeal).toEqual([
      { key: 's-contract', label: '合同专用章', count: 3, previous: 1 },
      { key: 's-official', label: '企业公章', count: 1, previous: 1 },
      { key: 's-finance', label: '财务专用章', count: 0, previous: 0 },
    ])
  })

  it('per handler (masked names), per system, refusals by reason', () => {
    expect(report.byHandler).toEqual([
      { key: 'u-wang', label: '王*', count: 2, previous: 2 },
      { key: 'u-zhang', label: '张*国', count: 2, previous: 0 },
    ])
    expect(report.bySystem).toEqual([
      { key: 'sys-oa', label: '许昌市合同管理平台', count: 3, previous: 2 },
      { key: 'sys-erp', label: '瑞丰ERP', count: 1, previous: 0 },
    ])
    expect(report.refusedByReason).toEqual([
      { key: 'pin-failed', label: '签署密码错误', count: 2, previous: 1 },
      { key: 'face-failed', label: '刷脸未通过', count: 1, previous: 0 },
    ])
  })

  it('a month with nothing: zeros, the seals still listed', () => {
    const empty = aggregateSealReport('2026-05', events, [OFFICIAL])
    expect(empty).toMatchObject({ uses: 0, previousUses: 1, refused: 0, previousRefused: 0 })
    expect(empty.bySeal).toEqual([
      { key: 's-contract', label: '合同专用章', count: 0, previous: 1 },
      { key: 's-official', label: '企业公章', count: 0, previous: 0 },
    ])
  })
})
