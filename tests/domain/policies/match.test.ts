import type { Condition, LeafCondition } from '../../../src/domain/policies/conditions'
import { autoGrantLabel, isOpen, matchPolicy } from '../../../src/domain/policies/match'
import type { EnterpriseProfile } from '../../../src/domain/policies/profile'
import { all, any, policyWith } from './fixtures'

const TODAY = '2026-03-01'

/** Outcome of the only condition of a one-condition policy. */
function outcome(leaf: LeafCondition, profile: EnterpriseProfile, today = TODAY) {
  return matchPolicy(profile, policyWith(all(leaf)), today).conditions[0].outcome
}

const manufacturer: EnterpriseProfile = {
  industryCode: 'C3311',
  employees: 86,
  revenueWan: 5000,
  regionCode: '411002',
  foundedOn: '2018-06-15',
}

describe('a policy explains itself condition by condition', () => {
  const policy = policyWith(
    all(
      { id: 'ind', kind: 'industry', include: ['C'] },
      { id: 'size', kind: 'sizeClass', allowed: ['small'] },
      { id: 'emp', kind: 'employees', max: 300 },
      { id: 'area', kind: 'region', areas: [{ code: '411000', name: '许昌市' }] },
    ),
  )

  test('every condition met: 可申报, with the facts used', () => {
    expect(matchPolicy(manufacturer, policy, TODAY)).toEqual({
      verdict: 'eligible',
      rootMode: 'all',
      conditions: [
        { id: 'ind', label: '行业：制造业（C）', outcome: 'met', fact: '行业：金属结构制造（C3311）' },
        { id: 'size', label: '企业规模：小型企业', outcome: 'met', fact: '按已有信息测算为小型企业' },
        { id: 'emp', label: '从业人员：不超过 300 人', outcome: 'met', fact: '从业人员：86 人' },
        { id: 'area', label: '注册地：许昌市', outcome: 'met', fact: '注册地：411002（属许昌市）' },
      ],
      unmetCount: 0,
      missingCount: 0,
      missingFacts: [],
      fixesNeeded: 0,
    })
  })

  test('revenue missing: size class 待补充, 差一点, revenue asked for', () => {
    const result = matchPolicy({ ...manufacturer, revenueWan: undefined }, policy, TODAY)
    expect(result).toMatchObject({
      verdict: 'near',
      missingCount: 1,
      unmetCount: 0,
      missingFacts: ['revenueWan'],
      fixesNeeded: 1,
    })
    expect(result.conditions[1]).toEqual({
      id: 'size',
      label: '企业规模：小型企业',
      outcome: 'missing',
      fact: '待补充：营业收入（按已填信息可能为小型或微型企业）',
    })
  })

  test('two conditions to fix is still 差一点; three is 不符合', () => {
    const fixable = policyWith(
      all(
        { id: 'ht', kind: 'qualification', required: ['high-tech'], mode: 'any' },
        { id: 'emp', kind: 'employees', max: 300 },
        { id: 'area', kind: 'region', areas: [{ code: '411000', name: '许昌市' }] },
      ),
    )
    // 400 people against 不超过 300 is within reach (not 2× over); no 高新 certificate yet.
    const two = matchPolicy({ ...manufacturer, employees: 400, qualifications: [] }, fixable, TODAY)
    expect(two).toMatchObject({ verdict: 'near', unmetCount: 2, fixesNeeded: 2 })
    const three = matchPolicy(
      { ...manufacturer, employees: 400, qualifications: [], regionCode: undefined },
      fixable,
      TODAY,
    )
    expect(three).toMatchObject({ verdict: 'ineligible', unmetCount: 2, missingCount: 1, fixesNeeded: 3 })
    // A size class is no paperwork fix (issue #12 item 12): 中型 against 小型 is final, 不符合.
    const sized = matchPolicy({ ...manufacturer, employees: 400 }, policy, TODAY)
    expect(sized).toMatchObject({ verdict: 'ineligible', unmetCount: 2, fixesNeeded: null })
  })

  test('another region or industry cannot be fixed by applying: 不符合, not 差一点', () => {
    const elsewhere = matchPolicy({ ...manufacturer, regionCode: '330802' }, policy, TODAY)
    expect(elsewhere).toMatchObject({ verdict: 'ineligible', unmetCount: 1, fixesNeeded: null })
    expect(elsewhere.conditions[3]).toMatchObject({ id: 'area', outcome: 'unmet', unfixable: true })
    expect(matchPolicy({ ...manufacturer, regionCode: undefined }, policy, TODAY).conditions[3]).toEqual(
      expect.not.objectContaining({ unfixable: expect.anything() }),
    )
    // 软件业 with 86 people and 5000万 is still 小型: only the industry fails.
    expect(matchPolicy({ ...manufacturer, industryCode: 'I6510' }, policy, TODAY)).toMatchObject({
      verdict: 'ineligible',
      unmetCount: 1,
      fixesNeeded: null,
    })
  })

  test('region or industry unknown is 待补充: one fix, 差一点', () => {
    expect(matchPolicy({ ...manufacturer, regionCode: undefined }, policy, TODAY)).toMatchObject({
      verdict: 'near',
      missingCount: 1,
      missingFacts: ['regionCode'],
      fixesNeeded: 1,
    })
    // Without the industry the size class is unknown too (its thresholds depend on the industry).
    expect(matchPolicy({ ...manufacturer, industryCode: undefined }, policy, TODAY)).toMatchObject({
      verdict: 'near',
      missingCount: 2,
      fixesNeeded: 2,
    })
  })

  test('too young or too old for the founding-age band is 不符合; founding date unknown is 差一点', () => {
    const established = policyWith(all({ id: 'f', kind: 'foundedYears', minYears: 3 }, { id: 'e', kind: 'exporter' }))
    const young = { foundedOn: '2024-06-01', exporter: true }
    expect(matchPolicy(young, established, TODAY)).toMatchObject({ verdict: 'ineligible', fixesNeeded: null })
    expect(matchPolicy({ exporter: true }, established, TODAY)).toMatchObject({ verdict: 'near', fixesNeeded: 1 })
    const startup = policyWith(all({ id: 'f', kind: 'foundedYears', maxYears: 5 }))
    expect(matchPolicy({ foundedOn: '2010-01-01' }, startup, TODAY)).toMatchObject({ verdict: 'ineligible' })
    expect(matchPolicy({ foundedOn: '2024-06-01' }, startup, TODAY)).toMatchObject({ verdict: 'eligible' })
  })

  test('a development zone listed beside areas: in neither is 不符合, zone unknown is 差一点', () => {
    const zoned = policyWith(
      all({ id: 'z', kind: 'region', areas: [{ code: '411002', name: '魏都区' }], zones: ['许昌经济技术开发区'] }),
    )
    expect(matchPolicy({ regionCode: '411003', developmentZone: null }, zoned, TODAY).verdict).toBe('ineligible')
    expect(matchPolicy({ regionCode: '411003' }, zoned, TODAY)).toMatchObject({ verdict: 'near', fixesNeeded: 1 })
    expect(matchPolicy({ regionCode: '411003', developmentZone: '许昌经济技术开发区' }, zoned, TODAY).verdict).toBe(
      'eligible',
    )
  })

  test('missing facts count like unmet ones toward 差一点, and are listed in calculator order', () => {
    const result = matchPolicy({ employees: 86 }, policy, TODAY)
    expect(result).toMatchObject({ verdict: 'ineligible', missingCount: 3, unmetCount: 0 })
    expect(result.missingFacts).toEqual(['industryCode', 'regionCode'])
  })

  test('size class met without revenue when every possible class is allowed', () => {
    // 工业, 86 people: 微 (revenue < 300万) or 小 — never 中 (needs 300 people).
    expect(
      outcome({ id: 's', kind: 'sizeClass', allowed: ['small', 'micro'] }, { industryCode: 'C3311', employees: 86 }),
    ).toBe('met')
    expect(
      outcome({ id: 's', kind: 'sizeClass', allowed: ['medium', 'large'] }, { industryCode: 'C3311', employees: 86 }),
    ).toBe('unmet')
    const smallOrMicro = policyWith(all({ id: 's', kind: 'sizeClass', allowed: ['small', 'micro'] }))
    expect(matchPolicy({ industryCode: 'C3311', employees: 86 }, smallOrMicro, TODAY).conditions[0].fact).toBe(
      '按已有信息可能为小型或微型企业，均符合',
    )
  })
})

describe('any-of groups count as one condition to fix: the cheapest member', () => {
  const policy = policyWith(
    all(
      { id: 'ind', kind: 'industry', include: ['C', 'I65'] },
      {
        id: 'innovation',
        label: '创新能力（满足其一）',
        any: [
          { id: 'ht', kind: 'qualification', required: ['high-tech'], mode: 'any' },
          { id: 'rd', kind: 'rdRatio', minPercent: 3 },
          { id: 'sme', kind: 'qualification', required: ['tech-sme'], mode: 'any' },
        ],
      },
      { id: 'area', kind: 'region', areas: [{ code: '411000', name: '许昌市' }] },
    ),
  )

  test('one member met satisfies the group', () => {
    const result = matchPolicy({ ...manufacturer, qualifications: [], rdSpendWan: 150 }, policy, TODAY)
    // 150 / 5000 = exactly 3%.
    expect(result.verdict).toBe('eligible')
    expect(result.conditions.map((c) => [c.id, c.outcome])).toEqual([
      ['ind', 'met'],
      ['ht', 'unmet'],
      ['rd', 'met'],
      ['sme', 'unmet'],
      ['area', 'met'],
    ])
    expect(result.conditions[2]).toMatchObject({
      fact: '研发费用 150 万元、营业收入 5000 万元，占比 3%',
      group: { id: 'innovation', label: '创新能力（满足其一）', mode: 'any' },
    })
  })

  test('no member met: the group costs 1 however many members fail', () => {
    const result = matchPolicy({ ...manufacturer, qualifications: [], rdSpendWan: 149 }, policy, TODAY)
    expect(result).toMatchObject({ verdict: 'near', unmetCount: 3, fixesNeeded: 1 })
  })

  test('group unmet + region unknown = 2 fixes: 差一点; + industry unknown = 3: 不符合; wrong region: 不符合', () => {
    const facts = { ...manufacturer, qualifications: [], rdSpendWan: 0, regionCode: undefined }
    expect(matchPolicy(facts, policy, TODAY)).toMatchObject({ verdict: 'near', fixesNeeded: 2 })
    expect(matchPolicy({ ...facts, industryCode: undefined }, policy, TODAY)).toMatchObject({
      verdict: 'ineligible',
      fixesNeeded: 3,
    })
    expect(matchPolicy({ ...facts, regionCode: '330802' }, policy, TODAY)).toMatchObject({
      verdict: 'ineligible',
      fixesNeeded: null,
    })
  })

  test('an any-of whose members are all in other regions is never met; a fixable member keeps it near', () => {
    const areas = (code: string): LeafCondition => ({ id: code, kind: 'region', areas: [{ code, name: code }] })
    const regions = policyWith(all({ any: [areas('411000'), areas('330800')] }))
    expect(matchPolicy({ regionCode: '110101' }, regions, TODAY)).toMatchObject({ verdict: 'ineligible' })
    const orExporter = policyWith(any(areas('411000'), { id: 'e', kind: 'exporter' }))
    expect(matchPolicy({ regionCode: '110101', exporter: false }, orExporter, TODAY)).toMatchObject({
      verdict: 'near',
      fixesNeeded: 1,
    })
  })

  test('a root any-of over all-of branches costs its cheapest branch', () => {
    const big: Condition = {
      id: 'big',
      all: [
        { id: 'emp', kind: 'employees', min: 100 },
        { id: 'rev', kind: 'revenue', minWan: 5000 },
        { id: 'exp', kind: 'exporter' },
      ],
    }
    const techLeaves: LeafCondition[] = [
      { id: 'ht', kind: 'qualification', required: ['high-tech'], mode: 'any' },
      { id: 'rd', kind: 'rdRatio', minPercent: 5 },
    ]
    const either = policyWith(any(big, { id: 'tech', all: techLeaves }))
    const base = { employees: 50, revenueWan: 1000, exporter: false, qualifications: [], rdSpendWan: 30 }
    // big: revenue 1000 against 5000 is out of reach (more than 2× short); tech: 2 unmet → 2.
    expect(matchPolicy(base, either, TODAY)).toMatchObject({ verdict: 'near', fixesNeeded: 2, rootMode: 'any' })
    // Each condition says which alternative it belongs to; an all-of root numbers none.
    expect(matchPolicy(base, either, TODAY).conditions.map((c) => [c.id, c.branch])).toEqual([
      ['emp', 0],
      ['rev', 0],
      ['exp', 0],
      ['ht', 1],
      ['rd', 1],
    ])
    expect(matchPolicy(base, policyWith(all(...techLeaves)), TODAY).conditions[0]).not.toHaveProperty('branch')
    // tech: 高新 held, 1% < 5% → 1.
    expect(matchPolicy({ ...base, qualifications: ['high-tech'] }, either, TODAY)).toMatchObject({
      verdict: 'near',
      fixesNeeded: 1,
    })
    expect(matchPolicy({ ...base, qualifications: ['high-tech'], rdSpendWan: 50 }, either, TODAY).verdict).toBe(
      'eligible',
    )
    // A third failing condition in the tech branch makes both branches cost 3.
    const harder = policyWith(
      any(big, { id: 'tech', all: [...techLeaves, { id: 'g', kind: 'taxCreditGrade', allowed: ['A'] }] }),
    )
    expect(matchPolicy({ ...base, taxCreditGrade: 'B' }, harder, TODAY)).toMatchObject({
      verdict: 'ineligible',
      fixesNeeded: 3,
    })
  })

  test('an empty any-of can never be met; an empty root all-of is open to all', () => {
    expect(matchPolicy({}, policyWith({ any: [] }), TODAY)).toMatchObject({ verdict: 'ineligible', fixesNeeded: null })
    expect(matchPolicy({}, policyWith({ all: [] }), TODAY)).toMatchObject({ verdict: 'eligible', conditions: [] })
  })
})

describe('founding age counts anniversaries; 02-29 turns 02-28 in a common year', () => {
  const atLeast = (years: number): LeafCondition => ({ id: 'f', kind: 'foundedYears', minYears: years })
  const under = (years: number): LeafCondition => ({ id: 'f', kind: 'foundedYears', maxYears: years })
  const leapling = { foundedOn: '2020-02-29' }

  test.each([
    [atLeast(1), '2021-02-27', 'unmet'],
    [atLeast(1), '2021-02-28', 'met'], // 民法典 第二百零二条: no 02-29, the month's last day
    [atLeast(4), '2024-02-28', 'unmet'],
    [atLeast(4), '2024-02-29', 'met'],
    [atLeast(5), '2025-02-28', 'met'],
    [under(4), '2024-02-28', 'met'],
    [under(4), '2024-02-29', 'unmet'], // 满 4 年 that day, so no longer 未满
    [under(1), '2021-02-27', 'met'],
    [under(1), '2021-02-28', 'unmet'],
  ])('founded 2020-02-29, %j on %s → %s', (leaf, today, expected) => {
    expect(outcome(leaf, leapling, today)).toBe(expected)
  })

  test('ordinary dates: 满 N 年 from the anniversary itself', () => {
    expect(outcome(atLeast(5), { foundedOn: '2021-03-01' }, '2026-02-28')).toBe('unmet')
    expect(outcome(atLeast(5), { foundedOn: '2021-03-01' }, '2026-03-01')).toBe('met')
    expect(
      outcome({ id: 'f', kind: 'foundedYears', minYears: 1, maxYears: 5 }, { foundedOn: '2021-03-01' }, '2026-03-01'),
    ).toBe('unmet')
    expect(
      outcome({ id: 'f', kind: 'foundedYears', minYears: 1, maxYears: 5 }, { foundedOn: '2021-03-02' }, '2026-03-01'),
    ).toBe('met')
  })

  test('label and a missing date', () => {
    const result = matchPolicy({}, policyWith(all({ id: 'f', kind: 'foundedYears', minYears: 1, maxYears: 5 })), TODAY)
    expect(result.conditions[0]).toEqual({
      id: 'f',
      label: '成立满 1 年、未满 5 年',
      outcome: 'missing',
      fact: '待补充：成立日期',
    })
  })
})

describe('no serious violation within N years before the evaluation date', () => {
  const leaf: LeafCondition = { id: 'v', kind: 'noSeriousViolation', years: 3 }
  test.each([
    [null, 'met'],
    ['2023-02-28', 'met'],
    ['2023-03-01', 'unmet'], // exactly 3 years before 2026-03-01: inside the window
    ['2025-12-31', 'unmet'],
    [undefined, 'missing'],
  ])('latest violation %j → %s', (lastSeriousViolationOn, expected) => {
    expect(outcome(leaf, { lastSeriousViolationOn })).toBe(expected)
  })

  test('fact wording', () => {
    const policy = policyWith(all(leaf))
    expect(matchPolicy({ lastSeriousViolationOn: null }, policy, TODAY).conditions[0]).toMatchObject({
      label: '近 3 年无严重违法失信记录',
      fact: '无严重违法失信记录',
    })
  })
})

describe('industry include and exclude lists (prefix match)', () => {
  const noTobacco: LeafCondition = { id: 'i', kind: 'industry', include: ['C'], exclude: ['C16'] }
  test.each([
    ['C1432', 'met'],
    ['C1610', 'unmet'],
    ['C16', 'unmet'],
    ['I6510', 'unmet'],
    ['C', 'missing'], // might or might not be 烟草: a finer code decides
    ['C9999', 'missing'], // not a real code: treated as not given
    [undefined, 'missing'],
  ])('制造业 except 烟草: %s → %s', (industryCode, expected) => {
    expect(outcome(noTobacco, { industryCode })).toBe(expected)
  })

  test('exclusion only', () => {
    const notRealEstate: LeafCondition = { id: 'i', kind: 'industry', include: [], exclude: ['K'] }
    expect(outcome(notRealEstate, { industryCode: 'K7010' })).toBe('unmet')
    expect(outcome(notRealEstate, { industryCode: 'C3311' })).toBe('met')
  })

  test('labels', () => {
    const policy = policyWith(all(noTobacco, { id: 'j', kind: 'industry', include: ['C39', 'I65'] }))
    expect(matchPolicy({ industryCode: 'C' }, policy, TODAY).conditions.map((c) => [c.label, c.fact])).toEqual([
      ['行业：制造业（C）（不含烟草制品业（C16））', '待补充：所属行业（请细化到更具体的行业代码）'],
      [
        '行业：计算机、通信和其他电子设备制造业（C39）、软件和信息技术服务业（I65）',
        '待补充：所属行业（请细化到更具体的行业代码）',
      ],
    ])
  })
})

describe('region: area code prefix or development zone', () => {
  const xuchang: LeafCondition = {
    id: 'r',
    kind: 'region',
    areas: [{ code: '411000', name: '许昌市' }],
    zones: ['衢州智造新城'],
  }
  test.each<[EnterpriseProfile, string]>([
    [{ regionCode: '411002' }, 'met'],
    [{ regionCode: '411000' }, 'met'],
    [{ regionCode: '330802', developmentZone: '衢州智造新城' }, 'met'],
    [{ regionCode: '330802', developmentZone: null }, 'unmet'],
    [{ regionCode: '330802' }, 'missing'], // the zone could still qualify
    [{ regionCode: '410000', developmentZone: null }, 'missing'], // somewhere in 河南: which city?
    [{ developmentZone: null }, 'missing'],
  ])('%j → %s', (profile, expected) => {
    expect(outcome(xuchang, profile)).toBe(expected)
  })

  test('a district condition and missing facts named', () => {
    const district: LeafCondition = { id: 'r', kind: 'region', areas: [{ code: '411002', name: '许昌市魏都区' }] }
    expect(outcome(district, { regionCode: '411003' })).toBe('unmet')
    const result = matchPolicy({ regionCode: '330802' }, policyWith(all(xuchang)), TODAY)
    expect(result.missingFacts).toEqual(['developmentZone'])
    expect(result.conditions[0].label).toBe('注册地：许昌市，或位于衢州智造新城')
  })
})

describe('qualifications, tax credit, figures, exporter', () => {
  test('小巨人 counts as 专精特新 (工信部企业〔2022〕63号)', () => {
    const both: LeafCondition = { id: 'q', kind: 'qualification', required: ['high-tech', 'specialized'], mode: 'all' }
    expect(outcome(both, { qualifications: ['high-tech', 'little-giant'] })).toBe('met')
    expect(outcome(both, { qualifications: ['high-tech'] })).toBe('unmet')
    expect(outcome(both, { qualifications: [] })).toBe('unmet')
    expect(outcome(both, {})).toBe('missing')
  })

  test('tax credit grade', () => {
    const ab: LeafCondition = { id: 't', kind: 'taxCreditGrade', allowed: ['A', 'B'] }
    expect(outcome(ab, { taxCreditGrade: 'A' })).toBe('met')
    expect(outcome(ab, { taxCreditGrade: 'M' })).toBe('unmet')
    expect(outcome(ab, {})).toBe('missing')
    expect(matchPolicy({ taxCreditGrade: 'M' }, policyWith(all(ab)), TODAY).conditions[0]).toMatchObject({
      label: '纳税信用等级：A 级或B 级',
      fact: '纳税信用等级：M 级',
    })
  })

  test('bounds are inclusive', () => {
    const capital: LeafCondition = { id: 'c', kind: 'registeredCapital', minWan: 100, maxWan: 5000 }
    expect(outcome(capital, { registeredCapitalWan: 100 })).toBe('met')
    expect(outcome(capital, { registeredCapitalWan: 99.99 })).toBe('unmet')
    expect(outcome(capital, { registeredCapitalWan: 5000 })).toBe('met')
    expect(outcome(capital, { registeredCapitalWan: 5000.01 })).toBe('unmet')
    expect(outcome({ id: 'r', kind: 'revenue', maxWan: 2000 }, { revenueWan: 2000 })).toBe('met')
    expect(outcome({ id: 'e', kind: 'employees', min: 10 }, { employees: 9 })).toBe('unmet')
  })

  test('R&D share: both figures needed; no revenue with some R&D is an unbounded share', () => {
    const rd: LeafCondition = { id: 'rd', kind: 'rdRatio', minPercent: 3 }
    expect(outcome(rd, { revenueWan: 0, rdSpendWan: 10 })).toBe('met')
    expect(outcome(rd, { revenueWan: 0, rdSpendWan: 0 })).toBe('unmet')
    const missing = matchPolicy({ revenueWan: 1000 }, policyWith(all(rd)), TODAY)
    expect(missing.missingFacts).toEqual(['rdSpendWan'])
    expect(missing.conditions[0].fact).toBe('待补充：研发费用')
  })

  test('exporter', () => {
    const exporter: LeafCondition = { id: 'x', kind: 'exporter' }
    expect(outcome(exporter, { exporter: true })).toBe('met')
    expect(outcome(exporter, { exporter: false })).toBe('unmet')
    expect(outcome(exporter, {})).toBe('missing')
  })

  test('a policy label overrides the generated one', () => {
    const leaf: LeafCondition = { id: 'x', kind: 'exporter', label: '有自营进出口实绩' }
    expect(matchPolicy({}, policyWith(all(leaf)), TODAY).conditions[0].label).toBe('有自营进出口实绩')
  })
})

describe('application window and 免申即享', () => {
  const windowed = policyWith(all(), { applicationWindow: { opensOn: '2026-03-01', closesOn: '2026-03-31' } })
  test.each([
    ['2026-02-28', false],
    ['2026-03-01', true],
    ['2026-03-31', true],
    ['2026-04-01', false],
  ])('open on %s: %s', (today, open) => {
    expect(isOpen(windowed, today)).toBe(open)
  })

  test('open-ended windows', () => {
    expect(isOpen(policyWith(all()), '2030-01-01')).toBe(true)
    expect(isOpen(policyWith(all(), { applicationWindow: { closesOn: '2025-12-31' } }), TODAY)).toBe(false)
  })

  test('labels', () => {
    expect(autoGrantLabel({ autoGrant: true })).toBe('免申即享')
    expect(autoGrantLabel({ autoGrant: false })).toBe('需申报')
  })
})

test('a region fact names the place by the policy’s own areas, neutrally (the facts may come from the enterprise record)', () => {
  const district = policyWith(all({ id: 'area', kind: 'region', areas: [{ code: '411002', name: '许昌市魏都区' }] }))
  expect(matchPolicy({ ...manufacturer, regionCode: '411002' }, district, TODAY).conditions[0].fact).toBe(
    '注册地：许昌市魏都区（411002）',
  )
  expect(matchPolicy({ ...manufacturer, regionCode: '330802' }, district, TODAY).conditions[0].fact).toBe(
    '注册地：330802',
  )
})
