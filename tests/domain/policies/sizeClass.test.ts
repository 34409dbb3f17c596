import {
  enterpriseSizeClass,
  sizeClassMask,
  sizeGroupsOf,
  type SizeClassOrUnknown,
} from '../../../src/domain/policies/sizeClass'
import { normalizeIndustryCode, industryText } from '../../../src/domain/policies/industryCodes'

// Expected classes are read off 工信部联企业〔2011〕300号 第四条 by hand, one row per bound: each
// "X 及以上" bound is tested at X (in) and X − 1 (out). e = 从业人员, r = 营业收入, a = 资产总额 (万元).

type Row = [
  code: string,
  e: number | undefined,
  r: number | undefined,
  a: number | undefined,
  expected: SizeClassOrUnknown,
]

const u = undefined

describe.each<[string, Row[]]>([
  [
    '工业 (B, C, D): 1000人/40000万; 中 300人且2000万; 小 20人且300万',
    [
      ['C3311', 1000, 40000, u, 'large'],
      ['C3311', 999, 40000, u, 'medium'],
      ['C3311', 1000, 39999, u, 'medium'],
      ['C3311', 300, 2000, u, 'medium'],
      ['C3311', 299, 2000, u, 'small'],
      ['C3311', 300, 1999, u, 'small'],
      ['C3311', 20, 300, u, 'small'],
      ['C3311', 19, 300, u, 'micro'],
      ['C3311', 20, 299, u, 'micro'],
      ['C3311', 5000, 100, u, 'micro'], // 满足其一即为微型: revenue below 300万
      ['B0610', 300, 2000, u, 'medium'], // 采矿业 is 工业
      ['D4411', 19, 50000, u, 'micro'], // 电力 is 工业
    ],
  ],
  [
    '建筑业 (E): 营业收入/资产总额 80000万; 中 6000万且5000万; 小 300万且300万',
    [
      ['E4813', u, 80000, 80000, 'large'],
      ['E4813', u, 80000, 79999, 'medium'],
      ['E4813', u, 6000, 5000, 'medium'],
      ['E4813', u, 5999, 5000, 'small'],
      ['E4813', u, 6000, 4999, 'small'],
      ['E4813', u, 300, 300, 'small'],
      ['E4813', u, 299, 300, 'micro'],
      ['E4813', u, 300, 299, 'micro'],
    ],
  ],
  [
    '批发业 (F51): 200人/40000万; 中 20人且5000万; 小 5人且1000万',
    [
      ['F5191', 200, 40000, u, 'large'],
      ['F5191', 199, 40000, u, 'medium'],
      ['F5191', 20, 5000, u, 'medium'],
      ['F5191', 19, 5000, u, 'small'],
      ['F5191', 5, 1000, u, 'small'],
      ['F5191', 4, 1000, u, 'micro'],
      ['F5191', 5, 999, u, 'micro'],
    ],
  ],
  [
    '零售业 (F52): 300人/20000万; 中 50人且500万; 小 10人且100万',
    [
      ['F5211', 300, 20000, u, 'large'],
      ['F5211', 300, 19999, u, 'medium'],
      ['F5211', 50, 500, u, 'medium'],
      ['F5211', 49, 500, u, 'small'],
      ['F5211', 50, 499, u, 'small'],
      ['F5211', 10, 100, u, 'small'],
      ['F5211', 9, 100, u, 'micro'],
      ['F5211', 10, 99, u, 'micro'],
    ],
  ],
  [
    '交通运输业 (G53–G58): 1000人/30000万; 中 300人且3000万; 小 20人且200万',
    [
      ['G5430', 1000, 30000, u, 'large'],
      ['G5430', 300, 3000, u, 'medium'],
      ['G5430', 300, 2999, u, 'small'],
      ['G5810', 20, 200, u, 'small'],
      ['G5810', 20, 199, u, 'micro'],
    ],
  ],
  [
    '仓储业 (G59): 200人/30000万; 中 100人且1000万; 小 20人且100万',
    [
      ['G5920', 200, 30000, u, 'large'],
      ['G5920', 199, 30000, u, 'medium'],
      ['G5920', 100, 1000, u, 'medium'],
      ['G5920', 100, 999, u, 'small'],
      ['G5920', 20, 100, u, 'small'],
      ['G5920', 19, 100, u, 'micro'],
    ],
  ],
  [
    '邮政业 (G60): 1000人/30000万; 中 300人且2000万; 小 20人且100万',
    [
      ['G6010', 1000, 30000, u, 'large'],
      ['G6010', 300, 2000, u, 'medium'],
      ['G6010', 299, 2000, u, 'small'],
      ['G6010', 20, 100, u, 'small'],
      ['G6010', 20, 99, u, 'micro'],
    ],
  ],
  [
    '住宿业 (H61) and 餐饮业 (H62): 300人/10000万; 中 100人且2000万; 小 10人且100万',
    [
      ['H6110', 300, 10000, u, 'large'],
      ['H6110', 100, 2000, u, 'medium'],
      ['H6110', 100, 1999, u, 'small'],
      ['H6210', 10, 100, u, 'small'],
      ['H6210', 9, 100, u, 'micro'],
      ['H6210', 300, 9999, u, 'medium'],
    ],
  ],
  [
    '信息传输业 (I63, I64): 2000人/100000万; 中 100人且1000万; 小 10人且100万',
    [
      ['I6311', 2000, 100000, u, 'large'],
      ['I6311', 1999, 100000, u, 'medium'],
      ['I6410', 100, 1000, u, 'medium'],
      ['I6410', 10, 100, u, 'small'],
      ['I6410', 10, 99, u, 'micro'],
    ],
  ],
  [
    '软件和信息技术服务业 (I65): 300人/10000万; 中 100人且1000万; 小 10人且50万',
    [
      ['I6510', 300, 10000, u, 'large'],
      ['I6510', 299, 10000, u, 'medium'],
      ['I6510', 100, 1000, u, 'medium'],
      ['I6510', 99, 1000, u, 'small'],
      ['I6510', 10, 50, u, 'small'],
      ['I6510', 10, 49, u, 'micro'],
      ['I6510', 9, 50, u, 'micro'],
    ],
  ],
  [
    '房地产开发经营 (K701): 营业收入200000万/资产总额10000万; 中 1000万且5000万; 小 100万且2000万',
    [
      ['K7010', u, 200000, 10000, 'large'],
      ['K7010', u, 199999, 10000, 'medium'],
      ['K7010', u, 500000, 9999, 'medium'],
      ['K7010', u, 1000, 5000, 'medium'],
      ['K7010', u, 1000, 4999, 'small'],
      ['K7010', u, 100, 2000, 'small'],
      ['K7010', u, 99, 2000, 'micro'],
      ['K7010', u, 100, 1999, 'micro'],
    ],
  ],
  [
    '物业管理 (K702): 1000人/5000万; 中 300人且1000万; 小 100人且500万',
    [
      ['K7020', 1000, 5000, u, 'large'],
      ['K7020', 300, 1000, u, 'medium'],
      ['K7020', 299, 1000, u, 'small'],
      ['K7020', 100, 500, u, 'small'],
      ['K7020', 99, 500, u, 'micro'],
      ['K7020', 100, 499, u, 'micro'],
    ],
  ],
  [
    '租赁和商务服务业 (L): 300人/资产总额120000万; 中 100人且8000万; 小 10人且100万',
    [
      ['L7211', 300, u, 120000, 'large'],
      ['L7211', 100, u, 8000, 'medium'],
      ['L7211', 100, u, 7999, 'small'],
      ['L7211', 10, u, 100, 'small'],
      ['L7211', 9, u, 100, 'micro'],
    ],
  ],
  [
    '农、林、牧、渔业 (A): 营业收入20000万; 中 500万; 小 50万',
    [
      ['A0111', u, 20000, u, 'large'],
      ['A0111', u, 19999, u, 'medium'],
      ['A0111', u, 500, u, 'medium'],
      ['A0111', u, 499, u, 'small'],
      ['A0111', u, 50, u, 'small'],
      ['A0111', u, 49, u, 'micro'],
    ],
  ],
  [
    '其他未列明行业: 300人; 中 100人; 小 10人',
    [
      ['M7320', 300, u, u, 'large'],
      ['M7320', 299, u, u, 'medium'],
      ['M7320', 100, u, u, 'medium'],
      ['M7320', 99, u, u, 'small'],
      ['M7320', 10, u, u, 'small'],
      ['M7320', 9, u, u, 'micro'],
      ['K7030', 300, 1, 1, 'large'], // 房地产中介 is not 房地产开发经营
      ['J6621', 99, u, u, 'small'], // 金融业 falls to 其他 here
    ],
  ],
])('%s', (_, rows) => {
  test.each(rows)('%s: e=%s r=%s a=%s → %s', (industryCode, employees, revenueWan, assetsWan, expected) => {
    const result = enterpriseSizeClass({ industryCode, employees, revenueWan, assetsWan })
    expect(result.sizeClass).toBe(expected)
    expect(result.missing).toEqual([])
  })
})

describe('missing and partial facts', () => {
  test('no industry: unknown, industry is what is missing', () => {
    expect(enterpriseSizeClass({ employees: 50, revenueWan: 100 })).toMatchObject({
      sizeClass: 'unknown',
      missing: ['industryCode'],
      possible: ['micro', 'small', 'medium', 'large'],
    })
  })

  test('an invalid industry code is not a standard', () => {
    expect(enterpriseSizeClass({ industryCode: 'C51', employees: 50 })).toMatchObject({
      sizeClass: 'unknown',
      missing: ['industryCode'],
    })
  })

  test('工业 with 20 people and no revenue: 小 or 微 — revenue is missing', () => {
    expect(enterpriseSizeClass({ industryCode: 'C3311', employees: 20 })).toMatchObject({
      sizeClass: 'unknown',
      missing: ['revenueWan'],
      possible: ['micro', 'small'],
    })
  })

  test('工业 with 19 people is 微型 whatever the revenue (满足其一)', () => {
    const result = enterpriseSizeClass({ industryCode: 'C3311', employees: 19 })
    expect(result.sizeClass).toBe('micro')
    expect(result.basis).toContain('无论营业收入多少')
  })

  test('工业 with nothing known: both indicators missing, any class possible', () => {
    expect(enterpriseSizeClass({ industryCode: 'C' })).toMatchObject({
      sizeClass: 'unknown',
      missing: ['employees', 'revenueWan'],
      possible: ['micro', 'small', 'medium', 'large'],
    })
  })

  test('房地产开发经营 needs assets, not employees', () => {
    expect(enterpriseSizeClass({ industryCode: 'K7010', employees: 5000, revenueWan: 1000 })).toMatchObject({
      sizeClass: 'unknown',
      missing: ['assetsWan'],
      possible: ['micro', 'small', 'medium'],
    })
  })

  test('a coarse K70 may be 房地产开发, 物业 or 其他: with every figure known, the code is missing', () => {
    // 开发: r 50 < 100 → 微; 物业: e 50 < 100 → 微; 其他: e 50 ≥ 10 → 小.
    expect(enterpriseSizeClass({ industryCode: 'K70', employees: 50, revenueWan: 50, assetsWan: 50 })).toMatchObject({
      sizeClass: 'unknown',
      missing: ['industryCode'],
      possible: ['micro', 'small'],
    })
  })

  test('a coarse H (住宿 or 餐饮, same bounds) is still decided', () => {
    expect(enterpriseSizeClass({ industryCode: 'H', employees: 100, revenueWan: 2000 }).sizeClass).toBe('medium')
  })

  test('negative or non-finite figures count as not filled in', () => {
    expect(enterpriseSizeClass({ industryCode: 'C3311', employees: -1, revenueWan: NaN }).missing).toEqual([
      'employees',
      'revenueWan',
    ])
  })

  test('the mask lists the possible classes as bits (micro 1, small 2, medium 4, large 8)', () => {
    expect(sizeClassMask({ industryCode: 'C3311', employees: 20 })).toBe(0b0011)
    expect(sizeClassMask({ industryCode: 'C3311', employees: 300, revenueWan: 2000 })).toBe(0b0100)
    expect(sizeClassMask({})).toBe(0b1111)
  })
})

test('basis names the regulation, the facts and the bound met', () => {
  expect(enterpriseSizeClass({ industryCode: 'C3311', employees: 86, revenueWan: 5000 }).basis).toBe(
    '依据《中小企业划型标准规定》（工信部联企业〔2011〕300号）工业标准：从业人员 86 人，营业收入 5000 万元；' +
      '达到小型企业标准（从业人员 20 人及以上，且营业收入 300 万元及以上），为小型企业。',
  )
  expect(enterpriseSizeClass({ industryCode: 'F5211', employees: 9, revenueWan: 800 }).basis).toBe(
    '依据《中小企业划型标准规定》（工信部联企业〔2011〕300号）零售业标准：从业人员 9 人，营业收入 800 万元；' +
      '未达到小型企业标准（从业人员 10 人及以上，且营业收入 100 万元及以上），为微型企业。',
  )
})

describe('GB/T 4754-2017 codes', () => {
  test.each([
    ['C3311', 'C3311'],
    ['c3311', 'C3311'],
    [' 3311 ', 'C3311'],
    ['65', 'I65'],
    ['K', 'K'],
    ['C51', null], // 51 is 批发业, in section F
    ['Z1', null],
    ['C1', null],
    ['', null],
  ])('%j → %j', (code, normalized) => {
    expect(normalizeIndustryCode(code)).toBe(normalized)
  })

  test.each([
    ['C3311', ['industry']],
    ['F', ['wholesale', 'retail']],
    ['G', ['transport', 'warehousing', 'postal']],
    ['I', ['telecom', 'software']],
    ['K7090', ['other']],
    ['L', ['leasingBusiness']],
  ])('%s falls under %j', (code, groups) => {
    expect(sizeGroupsOf(code)).toEqual(groups)
  })

  test.each([
    ['C', '制造业（C）'],
    ['C33', '金属制品业（C33）'],
    ['C3311', '金属结构制造（C3311）'],
    ['I65', '软件和信息技术服务业（I65）'],
    ['S96', '基层群众自治组织及其他组织（S96）'],
  ])('%s reads %s', (code, text) => {
    expect(industryText(code)).toBe(text)
  })
})
