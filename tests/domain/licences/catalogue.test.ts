import {
  LICENCE_CATALOGUE,
  findLicenceType,
  licenceTypeProblems,
  mergeCatalogue,
} from '../../../src/domain/licences/catalogue'
import { DEFAULT_LEAD_RULE } from '../../../src/domain/licences/leadRules'
import type { LicenceType } from '../../../src/domain/licences/licenceType'

describe('the built-in catalogue', () => {
  test('has at least 25 types with unique codes and names, each valid as data', () => {
    expect(LICENCE_CATALOGUE.length).toBeGreaterThanOrEqual(25)
    expect(new Set(LICENCE_CATALOGUE.map((t) => t.code)).size).toBe(LICENCE_CATALOGUE.length)
    expect(new Set(LICENCE_CATALOGUE.map((t) => t.name)).size).toBe(LICENCE_CATALOGUE.length)
    for (const type of LICENCE_CATALOGUE) expect([type.code, licenceTypeProblems(type)]).toEqual([type.code, []])
  })

  // The examples of docs/domain.md §1, from the regulations they cite.
  test.each([
    ['pollutant-discharge', '排污许可证', 5, { kind: 'calendarDays', days: 60 }],
    ['construction-safety-production', '建筑施工企业安全生产许可证', 3, { kind: 'months', months: 3 }],
    ['hazchem-operation', '危险化学品经营许可证', 3, { kind: 'months', months: 3 }],
    ['labour-dispatch', '劳务派遣经营许可证', 3, { kind: 'calendarDays', days: 60 }],
    ['value-added-telecom', '增值电信业务经营许可证', 5, { kind: 'calendarDays', days: 90 }],
    [
      'food-business',
      '食品经营许可证',
      5,
      { kind: 'window', earliest: { kind: 'workingDays', days: 90 }, latest: { kind: 'workingDays', days: 15 } },
    ],
    ['food-production', '食品生产许可证', 5, { kind: 'workingDays', days: 30 }],
    [
      'drug-business',
      '药品经营许可证',
      5,
      { kind: 'window', earliest: { kind: 'months', months: 6 }, latest: { kind: 'months', months: 2 } },
    ],
    [
      'medical-device-business',
      '医疗器械经营许可证',
      5,
      { kind: 'window', earliest: { kind: 'workingDays', days: 90 }, latest: { kind: 'workingDays', days: 30 } },
    ],
    ['public-venue-hygiene', '公共场所卫生许可证', 4, { kind: 'calendarDays', days: 30 }],
    ['internet-culture', '网络文化经营许可证', 3, { kind: 'calendarDays', days: 30 }],
    ['construction-enterprise-qualification', '建筑业企业资质证书', 5, { kind: 'months', months: 3 }],
    ['water-abstraction', '取水许可证', 5, { kind: 'calendarDays', days: 45 }],
    ['medical-institution-revalidation', '医疗机构执业许可证（校验）', 1, { kind: 'months', months: 3 }],
  ])('%s: %s, %i years, %j', (code, name, validityYears, leadRule) => {
    expect(findLicenceType(LICENCE_CATALOGUE, code)).toMatchObject({ name, validityYears, leadRule })
  })

  test('entries on the default rule say that no specific rule was found', () => {
    const defaulted = LICENCE_CATALOGUE.filter((t) => t.leadRule === DEFAULT_LEAD_RULE)
    expect(defaulted.length).toBeGreaterThan(0)
    for (const type of defaulted) expect(type.source).toContain('按行政许可法第五十条')
  })

  test('every source cites a regulation', () => {
    for (const type of LICENCE_CATALOGUE) expect(type.source).toMatch(/《.+》/)
  })
})

describe('mergeCatalogue: a city’s types over the built-in ones', () => {
  const base = LICENCE_CATALOGUE
  const newType: LicenceType = {
    code: 'xuchang-outdoor-advertising',
    name: '户外广告设置许可',
    authorityKind: 'administrative-approval',
    validityYears: 2,
    leadRule: { kind: 'calendarDays', days: 30 },
    procedure: 'renewal',
    materials: ['延续申请表', '原许可决定书'],
    applyAt: '许昌市行政审批和政务信息管理局',
    source: '《许昌市户外广告设置管理办法》（示例）',
  }

  test('changes only the given fields of a built-in type, adds new ones, hides disabled ones', () => {
    const { catalogue, errors } = mergeCatalogue(base, [
      { code: 'pollutant-discharge', leadRule: { kind: 'calendarDays', days: 90 } },
      newType,
      { code: 'liquor-business', disabled: true },
    ])
    expect(errors).toEqual([])
    expect(catalogue).toHaveLength(base.length)
    expect(findLicenceType(catalogue, 'pollutant-discharge')).toEqual({
      ...findLicenceType(base, 'pollutant-discharge'),
      leadRule: { kind: 'calendarDays', days: 90 },
    })
    expect(catalogue[catalogue.length - 1]).toEqual(newType)
    expect(findLicenceType(catalogue, 'liquor-business')).toBeUndefined()
    // the built-in catalogue is untouched
    expect(findLicenceType(base, 'pollutant-discharge')?.leadRule).toEqual({ kind: 'calendarDays', days: 60 })
  })

  test('reports malformed entries and keeps the built-in type', () => {
    const { catalogue, errors } = mergeCatalogue(base, [
      { code: 'pollutant-discharge', leadRule: { kind: 'calendarDays', days: -5 } },
      { code: 'food-production', leadtime: 30 },
      { ...newType, code: 'Bad Code' },
      { code: 'brand-new', name: '只有名称' },
      { code: 'water-abstraction', validityYears: 0 },
      { code: 'water-abstraction', name: '重复' },
      { code: 'not-in-base', disabled: true },
      { code: 'internet-culture', disabled: 'yes' },
      'pollutant-discharge',
      {
        code: 'drug-business',
        leadRule: { kind: 'window', earliest: { kind: 'months', months: 2 }, latest: { kind: 'months', months: 6 } },
      },
    ])
    expect(catalogue).toEqual([...base])
    expect(errors.map((e) => [e.index, e.code])).toEqual([
      [0, 'pollutant-discharge'],
      [1, 'food-production'],
      [2, undefined],
      [3, 'brand-new'],
      [4, 'water-abstraction'],
      [5, 'water-abstraction'],
      [6, 'not-in-base'],
      [7, 'internet-culture'],
      [8, undefined],
      [9, 'drug-business'],
    ])
    expect(errors[0].problems).toEqual(['leadRule.days 须为 0–3660 的整数'])
    expect(errors[1].problems).toEqual(['未知字段 leadtime'])
    expect(errors[3].problems).toEqual(expect.arrayContaining(['缺少字段 authorityKind', '缺少字段 leadRule']))
    expect(errors[5].problems).toEqual(['code water-abstraction 在本市配置中重复'])
    expect(errors[9].problems[0]).toContain('须早于最晚申请时点')
  })
})
