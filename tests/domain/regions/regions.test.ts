import {
  NATIONAL,
  regionApplies,
  regionLevel,
  regionLineage,
  regionRange,
} from '../../../src/domain/regions/regionCodes'
import {
  regionChildren,
  regionCodeOfName,
  regionFullName,
  regionName,
  regionPath,
} from '../../../src/domain/regions/regionNames'

describe('region names (GB/T 2260 via @vant/area-data)', () => {
  test.each([
    ['411002', '魏都区', '河南省许昌市魏都区'],
    ['411000', '许昌市', '河南省许昌市'],
    ['410000', '河南省', '河南省'],
    ['330800', '衢州市', '浙江省衢州市'],
    ['330802', '柯城区', '浙江省衢州市柯城区'],
    ['411081', '禹州市', '河南省许昌市禹州市'],
    ['110101', '东城区', '北京市东城区'],
    ['000000', '全国', '全国'],
  ])('%s is %s (%s)', (code, name, full) => {
    expect(regionName(code)).toBe(name)
    expect(regionFullName(code)).toBe(full)
  })

  test.each([['999999'], ['41100'], ['41100x'], ['']])('%s is not a region', (code) => {
    expect(regionName(code)).toBeNull()
    expect(regionPath(code)).toEqual([])
    expect(regionFullName(code)).toBeNull()
  })

  test('a district names its city and province', () => {
    expect(regionPath('411002')).toEqual([
      { code: '410000', name: '河南省' },
      { code: '411000', name: '许昌市' },
      { code: '411002', name: '魏都区' },
    ])
  })

  test('children one level at a time', () => {
    expect(regionChildren()).toHaveLength(34)
    expect(regionChildren()).toContainEqual({ code: '410000', name: '河南省' })
    expect(regionChildren('410000')).toContainEqual({ code: '411000', name: '许昌市' })
    expect(regionChildren('411000').map((r) => r.name)).toEqual(
      expect.arrayContaining(['魏都区', '建安区', '鄢陵县', '襄城县', '禹州市', '长葛市']),
    )
    expect(regionChildren('411002')).toEqual([])
  })

  test.each([
    ['许昌市', '411000'],
    ['河南省', '410000'],
    ['衢州市柯城区', '330802'],
    ['禹州市', '411081'],
    ['全国', NATIONAL],
    ['全国（各地经办）', NATIONAL],
    ['某某市', null],
  ])('the place written %s is %s', (text, code) => {
    expect(regionCodeOfName(text)).toBe(code)
  })
})

describe('region codes', () => {
  test.each([
    ['000000', 'national'],
    ['410000', 'province'],
    ['411000', 'city'],
    ['411002', 'district'],
  ] as const)('%s is a %s code', (code, level) => expect(regionLevel(code)).toBe(level))

  test('ranges and lineage', () => {
    expect(regionRange('411000')).toEqual([411000, 411099])
    expect(regionRange('410000')).toEqual([410000, 419999])
    expect(regionRange('411002')).toEqual([411002, 411002])
    expect(regionRange('4110021')).toBeNull()
    expect(regionLineage('411002')).toEqual(['410000', '411000', '411002'])
    expect(regionLineage('410000')).toEqual(['410000'])
  })

  // Policy region R against enterprise region E.
  test.each([
    [NATIONAL, '411002', 'yes'],
    ['410000', '411002', 'yes'],
    ['411000', '411002', 'yes'],
    ['411002', '411002', 'yes'],
    ['411003', '411002', 'no'],
    ['330800', '411002', 'no'],
    ['330000', '411002', 'no'],
    ['330802', '330803', 'no'],
    ['411002', '411000', 'maybe'],
    ['411000', '410000', 'maybe'],
    ['330800', '410000', 'no'],
    ['411000', undefined, 'maybe'],
    ['411000', 'abc', 'maybe'],
  ] as const)('policy %s for an enterprise in %s: %s', (policy, enterprise, expected) => {
    expect(regionApplies(policy, enterprise)).toBe(expected)
  })
})
