import { DEMO_ENTERPRISES } from '../../../server/kernel/seed/demo-data'
import { DEMO_POLICIES } from '../../../server/capabilities/policies/seed/demo-policies'
import { leavesOf } from '../../../src/domain/policies/conditions'
import { industryOwnName, industryText, normalizeIndustryCode } from '../../../src/domain/policies/industryCodes'
import { GROUP_AND_CLASS_NAMES } from '../../../src/domain/policies/industryNames'
import { INDUSTRY_OPTIONS } from '../../../src/features/policies/calculatorOptions'

/** Every industry code the app can show: policies' conditions, demo enterprises, the calculator's options. */
const shown = [
  ...DEMO_POLICIES.flatMap((policy) =>
    leavesOf(policy.eligibility).flatMap((leaf) =>
      leaf.kind === 'industry' ? [...leaf.include, ...(leaf.exclude ?? [])] : [],
    ),
  ),
  ...DEMO_ENTERPRISES.map((enterprise) => enterprise.industryCode),
  ...INDUSTRY_OPTIONS.map((option) => option.code),
]

test.each([...new Set(shown)].map((code) => [code]))('%s has its GB/T 4754-2017 name', (code) => {
  const normalized = normalizeIndustryCode(code)
  expect(normalized).not.toBeNull()
  expect(industryOwnName(normalized!)).toMatch(/\S/)
  expect(industryText(code)).toBe(`${industryOwnName(normalized!)}（${normalized}）`)
})

test('the demo enterprises read as the registry names them', () => {
  for (const enterprise of DEMO_ENTERPRISES)
    expect(industryText(enterprise.industryCode)).toBe(`${enterprise.industryName}（${enterprise.industryCode}）`)
})

test.each([
  ['C1432', '速冻食品制造（C1432）'],
  ['c3311', '金属结构制造（C3311）'],
  ['C331', '结构性金属制品制造（C331）'],
  ['3971', '电子元件及组件制造（C3971）'],
  ['I6513', '应用软件开发（I6513）'],
  ['L7241', '会计、审计及税务服务（L7241）'],
  ['C3399', 'C3399（属金属制品业）'],
])('%s reads %s', (code, text) => expect(industryText(code)).toBe(text))

test('every table entry is a valid code whose group is named too', () => {
  for (const code of Object.keys(GROUP_AND_CLASS_NAMES)) {
    expect(normalizeIndustryCode(code)).toBe(code)
    if (code.length === 5) expect(GROUP_AND_CLASS_NAMES[code.slice(0, 4)]).toBeDefined()
  }
})
