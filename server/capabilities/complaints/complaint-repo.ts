import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../kernel/db/db'
import { COMPLAINT_PROGRESS_NOTICE } from './complaint-notices'
import type { ComplaintLimits } from '../../../src/domain/complaints/categories'
import type { ComplaintCase, TimelineEntry } from '../../../src/domain/complaints/complaintCase'
import type {
  ComplaintAttachmentView,
  ComplaintLocationInput,
  ComplaintTimelineItem,
} from '../../../src/contract/complaints/schemas'

export interface ComplaintRow {
  id: string
  user_id: string
  anonymous: boolean
  title: string
  description: string
  contact_phone: string | null
  location: ComplaintLocationInput | null
  concerned_party: string | null
  /** anonymous cases: SHA-256 of the query code (complaint-service queryCodeHash) */
  query_code_hash: string | null
  state: string
  case_data: ComplaintCase
  /** the limits the case was submitted under (migration 019); see limitsOfRow */
  time_limit_working_days: number
  call_back_working_days: number
  rectify_working_days: number
  created_at: Date | string
  request_hash: string
}

const COLUMNS = `id, user_id, request_hash, anonymous, query_code_hash, title, description, contact_phone, location,
  concerned_party, state, case_data, time_limit_working_days, call_back_working_days, rectify_working_days, created_at`

/** The limits a case keeps from its submission (docs/domain.md §5). */
export function limitsOfRow(row: ComplaintRow): ComplaintLimits {
  return {
    timeLimitWorkingDays: row.time_limit_working_days,
    returnVisit: { callBackWorkingDays: row.call_back_working_days, rectifyWorkingDays: row.rectify_working_days },
  }
}

export interface NewComplaintRow {
  /** chosen by the caller: an anonymous case's query code is derived from it */
  id: string
  userId: string
  idempotencyKey: string
  requestHash: string
  anonymous: boolean
  queryCodeHash: string | null
  title: string
  description: string
  contactPhone: string | null
  location: ComplaintLocationInput | null
  concernedParty: string | null
  complaint: ComplaintCase
  /** the limits in force for its category at submission, kept for the life of the case */
  limits: ComplaintLimits
}

/** The new row, or null when (user, Idempotency-Key) already made one. */
export async function insertComplaint(db: Queryable, input: NewComplaintRow): Promise<ComplaintRow | null> {
  const { rows } = await db.query<ComplaintRow>(
    `insert into complaints (id, user_id, idempotency_key, request_hash, anonymous, query_code_hash, title, description,
       contact_phone, location, concerned_party, state, case_data, time_limit_working_days, call_back_working_days,
       rectify_working_days, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)
     on conflict (user_id, idempotency_key) do nothing
     returning ${COLUMNS}`,
    [
      input.id,
      input.userId,
      input.idempotencyKey,
      input.requestHash,
      input.anonymous,
      input.queryCodeHash,
      input.title,
      input.description,
      input.contactPhone,
      input.location === null ? null : JSON.stringify(input.location),
      input.concernedParty,
      input.complaint.state,
      JSON.stringify(input.complaint),
      input.limits.timeLimitWorkingDays,
      input.limits.returnVisit.callBackWorkingDays,
      input.limits.returnVisit.rectifyWorkingDays,
      input.complaint.submittedAt,
    ],
  )
  return rows[0] ?? null
}

export async function findByIdempotencyKey(db: Queryable, userId: string, key: string): Promise<ComplaintRow | null> {
  const { rows } = await db.query<ComplaintRow>(
    `select ${COLUMNS} from complaints where user_id = $1 and idempotency_key = $2`,
    [userId, key],
  )
  return rows[0] ?? null
}

export async function findComplaint(db: Queryable, id: string, lock = false): Promise<ComplaintRow | null> {
  const { rows } = await db.query<ComplaintRow>(
    `select ${COLUMNS} from complaints where id = $1${lock ? ' for update' : ''}`,
    [id],
  )
  return rows[0] ?? null
}

export async function findByQueryCodeHash(db: Queryable, hash: string): Promise<ComplaintRow | null> {
  const { rows } = await db.query<ComplaintRow>(`select ${COLUMNS} from complaints where query_code_hash = $1`, [hash])
  return rows[0] ?? null
}

export async function listUserComplaints(db: Queryable, userId: string): Promise<ComplaintRow[]> {
  const { rows } = await db.query<ComplaintRow>(
    `select ${COLUMNS} from complaints where user_id = $1 order by seq desc limit 200`,
    [userId],
  )
  return rows
}

export async function listComplaints(db: Queryable, states: readonly string[] | null): Promise<ComplaintRow[]> {
  const { rows } = await db.query<ComplaintRow>(
    `select ${COLUMNS} from complaints where ($1::text[] is null or state = any($1::text[])) order by seq desc limit 500`,
    [states],
  )
  return rows
}

/** Stores the case after a step taken at `complaint.updatedAt` (the app's clock, not the database's). */
export async function saveCase(
  db: Queryable,
  id: string,
  complaint: ComplaintCase,
  timeLimitWorkingDays: number,
): Promise<void> {
  await db.query(
    `update complaints set state = $2, case_data = $3, time_limit_working_days = $4, updated_at = $5
     where id = $1`,
    [id, complaint.state, JSON.stringify(complaint), timeLimitWorkingDays, complaint.updatedAt],
  )
}

export async function appendTimeline(
  db: Queryable,
  complaintId: string,
  entry: TimelineEntry,
  staffName: string | null = null,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into complaint_timeline (complaint_id, entry, staff_name, created_at) values ($1, $2, $3, $4)
     returning id::text as id`,
    [complaintId, JSON.stringify(entry), staffName, entry.at],
  )
  return rows[0].id
}

export async function timelineOf(db: Queryable, complaintId: string): Promise<ComplaintTimelineItem[]> {
  const { rows } = await db.query<{ entry: TimelineEntry; staff_name: string | null }>(
    'select entry, staff_name from complaint_timeline where complaint_id = $1 order by id',
    [complaintId],
  )
  return rows.map((row) => ({ ...row.entry, staffName: row.staff_name }))
}

export interface AttachmentRow {
  id: string
  user_id: string
  complaint_id: string | null
  storage_key: string
  mime_type: string
  size_bytes: number
}

export async function insertAttachment(db: Queryable, row: Omit<AttachmentRow, 'complaint_id'>): Promise<void> {
  await db.query(
    `insert into complaint_attachments (id, user_id, storage_key, mime_type, size_bytes) values ($1, $2, $3, $4, $5)`,
    [row.id, row.user_id, row.storage_key, row.mime_type, row.size_bytes],
  )
}

/** The user's attachments among `ids` that no complaint has claimed yet. */
export async function unclaimedAttachments(db: Queryable, userId: string, ids: string[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return []
  const { rows } = await db.query<AttachmentRow>(
    `select id, user_id, complaint_id, storage_key, mime_type, size_bytes from complaint_attachments
     where user_id = $1 and id = any($2::uuid[]) and complaint_id is null`,
    [userId, ids],
  )
  return rows
}

/** Claims the attachments for the complaint; the number claimed (fewer means a race lost). */
export async function claimAttachments(db: Queryable, complaintId: string, userId: string, ids: string[]) {
  let claimed = 0
  for (const [position, id] of ids.entries()) {
    const { rows } = await db.query(
      `update complaint_attachments set complaint_id = $1, position = $4
       where id = $2 and user_id = $3 and complaint_id is null returning id`,
      [complaintId, id, userId, position],
    )
    claimed += rows.length
  }
  return claimed
}

export async function attachmentsOf(db: Queryable, complaintId: string): Promise<ComplaintAttachmentView[]> {
  const { rows } = await db.query<{ id: string; mime_type: string; size_bytes: number }>(
    'select id, mime_type, size_bytes from complaint_attachments where complaint_id = $1 order by position, id',
    [complaintId],
  )
  return rows.map((row) => ({ id: row.id, mimeType: row.mime_type, sizeBytes: row.size_bytes }))
}

export async function findAttachment(
  db: Queryable,
  complaintId: string,
  attachmentId: string,
): Promise<AttachmentRow | null> {
  const { rows } = await db.query<AttachmentRow>(
    `select id, user_id, complaint_id, storage_key, mime_type, size_bytes from complaint_attachments
     where id = $1 and complaint_id = $2`,
    [attachmentId, complaintId],
  )
  return rows[0] ?? null
}

/** An inbox message about a complaint for its (real-name) submitter. */
export async function notifySubmitter(
  db: Queryable,
  userId: string,
  complaintId: string,
  title: string,
  body: string,
): Promise<void> {
  await db.query(
    `insert into inbox_messages (id, user_id, kind, title, body, complaint_id) values ($1, $2, $6, $3, $4, $5)`,
    [randomUUID(), userId, title, body, complaintId, COMPLAINT_PROGRESS_NOTICE.inboxKind],
  )
}
