import { policyProblems } from '../../../src/domain/policies/policy'
import { policyWith } from './fixtures'

const valid = policyWith({
  all: [
    { id: 'ind', kind: 'industry', include: ['C'], exclude: ['C16'] },
    {
      id: 'inn',
      any: [
        { id: 'ht', kind: 'qualification', required: ['high-tech'], mode: 'any' },
        { id: 'rd', kind: 'rdRatio', minPercent: 3 },
      ],
    },
  ],
})

/** Problems of the valid policy with `eligibility` swapped in, as [path, message]. */
function eligibilityProblems(eligibility: unknown): [string, string][] {
  return policyProblems({ ...valid, eligibility }).map((p) => [p.path, p.message])
}

test('a well-formed policy has no problems', () => {
  expect(policyProblems(valid)).toEqual([])
  expect(policyProblems({ ...valid, eligibility: { all: [] } })).toEqual([])
})

test('not an object', () => {
  expect(policyProblems(null)).toEqual([{ path: '', message: '政策应为一个对象' }])
  expect(policyProblems([valid])).toEqual([{ path: '', message: '政策应为一个对象' }])
})

test('top-level fields', () => {
  const problems = policyProblems({
    ...valid,
    id: 'has space',
    title: ' ',
    level: 'county',
    benefit: { type: 'cash', amountWan: -5, text: '补贴' },
    applicationWindow: { opensOn: '2026-04-01', closesOn: '2026-03-31' },
    materials: ['营业执照', ''],
    autoGrant: 'yes',
    sourceUrl: 'ftp://example.com',
  })
  expect(problems.map((p) => p.path)).toEqual([
    'id',
    'title',
    'level',
    'benefit.type',
    'benefit.amountWan',
    'applicationWindow.closesOn',
    'materials[1]',
    'autoGrant',
    'sourceUrl',
  ])
  expect(problems.find((p) => p.path === 'applicationWindow.closesOn')?.message).toBe('截止日期不能早于开始日期')
  expect(problems.find((p) => p.path === 'level')?.message).toBe(
    '政策层级无效，可选：national、provincial、city、district',
  )
})

test('an application window needs real days between 1900 and 2100; open-ended leaves closesOn empty', () => {
  const windowProblems = (applicationWindow: unknown) =>
    policyProblems({ ...valid, applicationWindow }).map((p) => [p.path, p.message])
  expect(windowProblems({ opensOn: '2026-02-30' })).toEqual([
    ['applicationWindow.opensOn', '日期格式应为 YYYY-MM-DD，如 2026-03-31'],
  ])
  expect(windowProblems({ opensOn: '2026-03-01', closesOn: '9999-12-31' })).toEqual([
    ['applicationWindow.closesOn', '申报日期应在 1900 至 2100 年之间；长期有效请留空'],
  ])
  expect(windowProblems({ opensOn: '0001-01-01' })).toEqual([
    ['applicationWindow.opensOn', '申报日期应在 1900 至 2100 年之间；长期有效请留空'],
  ])
  expect(windowProblems({ opensOn: '1900-01-01', closesOn: '2100-12-31' })).toEqual([])
  expect(windowProblems({ opensOn: '2026-03-01' })).toEqual([])
})

test('a misspelt bound is refused, not silently ignored', () => {
  expect(eligibilityProblems({ all: [{ id: 'f', kind: 'foundedYears', minYear: 3 }] })).toEqual([
    ['eligibility.all[0].minYear', '「foundedYears」条件不支持字段 minYear，可用字段：minYears、maxYears'],
    ['eligibility.all[0]', '请至少填写 minYears 或 maxYears'],
  ])
})

test.each<[string, unknown, [string, string][]]>([
  [
    'unknown kind',
    { all: [{ id: 'a', kind: 'assets', min: 1 }] },
    [
      [
        'eligibility.all[0].kind',
        '不支持的条件类型「assets」，可选：industry、sizeClass、foundedYears、registeredCapital、region、qualification、taxCreditGrade、employees、revenue、rdRatio、exporter、noSeriousViolation',
      ],
    ],
  ],
  [
    'missing and duplicate ids',
    { all: [{ kind: 'exporter' }, { id: 'x', kind: 'exporter' }, { id: 'x', kind: 'exporter' }] },
    [
      ['eligibility.all[0].id', '条件需要一个不超过 64 个字符的标识（id），用于逐条说明匹配结果'],
      ['eligibility.all[2].id', '条件标识「x」与 eligibility.all[1] 重复'],
    ],
  ],
  [
    'both all and any',
    { all: [], any: [] },
    [['eligibility', '条件组须且只能包含 all（全部满足）或 any（满足其一）之一']],
  ],
  ['neither', {}, [['eligibility', '条件组须且只能包含 all（全部满足）或 any（满足其一）之一']]],
  ['an empty any-of', { any: [] }, [['eligibility.any', '条件组不能为空']]],
  [
    'groups nested two deep',
    { all: [{ any: [{ all: [{ id: 'x', kind: 'exporter' }] }] }] },
    [['eligibility.all[0].any[0]', '条件组最多嵌套一层']],
  ],
  ['an empty nested group', { all: [{ all: [] }] }, [['eligibility.all[0].all', '条件组不能为空']]],
  [
    'industry codes must be canonical GB/T 4754 codes',
    { all: [{ id: 'i', kind: 'industry', include: ['C51', 'c33', 'C33'], exclude: ['I65'] }] },
    [
      ['eligibility.all[0].include[0]', '「C51」不是有效的国民经济行业代码（应为大写字母加 0–4 位数字，如 C3311）'],
      ['eligibility.all[0].include[1]', '「c33」不是有效的国民经济行业代码（应为大写字母加 0–4 位数字，如 C3311）'],
      ['eligibility.all[0].exclude[0]', '排除的行业应属于包含的某个行业，否则这一排除不起作用'],
    ],
  ],
  [
    'industry with nothing listed',
    { all: [{ id: 'i', kind: 'industry', include: [] }] },
    [['eligibility.all[0].include', '请至少填写一个包含或排除的行业']],
  ],
  [
    'size classes',
    { all: [{ id: 's', kind: 'sizeClass', allowed: ['small', 'tiny', 'small'] }] },
    [
      ['eligibility.all[0].allowed[1]', '无效的取值「tiny」，可选值：micro、small、medium、large'],
      ['eligibility.all[0].allowed[2]', '「small」重复'],
    ],
  ],
  [
    'min above max, fractional people',
    { all: [{ id: 'e', kind: 'employees', min: 300, max: 20.5 }] },
    [
      ['eligibility.all[0].max', 'max 应为整数（单位：人）'],
      ['eligibility.all[0].max', 'max 不能小于 min'],
    ],
  ],
  [
    'negative capital',
    { all: [{ id: 'c', kind: 'registeredCapital', minWan: -1 }] },
    [['eligibility.all[0].minWan', 'minWan 应为不小于 0 的数字（单位：万元）']],
  ],
  [
    'region code and name',
    { all: [{ id: 'r', kind: 'region', areas: [{ code: '4110', name: '' }], zones: [' '] }] },
    [
      ['eligibility.all[0].areas[0].code', '地区代码应为 6 位行政区划代码，如 411000（许昌市）'],
      ['eligibility.all[0].areas[0].name', '请填写地区名称'],
      ['eligibility.all[0].zones[0]', '开发区名称不能为空'],
    ],
  ],
  [
    'region with nothing listed',
    { all: [{ id: 'r', kind: 'region' }] },
    [['eligibility.all[0]', '请至少填写一个地区或开发区']],
  ],
  [
    'qualification mode',
    { all: [{ id: 'q', kind: 'qualification', required: ['high-tech'], mode: 'some' }] },
    [['eligibility.all[0].mode', 'mode 应为 any（具备其一）或 all（全部具备）']],
  ],
  [
    'tax grade',
    { all: [{ id: 't', kind: 'taxCreditGrade', allowed: [] }] },
    [['eligibility.all[0].allowed', '请至少选择一项，可选值：A、B、M、C、D']],
  ],
  [
    'R&D share',
    { all: [{ id: 'rd', kind: 'rdRatio', minPercent: 0 }] },
    [['eligibility.all[0].minPercent', 'minPercent 应为大于 0、不超过 100 的百分比']],
  ],
  [
    'violation years',
    { all: [{ id: 'v', kind: 'noSeriousViolation', years: 2.5 }] },
    [['eligibility.all[0].years', 'years 应为 1–20 的整数（近几年内无严重违法失信记录）']],
  ],
  [
    'exporter takes no parameters',
    { all: [{ id: 'x', kind: 'exporter', value: false }] },
    [['eligibility.all[0].value', '「exporter」条件不支持字段 value，可用字段：无']],
  ],
  [
    'founding: 未满 0 年',
    { all: [{ id: 'f', kind: 'foundedYears', maxYears: 0 }] },
    [['eligibility.all[0].maxYears', '「成立未满 0 年」无法满足']],
  ],
])('%s', (_, eligibility, expected) => {
  expect(eligibilityProblems(eligibility)).toEqual(expected)
})

test('at most 50 conditions', () => {
  const many = Array.from({ length: 51 }, (_, i) => ({ id: `x${i}`, kind: 'exporter' }))
  expect(eligibilityProblems({ all: many })).toEqual([['eligibility', '条件不能超过 50 条']])
})
