import type { InboxMessage, InboxPage } from '../../../src/contract/account/schemas'
import type { Queryable } from '../db/db'

export const INBOX_PAGE_SIZE = 20

interface InboxRow {
  id: string
  cursor: string
  enterprise_id: string | null
  kind: InboxMessage['kind']
  title: string
  body: string
  licence_id: string | null
  policy_id: string | null
  complaint_id: string | null
  seal_source: string | null
  seal_report_month: string | null
  compliance_key: string | null
  compliance_date: string | null
  created_at: Date | string
  read_at: Date | string | null
}

function toMessage(row: InboxRow): InboxMessage {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.licence_id
      ? { kind: 'licence', licenceId: row.licence_id }
      : row.policy_id
        ? { kind: 'policy', policyId: row.policy_id }
        : row.complaint_id
          ? { kind: 'complaint', complaintId: row.complaint_id }
          : row.seal_report_month
            ? { kind: 'seal-report', month: row.seal_report_month.slice(0, 7) }
            : row.seal_source
              ? { kind: 'seal-audit' }
              : row.compliance_key && row.compliance_date
                ? { kind: 'compliance-item', key: row.compliance_key, date: row.compliance_date }
                : { kind: 'none' },
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  }
}

/**
 * Newest first. The cursor is the insertion sequence of the last message shown: a timestamp
 * would not do, since one reminder run writes many messages with the same now().
 */
export async function listInbox(db: Queryable, userId: string, before?: string): Promise<InboxPage> {
  const { rows } = await db.query<InboxRow>(
    `select m.id, m.seq::text as cursor, m.enterprise_id, m.kind, m.title, m.body, m.licence_id, m.policy_id, m.complaint_id,
       m.seal_source, to_char(m.seal_report_month, 'YYYY-MM-DD') as seal_report_month, m.compliance_key,
       to_char(m.compliance_date, 'YYYY-MM-DD') as compliance_date, m.created_at, m.read_at
     from inbox_messages m where m.user_id = $1 and ($2::bigint is null or m.seq < $2::bigint)
     order by m.seq desc limit $3`,
    [userId, before ?? null, INBOX_PAGE_SIZE + 1],
  )
  const { rows: unread } = await db.query<{ n: number }>(
    'select count(*)::int as n from inbox_messages where user_id = $1 and read_at is null',
    [userId],
  )
  const page = rows.slice(0, INBOX_PAGE_SIZE)
  const nextCursor = rows.length > INBOX_PAGE_SIZE ? page[page.length - 1].cursor : null
  return { items: page.map(toMessage), unread: unread[0].n, nextCursor }
}

/** false when the user has no such message. Reading twice keeps the first time. */
export async function markRead(db: Queryable, userId: string, messageId: string): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    'update inbox_messages set read_at = coalesce(read_at, now()) where id = $1 and user_id = $2 returning id',
    [messageId, userId],
  )
  return rows.length > 0
}

export async function markAllRead(db: Queryable, userId: string): Promise<void> {
  await db.query('update inbox_messages set read_at = now() where user_id = $1 and read_at is null', [userId])
}
