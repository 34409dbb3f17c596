import type { ComplaintCase } from '../../../../src/domain/complaints/complaintCase'
import { planComplaint } from '../../../../src/domain/compliance/complaintDeadlines'
import { dueOf, yearsAround, type CompliancePlanner, type DueReminder } from './planner'

/**
 * 诉求: the reply-due and 回访/整改 deadlines of a real-name complaint still open, to the person who
 * made it, on their current enterprise when they may act for it (as the timeline lists them).
 */
export const complaintPlanner: CompliancePlanner = {
  kind: 'complaint',
  async plan(input) {
    const users = [...input.readers.keys()]
    if (users.length === 0) return []
    const { rows } = await input.db.query<{
      id: string
      title: string
      case_data: ComplaintCase
      user_id: string
      current_enterprise_id: string | null
    }>(
      `select c.id, c.title, c.case_data, c.user_id, u.current_enterprise_id from complaints c
       join users u on u.id = c.user_id
       where c.user_id = any($1::uuid[]) and not c.anonymous and c.state <> 'closed'`,
      [users],
    )
    const out: DueReminder[] = []
    for (const row of rows) {
      const enterpriseId = row.current_enterprise_id
      if (!enterpriseId || !input.readers.get(row.user_id)?.has(enterpriseId)) continue
      for (const year of yearsAround(input.date)) {
        const items = planComplaint(
          { enterpriseId, complaintId: row.id, summary: row.title, complaint: row.case_data },
          input.now.toISOString(),
          year,
        )
        for (const item of items) out.push(...dueOf(input, item, row.user_id))
      }
    }
    return out
  },
}
