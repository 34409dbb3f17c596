import { submitComplaint, type ComplaintCase } from '../../../src/domain/complaints/complaintCase'
import { planComplaint } from '../../../src/domain/compliance/complaintDeadlines'

const NOW = '2026-10-09T09:00:00+08:00'

function complaintSubmitted(submittedAt: string): ComplaintCase {
  return submitComplaint({ category: 'complaint', anonymous: false, submittedAt }).complaint
}

test('an open complaint: the reply is due 13 working days after submission, across 国庆', () => {
  // From 29 Sep: 30 Sep, 8, 9, 10 (make-up Saturday), 12–16, 19–22 Oct → 22 Oct.
  const facts = {
    enterpriseId: 'e1',
    complaintId: 'c1',
    summary: '门前道路积水',
    complaint: complaintSubmitted('2026-09-29T10:00:00+08:00'),
  }
  expect(planComplaint(facts, NOW, 2026)).toEqual([
    {
      kind: 'complaint',
      enterpriseId: 'e1',
      sourceId: 'complaint:c1:reply',
      title: '诉求答复期限：门前道路积水',
      dueDate: '2026-10-22',
      estimated: false,
      countsWorkingDays: true,
      reminders: [{ date: '2026-10-22', estimated: false }],
      legalBasis: '答复时限13个工作日（有诉即办）',
    },
  ])
})

test('a replied complaint with a 差评 回访 open: the call-back and rectification deadlines, until done', () => {
  const complaint: ComplaintCase = {
    ...complaintSubmitted('2026-09-01T10:00:00+08:00'),
    state: 'return-visit',
    repliedAt: '2026-09-10T10:00:00+08:00',
    rating: 'dissatisfied',
    returnVisit: {
      startedAt: '2026-09-11T10:00:00+08:00',
      callBackBy: '2026-09-14',
      rectifyBy: '2026-10-09',
      estimate: false,
      calledBackAt: '2026-09-14T09:00:00+08:00',
      rectifiedAt: null,
    },
  }
  const items = planComplaint({ enterpriseId: 'e1', complaintId: 'c2', summary: '噪音', complaint }, NOW, 2026)
  expect(items.map((item) => [item.sourceId, item.dueDate])).toEqual([['complaint:c2:rectify', '2026-10-09']])
})

test('a withdrawn complaint has no deadline', () => {
  const complaint = {
    ...complaintSubmitted('2026-09-29T10:00:00+08:00'),
    state: 'withdrawn' as const,
    withdrawnAt: NOW,
  }
  expect(planComplaint({ enterpriseId: 'e1', complaintId: 'c3', summary: 'x', complaint }, NOW, 2026)).toEqual([])
})
