import type { ComplaintCategoryCode } from '../../../src/domain/complaints/categories'
import { countdownText, needsSupervision, returnVisitStatus, slaStatus } from '../../../src/domain/complaints/sla'
import { transition } from '../../../src/domain/complaints/stateMachine'
import { ACCEPT, ASSIGN, at, REPLY, REQUEST_INFO, run, START, submitted, SUPPLY_INFO } from './caseSteps'

// 2026 (国务院办公厅 notice): 春节 2/15–2/23 off, Sat 2/14 and Sat 2/28 worked; 中秋 9/25–9/27 off,
// Sun 9/20 worked; 国庆 10/1–10/7 off, Sat 10/10 worked. Every due date below is counted by hand,
// the submission day not counted: "(n) date" = the n-th working day after it.

describe('due date: N working days after the submission day, on the real holiday calendar', () => {
  test.each<[string, ComplaintCategoryCode, string, string]>([
    // 投诉 13 across 国庆: (1) 10/8 Thu (2) 10/9 Fri (3) 10/10 Sat 调休 (4–8) 10/12–10/16
    // (9–13) 10/19–10/23.
    ['2026-09-30', 'complaint', '2026-10-23', 'complaint across 国庆, 10/10 counted'],
    // 紧急 1: the first working day after 9/30 is 10/8.
    ['2026-09-30', 'urgent', '2026-10-08', 'urgent on the eve of 国庆'],
    // 建议 15: as the 投诉 above, then (14) 10/26 Mon (15) 10/27 Tue.
    ['2026-09-30', 'suggestion', '2026-10-27', 'suggestion across 国庆'],
    // 咨询 3 from an ordinary Friday: (1) 3/9 Mon (2) 3/10 (3) 3/11.
    ['2026-03-06', 'enquiry', '2026-03-11', 'enquiry on a plain Friday'],
    // 咨询 3 from Friday 9/18: (1) Sun 9/20 调休 (2) 9/21 (3) 9/22 — a day earlier than Mon–Fri.
    ['2026-09-18', 'enquiry', '2026-09-22', 'enquiry on a Friday before a worked Sunday'],
    // 咨询 3 across 春节: (1) Sat 2/14 调休, 2/15–2/23 off, (2) 2/24 (3) 2/25.
    ['2026-02-13', 'enquiry', '2026-02-25', 'enquiry across 春节'],
    // 求助 5 across 春节: (1) 2/14 (2) 2/24 (3) 2/25 (4) 2/26 (5) 2/27.
    ['2026-02-13', 'help', '2026-02-27', 'help across 春节'],
    // 投诉 13 across 春节: …(5) 2/27 (6) Sat 2/28 调休 (7–11) 3/2–3/6 (12) 3/9 (13) 3/10.
    ['2026-02-13', 'complaint', '2026-03-10', 'complaint across 春节, both 调休 Saturdays counted'],
    // 咨询 3 submitted on a holiday (Sat 10/3): (1) 10/8 (2) 10/9 (3) Sat 10/10 调休.
    ['2026-10-03', 'enquiry', '2026-10-10', 'enquiry submitted during 国庆, due on a worked Saturday'],
  ])('%s %s → %s (%s)', (day, category, dueOn) => {
    const status = slaStatus(submitted(at(day), category), at(day, '18:00'))
    expect(status.dueOn).toBe(dueOn)
    expect(status.estimate).toBe(false)
    expect(status.clock).toBe('running')
  })

  test('the day is the China date: 23:59 on 9/29 and 00:30 on 9/30 (Beijing) are a day apart', () => {
    // 2026-09-29T15:59Z is 9/29 23:59 in Beijing: (1) 9/30 (2) 10/8 … (13) 10/22.
    expect(slaStatus(submitted('2026-09-29T15:59:00Z'), at('2026-10-01')).dueOn).toBe('2026-10-22')
    // 2026-09-29T16:30Z is already 9/30 00:30 in Beijing: as the 9/30 case above.
    expect(slaStatus(submitted('2026-09-29T16:30:00Z'), at('2026-10-01')).dueOn).toBe('2026-10-23')
  })

  test('the hour of submission does not matter within the day', () => {
    expect(slaStatus(submitted(at('2026-09-30', '00:01')), at('2026-10-01')).dueOn).toBe('2026-10-23')
    expect(slaStatus(submitted(at('2026-09-30', '23:59')), at('2026-10-01')).dueOn).toBe('2026-10-23')
  })

  test('beyond the published calendar the due date is Monday–Friday and marked 预估', () => {
    // 2028-06-01 is a Thursday: (1) Fri 6/2 (2–6) 6/5–6/9 (7–11) 6/12–6/16 (12) 6/19 (13) 6/20.
    const status = slaStatus(submitted(at('2028-06-01')), at('2028-06-01', '12:00'))
    expect(status).toMatchObject({ dueOn: '2028-06-20', estimate: true, workingDaysLeft: 13 })
    expect(countdownText(status)).toBe('剩余 13 个工作日（预估）')
  })

  test('a city table with its own limit is used', () => {
    const rules = {
      categories: [{ code: 'complaint' as const, name: '投诉', timeLimitWorkingDays: 7 }],
      returnVisit: { callBackWorkingDays: 1, rectifyWorkingDays: 15 },
    }
    // (1) 10/8 (2) 10/9 (3) 10/10 (4) 10/12 (5) 10/13 (6) 10/14 (7) 10/15.
    expect(slaStatus(submitted(at('2026-09-30')), at('2026-10-01'), rules).dueOn).toBe('2026-10-15')
    expect(() => slaStatus(submitted(at('2026-09-30'), 'help'), at('2026-10-01'), rules)).toThrow(RangeError)
  })
})

describe('countdown for the 投诉 submitted 2026-09-30, due Fri 10/23', () => {
  const complaint = submitted(at('2026-09-30'))
  test.each([
    // (9/30, 10/23] holds the 13 working days of the limit.
    ['2026-09-30', 13, false, '剩余 13 个工作日'],
    ['2026-10-01', 13, false, '剩余 13 个工作日'],
    // 10/9, 10/10, 10/12–16, 10/19–23: 12.
    ['2026-10-08', 12, false, '剩余 12 个工作日'],
    ['2026-10-22', 1, false, '剩余 1 个工作日'],
    ['2026-10-23', 0, false, '今天到期'],
    // Saturday after the due Friday: late, though not yet by a working day.
    ['2026-10-24', 0, true, '已超期'],
    ['2026-10-26', -1, true, '已超期 1 个工作日'],
    ['2026-10-28', -3, true, '已超期 3 个工作日'],
  ])('on %s: %d left, overdue %s, 「%s」', (day, left, overdue, text) => {
    const status = slaStatus(complaint, at(day, '09:00'))
    expect(status).toMatchObject({ dueOn: '2026-10-23', workingDaysLeft: left, overdue })
    expect(countdownText(status)).toBe(text)
  })
})

describe('退回补充 pauses the clock', () => {
  // Submitted Wed 9/30 (due 10/23); staff ask on Fri 10/9; the submitter answers on Tue 10/13.
  const waiting = run(submitted(at('2026-09-30')), [
    [ACCEPT, 'staff', at('2026-09-30', '11:00')],
    [ASSIGN, 'staff', at('2026-10-08', '09:00')],
    [START, 'staff', at('2026-10-08', '10:00')],
    [REQUEST_INFO, 'staff', at('2026-10-09', '10:00')],
  ])
  const resumed = run(waiting, [[SUPPLY_INFO, 'submitter', at('2026-10-13', '09:00')]])

  test.each([
    // The day staff ask still counts: (10/9, 10/23] = 10/10, 10/12–16, 10/19–23 = 11 left.
    ['2026-10-09', 0, '2026-10-23', 11],
    // Paused (10/9, 10/12] = 10/10 Sat 调休 and 10/12 = 2, so due = (15) 10/27; left stays 11.
    ['2026-10-12', 2, '2026-10-27', 11],
    // Long after the old due date, still not overdue: paused (10/9, 10/30] = 10/10, 10/12–16,
    // 10/19–23, 10/26–30 = 16, so due = (29) 11/16 — (19–23) 11/2–6 (24–28) 11/9–13 (29) 11/16.
    ['2026-10-30', 16, '2026-11-16', 11],
  ])('waiting on %s: %d paused, due %s, %d left', (day, paused, dueOn, left) => {
    const status = slaStatus(waiting, at(day, '15:00'))
    expect(status).toMatchObject({ clock: 'paused', pausedWorkingDays: paused, dueOn, workingDaysLeft: left })
    expect(status.overdue).toBe(false)
    expect(countdownText(status)).toBe(`等待补充材料，暂停计时（剩余 ${left} 个工作日）`)
  })

  test.each([
    // Paused (10/9, 10/13] = 10/10, 10/12, 10/13 = 3, so due = (16) 10/28 and 11 are left on 10/13.
    ['2026-10-13', '2026-10-28', 11, false, '剩余 11 个工作日'],
    ['2026-10-14', '2026-10-28', 10, false, '剩余 10 个工作日'],
    // Without the pause this would be 已超期 (due 10/23).
    ['2026-10-26', '2026-10-28', 2, false, '剩余 2 个工作日'],
    ['2026-10-28', '2026-10-28', 0, false, '今天到期'],
    ['2026-10-29', '2026-10-28', -1, true, '已超期 1 个工作日'],
  ])('after the addition, on %s: due %s, %d left', (day, dueOn, left, overdue, text) => {
    const status = slaStatus(resumed, at(day, '15:00'))
    expect(status).toMatchObject({ clock: 'running', pausedWorkingDays: 3, dueOn, workingDaysLeft: left, overdue })
    expect(countdownText(status)).toBe(text)
  })

  test('the case goes back to 办理中, where it was when staff asked', () => {
    expect(resumed.state).toBe('in-progress')
    expect(resumed.pauses).toEqual([{ startedAt: at('2026-10-09'), endedAt: at('2026-10-13', '09:00') }])
  })

  test('asking and answering on the same day pauses nothing', () => {
    const sameDay = run(waiting, [[SUPPLY_INFO, 'submitter', at('2026-10-09', '16:00')]])
    expect(slaStatus(sameDay, at('2026-10-12')).dueOn).toBe('2026-10-23')
  })

  test('two pauses add up', () => {
    // Second pause Wed 10/14 → Fri 10/16: (10/14, 10/16] = 2 more, 5 in all; due = (18) 10/30.
    const twice = run(resumed, [
      [REQUEST_INFO, 'staff', at('2026-10-14')],
      [SUPPLY_INFO, 'submitter', at('2026-10-16')],
    ])
    expect(slaStatus(twice, at('2026-10-19'))).toMatchObject({ pausedWorkingDays: 5, dueOn: '2026-10-30' })
  })

  test('a reply while waiting ends the pause and stops the clock', () => {
    // Replied Mon 10/12: paused (10/9, 10/12] = 2, due 10/27, replied in time.
    const replied = run(waiting, [[REPLY, 'staff', at('2026-10-12', '16:00')]])
    const status = slaStatus(replied, at('2026-12-01'))
    expect(status).toMatchObject({ clock: 'replied', pausedWorkingDays: 2, dueOn: '2026-10-27', overdue: false })
    expect(countdownText(status)).toBe('已按时答复')
  })
})

describe('the clock after it stops', () => {
  const handling = run(submitted(at('2026-09-30')), [
    [ACCEPT, 'staff', at('2026-09-30', '11:00')],
    [ASSIGN, 'staff', at('2026-10-08')],
    [START, 'staff', at('2026-10-08', '11:00')],
  ])

  test('replied on the due day: on time, and it stays so', () => {
    const replied = run(handling, [[REPLY, 'staff', at('2026-10-23', '17:00')]])
    expect(countdownText(slaStatus(replied, at('2027-01-05')))).toBe('已按时答复')
  })

  test('replied two working days late: (10/23, 10/27] = 10/26, 10/27', () => {
    const replied = run(handling, [[REPLY, 'staff', at('2026-10-27')]])
    const status = slaStatus(replied, at('2027-01-05'))
    expect(status).toMatchObject({ overdue: true, workingDaysLeft: -2 })
    expect(countdownText(status)).toBe('超期 2 个工作日答复')
  })

  test('withdrawn', () => {
    const withdrawn = run(submitted(at('2026-09-30')), [[{ type: 'withdraw' }, 'submitter', at('2026-09-30', '12:00')]])
    expect(countdownText(slaStatus(withdrawn, at('2026-12-01')))).toBe('已撤回，不再计时')
  })
})

describe('督办: the overdue job', () => {
  const handling = run(submitted(at('2026-09-30')), [
    [ACCEPT, 'staff', at('2026-09-30', '11:00')],
    [ASSIGN, 'staff', at('2026-10-08')],
    [START, 'staff', at('2026-10-08', '11:00')],
  ])

  test.each([
    ['2026-10-23T23:59:00+08:00', false],
    // 00:05 on Saturday 10/24 in Beijing is 16:05 on 10/23 UTC: still overdue.
    ['2026-10-23T16:05:00Z', true],
    ['2026-10-26T00:05:00+08:00', true],
  ])('at %s needs 督办: %s', (now, expected) => {
    expect(needsSupervision(handling, now)).toBe(expected)
  })

  test('once supervised, never again; work goes on in the same state', () => {
    const result = transition(handling, { type: 'supervise' }, 'system', at('2026-10-24', '00:05'))
    if (!result.ok) throw new Error(result.reason)
    expect(result.next).toMatchObject({ state: 'in-progress', supervisedAt: at('2026-10-24', '00:05') })
    expect(needsSupervision(result.next, at('2026-10-26'))).toBe(false)
  })

  test('not while waiting for the submitter, nor a case already answered, nor one not yet due', () => {
    const waiting = run(handling, [[REQUEST_INFO, 'staff', at('2026-10-22')]])
    expect(needsSupervision(waiting, at('2026-11-30'))).toBe(false)
    const replied = run(handling, [[REPLY, 'staff', at('2026-10-27')]])
    expect(needsSupervision(replied, at('2026-11-30'))).toBe(false)
    expect(needsSupervision(submitted(at('2026-09-30')), at('2026-10-23'))).toBe(false)
  })

  test('an unaccepted case is supervised too: the clock runs from submission', () => {
    expect(needsSupervision(submitted(at('2026-09-30')), at('2026-10-26'))).toBe(true)
  })
})

describe('回访 deadlines', () => {
  // Rated 不满意 on Wed 9/30: call back by (1) 10/8; rectify by (15) 10/27.
  const visiting = run(submitted(at('2026-09-28'), 'enquiry'), [
    [ACCEPT, 'staff', at('2026-09-28', '11:00')],
    [REPLY, 'staff', at('2026-09-29')],
    [{ type: 'rate', level: 'dissatisfied' }, 'submitter', at('2026-09-30', '09:00')],
  ])

  test.each([
    ['2026-10-08', false, false],
    ['2026-10-09', true, false],
    ['2026-10-27', true, false],
    ['2026-10-28', true, true],
  ])('on %s: call-back overdue %s, rectification overdue %s', (day, callBack, rectify) => {
    expect(returnVisitStatus(visiting, at(day))).toEqual({
      callBackOverdue: callBack,
      rectificationOverdue: rectify,
    })
  })

  test('null outside 回访', () => {
    expect(returnVisitStatus(submitted(at('2026-09-30')), at('2026-10-09'))).toBeNull()
  })
})
