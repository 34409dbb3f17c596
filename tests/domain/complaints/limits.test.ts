import {
  complaintLimits,
  DEFAULT_COMPLAINT_RULES,
  rulesForCase,
  type ComplaintRules,
} from '../../../src/domain/complaints/categories'
import { isLate, slaStatus } from '../../../src/domain/complaints/sla'
import { actionTypesOf, transition } from '../../../src/domain/complaints/stateMachine'
import { at, run, submitted } from './caseSteps'

const city: ComplaintRules = {
  categories: [
    { code: 'enquiry', name: '咨询', timeLimitWorkingDays: 5 },
    { code: 'complaint', name: '投诉', timeLimitWorkingDays: 7 },
  ],
  returnVisit: { callBackWorkingDays: 2, rectifyWorkingDays: 10 },
}

describe('the limits a case keeps', () => {
  test('a new case gets its category’s days and the 回访 limits of the table', () => {
    expect(complaintLimits('complaint', city)).toEqual({
      timeLimitWorkingDays: 7,
      returnVisit: { callBackWorkingDays: 2, rectifyWorkingDays: 10 },
    })
    expect(complaintLimits('urgent', city)).toBeUndefined()
    expect(complaintLimits('complaint')?.timeLimitWorkingDays).toBe(13)
  })

  test('the case’s own limits win over the table as it is now', () => {
    const kept = { timeLimitWorkingDays: 13, returnVisit: { callBackWorkingDays: 1, rectifyWorkingDays: 15 } }
    const rules = rulesForCase('complaint', kept, city)
    // 投诉 13 from 9/30 across 国庆 → 10/23 (sla.test.ts), not the table's 7 → 10/15.
    expect(slaStatus(submitted(at('2026-09-30')), at('2026-10-01'), rules).dueOn).toBe('2026-10-23')
    expect(rules.returnVisit).toEqual(kept.returnVisit)
    // Staff may still reclassify to what the city offers now, and only that.
    expect(rules.categories.map((category) => category.code)).toEqual(['enquiry', 'complaint'])
  })

  test('a category the city has withdrawn still has its limit for the cases filed in it', () => {
    const kept = { timeLimitWorkingDays: 1, returnVisit: DEFAULT_COMPLAINT_RULES.returnVisit }
    const rules = rulesForCase('urgent', kept, city)
    expect(rules.categories.find((category) => category.code === 'urgent')).toEqual({
      code: 'urgent',
      name: '紧急',
      timeLimitWorkingDays: 1,
    })
    expect(slaStatus(submitted(at('2026-09-30'), 'urgent'), at('2026-10-01'), rules).dueOn).toBe('2026-10-08')
    const refused = transition(
      submitted(at('2026-09-30')),
      { type: 'accept', category: 'urgent' },
      'staff',
      at('2026-10-08'),
      city,
    )
    expect(refused.ok).toBe(false)
  })
})

describe('one list each', () => {
  test('who may take which step comes from the state machine', () => {
    expect(actionTypesOf('submitter')).toEqual(['withdraw', 'supply-info', 'rate'])
    expect(actionTypesOf('staff')).toEqual([
      'accept',
      'assign',
      'start',
      'request-info',
      'reply',
      'close',
      'record-call-back',
      'report-rectification',
    ])
    expect(actionTypesOf('system')).toEqual(['supervise', 'close'])
  })

  test('late means overdue and still waiting on someone', () => {
    const complaint = submitted(at('2026-09-30'))
    expect(isLate(slaStatus(complaint, at('2026-10-26')))).toBe(true)
    expect(isLate(slaStatus(complaint, at('2026-10-23')))).toBe(false)
    const replied = run(complaint, [
      [{ type: 'accept' }, 'staff', at('2026-10-26')],
      [{ type: 'reply', answer: '已处理完毕，感谢您的反映。' }, 'staff', at('2026-10-26')],
    ])
    expect(isLate(slaStatus(replied, at('2026-10-27')))).toBe(false)
  })
})
