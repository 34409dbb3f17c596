import {
  complaintStatusLabel,
  submitComplaint,
  type Actor,
  type ComplaintAction,
  type ComplaintCase,
  type ComplaintState,
} from '../../../src/domain/complaints/complaintCase'
import { availableActions, transition } from '../../../src/domain/complaints/stateMachine'
import { ACCEPT, ASSIGN, at, REPLY, REQUEST_INFO, run, START, submitted, SUPPLY_INFO, type Step } from './caseSteps'

const T0 = at('2026-09-28', '09:00')
const fresh = submitted(T0)
const accepted = run(fresh, [[ACCEPT, 'staff', at('2026-09-28', '10:00')]])
const assigned = run(accepted, [[ASSIGN, 'staff', at('2026-09-28', '11:00')]])
const inProgress = run(assigned, [[START, 'staff', at('2026-09-28', '12:00')]])
const replied = run(inProgress, [[REPLY, 'staff', at('2026-09-29')]])
const closed = run(replied, [[{ type: 'close' }, 'staff', at('2026-09-29', '12:00')]])
const anonymousReplied = run(submitted(T0, 'complaint', true), [
  [ACCEPT, 'staff', at('2026-09-28', '10:00')],
  [REPLY, 'staff', at('2026-09-29')],
])
// 差评 on Wed 9/30: call back by 10/8, rectify by 10/27 (hand-counted in sla.test.ts).
const BAD: ComplaintAction = { type: 'rate', level: 'very-dissatisfied', comment: '问题没有解决' }
const visiting = run(replied, [[BAD, 'submitter', at('2026-09-30', '09:00')]])
const calledBack = run(visiting, [
  [{ type: 'record-call-back', note: '已电话联系，商户仍未整改' }, 'staff', at('2026-10-08')],
])
const rectified = run(calledBack, [
  [{ type: 'report-rectification', note: '商户已整改到位' }, 'staff', at('2026-10-20')],
])
const rerated = run(rectified, [[{ type: 'rate', level: 'satisfied' }, 'submitter', at('2026-10-21')]])
// 投诉 13 from Mon 9/28: (1) 9/29 (2) 9/30 (3) 10/8 (4) 10/9 (5) Sat 10/10 调休 (6–10) 10/12–16
// (11) 10/19 (12) 10/20 (13) 10/21 — so 督办 is due from 10/22.
const overdue = inProgress
const LATER = at('2026-12-01')

describe('every legal transition', () => {
  test.each<[string, ComplaintCase, ComplaintAction, Actor, ComplaintState]>([
    ['withdraw before 受理', fresh, { type: 'withdraw' }, 'submitter', 'withdrawn'],
    ['受理', fresh, ACCEPT, 'staff', 'accepted'],
    ['交办', accepted, ASSIGN, 'staff', 'assigned'],
    ['开始办理', assigned, START, 'staff', 'in-progress'],
    ['答复', inProgress, REPLY, 'staff', 'replied'],
    ['直接答复 at 受理', accepted, REPLY, 'staff', 'replied'],
    ['退回补充 from 已受理', accepted, REQUEST_INFO, 'staff', 'needs-info'],
    ['退回补充 from 已交办', assigned, REQUEST_INFO, 'staff', 'needs-info'],
    ['退回补充 from 办理中', inProgress, REQUEST_INFO, 'staff', 'needs-info'],
    ['办结 by staff', replied, { type: 'close' }, 'staff', 'closed'],
    ['办结 by the system', replied, { type: 'close' }, 'system', 'closed'],
    ['rate once 已答复', replied, { type: 'rate', level: 'very-satisfied' }, 'submitter', 'rated'],
    ['rate once 已办结', closed, { type: 'rate', level: 'basically-satisfied' }, 'submitter', 'rated'],
    ['差评 on a real-name case → 回访', replied, BAD, 'submitter', 'return-visit'],
    ['不满意 after 办结 → 回访', closed, { type: 'rate', level: 'dissatisfied' }, 'submitter', 'return-visit'],
    ['差评 on an anonymous case → simply rated', anonymousReplied, BAD, 'submitter', 'rated'],
    ['回访 call', visiting, { type: 'record-call-back', note: '已联系' }, 'staff', 'return-visit'],
    ['整改 reported', calledBack, { type: 'report-rectification', note: '已整改' }, 'staff', 'return-visit'],
    ['the one re-rating after 回访', rectified, { type: 'rate', level: 'satisfied' }, 'submitter', 'rated'],
    ['a bad re-rating is final too', rectified, BAD, 'submitter', 'rated'],
    ['督办 when overdue, state unchanged', overdue, { type: 'supervise' }, 'system', 'in-progress'],
  ])('%s', (_name, from, action, actor, to) => {
    const result = transition(from, action, actor, LATER)
    if (!result.ok) throw new Error(result.reason)
    expect(result.next.state).toBe(to)
    expect(result.next.updatedAt).toBe(LATER)
    expect(result.entry).toMatchObject({ at: LATER, actor, step: action.type, from: from.state, to })
  })

  test.each<[string, ComplaintCase, ComplaintState]>([
    ['已受理', accepted, 'accepted'],
    ['已交办', assigned, 'assigned'],
    ['办理中', inProgress, 'in-progress'],
  ])('补充材料 returns a case asked from %s to that state', (_label, from, back) => {
    const after = run(from, [
      [REQUEST_INFO, 'staff', at('2026-09-30')],
      [SUPPLY_INFO, 'submitter', at('2026-10-08')],
    ])
    expect(after).toMatchObject({ state: back, resumeState: null, department: from.department })
  })

  test('受理 may correct the category', () => {
    const result = transition(fresh, { type: 'accept', category: 'urgent' }, 'staff', LATER)
    expect(result.ok && result.next.category).toBe('urgent')
  })

  test('ratings are recorded: the first, and the final one after 回访', () => {
    expect(visiting).toMatchObject({ rating: 'very-dissatisfied', reRating: null })
    expect(visiting.returnVisit).toMatchObject({ callBackBy: '2026-10-08', rectifyBy: '2026-10-27', estimate: false })
    expect(rerated).toMatchObject({ state: 'rated', rating: 'very-dissatisfied', reRating: 'satisfied' })
    const anonymous = transition(anonymousReplied, BAD, 'submitter', LATER)
    expect(anonymous.ok && anonymous.next).toMatchObject({ rating: 'very-dissatisfied', returnVisit: null })
  })

  test('re-rating without the fix is allowed once the rectification deadline (10/27) has passed', () => {
    const late = transition(calledBack, { type: 'rate', level: 'dissatisfied' }, 'submitter', at('2026-10-28'))
    expect(late.ok && late.next).toMatchObject({ state: 'rated', reRating: 'dissatisfied' })
  })
})

describe('the timeline', () => {
  test('submission opens it', () => {
    expect(submitComplaint({ category: 'help', anonymous: false, submittedAt: T0 }).entry).toEqual({
      at: T0,
      actor: 'submitter',
      step: 'submit',
      from: null,
      to: 'submitted',
      title: '提交诉求',
      note: null,
      rating: null,
    })
  })

  test.each<[string, ComplaintCase, ComplaintAction, Actor, string, string | null]>([
    [
      '交办, department trimmed',
      accepted,
      { type: 'assign', department: ' 市市场监督管理局 ' },
      'staff',
      '交办',
      '市市场监督管理局',
    ],
    ['退回补充', inProgress, REQUEST_INFO, 'staff', '退回补充材料', '请补充商户的具体门牌号'],
    ['答复', inProgress, REPLY, 'staff', '答复', '已责令商户整改，并将加强巡查。'],
    ['评价 with a comment', replied, BAD, 'submitter', '评价', '问题没有解决'],
    [
      '评价 with a blank comment',
      replied,
      { type: 'rate', level: 'satisfied', comment: '  ' },
      'submitter',
      '评价',
      null,
    ],
    ['督办', overdue, { type: 'supervise' }, 'system', '超期督办', null],
  ])('%s', (_name, from, action, actor, title, note) => {
    const result = transition(from, action, actor, LATER)
    expect(result.ok && result.entry).toMatchObject({ title, note })
  })

  test('a rating entry carries the level', () => {
    const result = transition(replied, BAD, 'submitter', LATER)
    expect(result.ok && result.entry.rating).toBe('very-dissatisfied')
  })
})

describe('illegal transitions are refused with a reason for a 409', () => {
  const waiting = run(inProgress, [[REQUEST_INFO, 'staff', at('2026-10-20')]])
  const supervised = run(overdue, [[{ type: 'supervise' }, 'system', at('2026-10-22', '00:05')]])
  const withdrawn = run(fresh, [[{ type: 'withdraw' }, 'submitter', at('2026-09-28', '09:30')]])
  const rated = run(replied, [[{ type: 'rate', level: 'satisfied' }, 'submitter', at('2026-09-30')]])

  test.each<[string, ComplaintCase, ComplaintAction, Actor, string]>([
    ['withdraw after 受理', accepted, { type: 'withdraw' }, 'submitter', '诉求已受理，不能撤回'],
    ['withdraw while 办理中', inProgress, { type: 'withdraw' }, 'submitter', '诉求已受理，不能撤回'],
    ['staff withdrawing', fresh, { type: 'withdraw' }, 'staff', '只有诉求人本人可以撤回'],
    ['withdraw twice', withdrawn, { type: 'withdraw' }, 'submitter', '当前状态为「已撤回」，不能撤回'],
    ['受理 a withdrawn case', withdrawn, ACCEPT, 'staff', '当前状态为「已撤回」，不能受理'],
    ['submitter accepting', fresh, ACCEPT, 'submitter', '该操作只能由工作人员办理'],
    ['staff rating', replied, { type: 'rate', level: 'satisfied' }, 'staff', '只有诉求人可以评价'],
    ['system rating', replied, { type: 'rate', level: 'satisfied' }, 'system', '只有诉求人可以评价'],
    ['rating before 答复', inProgress, { type: 'rate', level: 'satisfied' }, 'submitter', '诉求答复后才能评价'],
    ['rating twice', rated, { type: 'rate', level: 'very-satisfied' }, 'submitter', '该诉求已评价，不能重复评价'],
    [
      'anonymous 差评, then again',
      run(anonymousReplied, [[BAD, 'submitter', at('2026-09-30')]]),
      BAD,
      'submitter',
      '该诉求已评价，不能重复评价',
    ],
    [
      'rating after the re-rating',
      rerated,
      { type: 'rate', level: 'very-satisfied' },
      'submitter',
      '回访后的评价为最终评价，不能再次评价',
    ],
    [
      're-rating before the fix and its deadline',
      calledBack,
      { type: 'rate', level: 'satisfied' },
      'submitter',
      '整改完成后才能再次评价（整改期限 2026-10-27）',
    ],
    [
      'an unknown level',
      replied,
      { type: 'rate', level: 'great' } as unknown as ComplaintAction,
      'submitter',
      '请选择评价等级',
    ],
    ['交办 before 受理', fresh, ASSIGN, 'staff', '当前状态为「已提交」，不能交办'],
    ['开始办理 before 交办', accepted, START, 'staff', '当前状态为「已受理」，不能开始办理'],
    ['答复 before the department starts', assigned, REPLY, 'staff', '当前状态为「已交办」，不能答复'],
    ['答复 twice', replied, REPLY, 'staff', '当前状态为「已答复」，不能答复'],
    ['办结 before 答复', inProgress, { type: 'close' }, 'staff', '当前状态为「办理中」，不能办结'],
    ['办结 by the submitter', replied, { type: 'close' }, 'submitter', '该操作只能由工作人员办理'],
    ['退回补充 before 受理', fresh, REQUEST_INFO, 'staff', '当前状态为「已提交」，不能退回补充材料'],
    ['补充材料 unasked', inProgress, SUPPLY_INFO, 'submitter', '当前状态为「办理中」，不能补充材料'],
    ['staff supplying the addition', waiting, SUPPLY_INFO, 'staff', '只有诉求人可以补充材料'],
    ['督办 by staff', overdue, { type: 'supervise' }, 'staff', '督办由系统按超期情况自动发起'],
    ['督办 before the due date passes', inProgress, { type: 'supervise' }, 'system', '诉求尚未超期，无需督办'],
    ['督办 twice', supervised, { type: 'supervise' }, 'system', '该诉求已在督办中'],
    [
      '督办 while waiting for the submitter',
      waiting,
      { type: 'supervise' },
      'system',
      '等待诉求人补充材料期间暂停计时，不督办',
    ],
    ['督办 after 答复', replied, { type: 'supervise' }, 'system', '当前状态为「已答复」，不能督办'],
    [
      '整改 before the call back',
      visiting,
      { type: 'report-rectification', note: '已整改' },
      'staff',
      '请先回访诉求人，了解不满意的原因',
    ],
    ['回访 recorded twice', calledBack, { type: 'record-call-back', note: '再次联系' }, 'staff', '已记录回访'],
    ['整改 reported twice', rectified, { type: 'report-rectification', note: '再次整改' }, 'staff', '已报告整改结果'],
    [
      '回访 with no 差评',
      rated,
      { type: 'record-call-back', note: '已联系' },
      'staff',
      '当前状态为「已评价」，不能记录回访',
    ],
    ['an empty answer', inProgress, { type: 'reply', answer: '   ' }, 'staff', '请填写答复内容'],
    [
      'an answer of 1,001 characters',
      inProgress,
      { type: 'reply', answer: '答'.repeat(1001) },
      'staff',
      '内容不能超过 1000 个字',
    ],
    ['交办 to nobody', accepted, { type: 'assign', department: '' }, 'staff', '请填写承办单位'],
    [
      'reclassified to a category the city lacks',
      fresh,
      { type: 'accept', category: 'nonsense' } as unknown as ComplaintAction,
      'staff',
      '该诉求类别未开通',
    ],
    ['an unknown action', fresh, { type: 'delete' } as unknown as ComplaintAction, 'staff', '不支持的操作'],
  ])('%s', (_name, from, action, actor, reason) => {
    // 10/23 is past the 10/21 due date, so the other 督办 refusals are about the case, not the clock.
    const when = action.type === 'supervise' && from === inProgress ? at('2026-10-21') : at('2026-10-23', '12:00')
    expect(transition(from, action, actor, when)).toEqual({ ok: false, reason })
  })

  test('a step dated before the previous one', () => {
    expect(transition(accepted, ASSIGN, 'staff', at('2026-09-28', '09:59'))).toEqual({
      ok: false,
      reason: '操作时间早于上一步，请核对时间',
    })
  })

  test('an instant without an offset is a programming error', () => {
    expect(() => transition(accepted, ASSIGN, 'staff', '2026-10-01T10:00:00')).toThrow(RangeError)
  })
})

describe('the buttons each party sees', () => {
  test.each<[string, ComplaintCase, Actor, string, string[]]>([
    ['submitter, new case', fresh, 'submitter', LATER, ['withdraw']],
    ['staff, new case', fresh, 'staff', LATER, ['accept']],
    ['staff, 已受理', accepted, 'staff', LATER, ['assign', 'request-info', 'reply']],
    ['staff, 办理中', inProgress, 'staff', LATER, ['request-info', 'reply']],
    ['system, 办理中 and overdue', inProgress, 'system', at('2026-10-22'), ['supervise']],
    ['system, 办理中 on its due day', inProgress, 'system', at('2026-10-21'), []],
    ['submitter, 已答复', replied, 'submitter', LATER, ['rate']],
    ['staff, 已答复', replied, 'staff', LATER, ['close']],
    ['submitter, 回访 before the fix', calledBack, 'submitter', at('2026-10-21'), []],
    ['submitter, 回访 after the fix', rectified, 'submitter', at('2026-10-21'), ['rate']],
    ['staff, 回访 just begun', visiting, 'staff', at('2026-10-01'), ['record-call-back']],
    ['submitter, final', rerated, 'submitter', LATER, []],
  ])('%s', (_name, complaint, actor, when, expected) => {
    expect(availableActions(complaint, actor, when)).toEqual(expected)
  })
})

describe('status label', () => {
  test('督办 shows while open and disappears once answered', () => {
    const supervised = run(overdue, [[{ type: 'supervise' }, 'system', at('2026-10-22')]])
    expect(complaintStatusLabel(supervised)).toBe('办理中（已督办）')
    expect(complaintStatusLabel(run(supervised, [[REPLY, 'staff', at('2026-10-23')]]))).toBe('已答复')
    expect(complaintStatusLabel(visiting)).toBe('回访整改中')
  })

  test('steps do not mutate the case they start from', () => {
    const before = JSON.stringify(inProgress)
    const steps: Step[] = [[REQUEST_INFO, 'staff', at('2026-10-01')]]
    run(inProgress, steps)
    expect(JSON.stringify(inProgress)).toBe(before)
  })
})
