import {
  complaintCategory,
  complaintRulesProblems,
  DEFAULT_COMPLAINT_RULES,
  isComplaintCategoryCode,
  type ComplaintCategory,
  type ComplaintRules,
} from '../../../src/domain/complaints/categories'
import { isBadRating, isRatingLevel, RATING_LABELS, RATING_LEVELS } from '../../../src/domain/complaints/ratings'

describe('default categories', () => {
  test.each([
    ['enquiry', '咨询', 3],
    ['help', '求助', 5],
    ['complaint', '投诉', 13],
    ['suggestion', '建议', 15],
    ['urgent', '紧急', 1],
  ])('%s is %s, %d working days', (code, name, days) => {
    expect(complaintCategory(code)).toEqual({ code, name, timeLimitWorkingDays: days })
  })

  test('回访 limits: call back in 1 working day, rectify in 15 (Zhejiang)', () => {
    expect(DEFAULT_COMPLAINT_RULES.returnVisit).toEqual({ callBackWorkingDays: 1, rectifyWorkingDays: 15 })
  })

  test('the defaults pass their own check', () => {
    expect(complaintRulesProblems(DEFAULT_COMPLAINT_RULES)).toEqual([])
  })

  test('codes', () => {
    expect(isComplaintCategoryCode('urgent')).toBe(true)
    expect(isComplaintCategoryCode('Urgent')).toBe(false)
    expect(isComplaintCategoryCode(undefined)).toBe(false)
    expect(complaintCategory('praise')).toBeUndefined()
  })
})

describe("a city's own table", () => {
  const beijing: ComplaintRules = {
    categories: [
      { code: 'enquiry', name: '咨询', timeLimitWorkingDays: 5 },
      { code: 'complaint', name: '投诉', timeLimitWorkingDays: 11 },
    ],
    returnVisit: { callBackWorkingDays: 2, rectifyWorkingDays: 10 },
  }

  test('a subset of categories with other limits is accepted and used', () => {
    expect(complaintRulesProblems(beijing)).toEqual([])
    expect(complaintCategory('complaint', beijing)?.timeLimitWorkingDays).toBe(11)
    expect(complaintCategory('urgent', beijing)).toBeUndefined()
  })

  const withCategories = (...categories: ComplaintCategory[]): ComplaintRules => ({ ...beijing, categories })
  const enquiry = (patch: Partial<ComplaintCategory>) =>
    ({ code: 'enquiry', name: '咨询', timeLimitWorkingDays: 3, ...patch }) as ComplaintCategory

  test.each<[string, ComplaintRules, string[]]>([
    ['no categories', withCategories(), ['至少需要配置一个诉求类别']],
    ['an unknown code', withCategories(enquiry({ code: 'praise' as never })), ['未知的诉求类别：praise']],
    ['a code twice', withCategories(enquiry({}), enquiry({})), ['诉求类别重复：enquiry']],
    ['an empty name', withCategories(enquiry({ name: ' ' })), ['类别 enquiry 的名称须为 1–10 个字']],
    ['a name of 11', withCategories(enquiry({ name: '咨'.repeat(11) })), ['类别 enquiry 的名称须为 1–10 个字']],
    [
      '0 days',
      withCategories(enquiry({ timeLimitWorkingDays: 0 })),
      ['类别 enquiry 的办理时限须为 1–60 个工作日的整数'],
    ],
    [
      '1.5 days',
      withCategories(enquiry({ timeLimitWorkingDays: 1.5 })),
      ['类别 enquiry 的办理时限须为 1–60 个工作日的整数'],
    ],
    ['60 days', withCategories(enquiry({ timeLimitWorkingDays: 60 })), []],
    [
      '61 days',
      withCategories(enquiry({ timeLimitWorkingDays: 61 })),
      ['类别 enquiry 的办理时限须为 1–60 个工作日的整数'],
    ],
    [
      'a call back of 0',
      { ...beijing, returnVisit: { callBackWorkingDays: 0, rectifyWorkingDays: 10 } },
      ['回访时限须为 1–60 个工作日的整数'],
    ],
    [
      'a fix faster than the call',
      { ...beijing, returnVisit: { callBackWorkingDays: 3, rectifyWorkingDays: 2 } },
      ['整改时限不能短于回访时限'],
    ],
    [
      'no 回访 limits',
      { categories: beijing.categories } as ComplaintRules,
      ['回访时限须为 1–60 个工作日的整数', '整改时限须为 1–60 个工作日的整数'],
    ],
  ])('%s', (_name, rules, expected) => {
    expect(complaintRulesProblems(rules)).toEqual(expected)
  })
})

describe('好差评 levels', () => {
  test('five levels, best first, in Chinese', () => {
    expect(RATING_LEVELS.map((level) => RATING_LABELS[level])).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ])
  })

  test('差评 is 不满意 and 非常不满意 only', () => {
    expect(RATING_LEVELS.filter(isBadRating)).toEqual(['dissatisfied', 'very-dissatisfied'])
  })

  test('levels from the wire', () => {
    expect(isRatingLevel('satisfied')).toBe(true)
    expect(isRatingLevel('满意')).toBe(false)
  })
})
