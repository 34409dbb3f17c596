/**
 * 诉求: the enterprise's own open complaints on the calendar — the reply due date (the SLA of
 * ../complaints/sla, in working days, moved on by 退回补充 pauses) and, after a 差评, the 回访
 * call-back and 整改 deadlines (../complaints/complaintCase ReturnVisit). These are the government's
 * deadlines; the enterprise sees them to know when to expect an answer and when it may press.
 */
import { DEFAULT_COMPLAINT_RULES, type ComplaintRules } from '../complaints/categories'
import type { ComplaintCase, Instant } from '../complaints/complaintCase'
import { slaStatus } from '../complaints/sla'
import type { IsoDate } from '../calendar/dates'
import type { ComplianceItem } from './item'

export interface ComplaintFacts {
  enterpriseId: string
  complaintId: string
  /** the complaint's title or first words, for the timeline */
  summary: string
  complaint: ComplaintCase
}

function complaintItem(
  facts: ComplaintFacts,
  suffix: string,
  title: string,
  dueDate: IsoDate,
  estimated: boolean,
  legalBasis: string,
): ComplianceItem {
  return {
    kind: 'complaint',
    enterpriseId: facts.enterpriseId,
    sourceId: `complaint:${facts.complaintId}:${suffix}`,
    title: `${title}：${facts.summary}`,
    dueDate,
    estimated,
    countsWorkingDays: true,
    reminders: [{ date: dueDate, estimated }],
    legalBasis,
  }
}

/** Open deadlines of one complaint as of `now`, those due in `year`. */
export function planComplaint(
  facts: ComplaintFacts,
  now: Instant,
  year: number,
  rules: ComplaintRules = DEFAULT_COMPLAINT_RULES,
): ComplianceItem[] {
  const items: ComplianceItem[] = []
  const { complaint } = facts
  if (complaint.repliedAt === null && complaint.withdrawnAt === null && complaint.state !== 'closed') {
    const sla = slaStatus(complaint, now, rules)
    items.push(
      complaintItem(
        facts,
        'reply',
        '诉求答复期限',
        sla.dueOn,
        sla.estimate,
        `答复时限${sla.timeLimitWorkingDays}个工作日（有诉即办）`,
      ),
    )
  }
  const visit = complaint.returnVisit
  if (visit !== null) {
    const basis = '好差评差评回访整改（国办发〔2019〕51号）'
    if (visit.calledBackAt === null)
      items.push(complaintItem(facts, 'call-back', '差评回访期限', visit.callBackBy, visit.estimate, basis))
    if (visit.rectifiedAt === null)
      items.push(complaintItem(facts, 'rectify', '差评整改期限', visit.rectifyBy, visit.estimate, basis))
  }
  return items.filter((item) => Number(item.dueDate.slice(0, 4)) === year)
}
