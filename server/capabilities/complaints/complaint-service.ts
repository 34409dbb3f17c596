import { createHash, createHmac } from 'node:crypto'
import type { Queryable } from '../../kernel/db/db'
import { ApiError } from '../../kernel/http/api-error'
import type { ComplaintView } from '../../../src/contract/complaints/schemas'
import {
  complaintLimits,
  rulesForCase,
  type ComplaintLimits,
  type ComplaintRules,
} from '../../../src/domain/complaints/categories'
import { complaintStatusLabel, type Actor, type ComplaintAction } from '../../../src/domain/complaints/complaintCase'
import { countdownText, slaStatus } from '../../../src/domain/complaints/sla'
import { availableActions, transition } from '../../../src/domain/complaints/stateMachine'
import { maskedContactPhone } from '../../../src/domain/complaints/validation'
import { normaliseQueryCode, queryCodeFromBytes } from '../../../src/domain/complaints/queryCode'
import { complaintProgressMessage, recordComplaintNotices, type ComplaintTemplates } from './complaint-notices'
import {
  appendTimeline,
  attachmentsOf,
  findComplaint,
  limitsOfRow,
  notifySubmitter,
  saveCase,
  timelineOf,
  type ComplaintRow,
} from './complaint-repo'

/** An instant the domain accepts: ISO 8601 in UTC. */
export function instantOf(ms: number): string {
  return new Date(ms).toISOString()
}

export function queryCodeHash(code: string): string {
  return createHash('sha256')
    .update(`complaint-query-code:${normaliseQueryCode(code)}`)
    .digest('hex')
}

/**
 * An anonymous case's query code: HMAC-SHA256 of the complaint id under the server secret
 * (ID_HASH_SECRET), read as random bytes. Only the hash is stored, yet the server can say the code
 * again — to an idempotent replay of the submission whose first answer was lost — and nobody
 * without the secret can work it out from the id.
 */
export function queryCodeFor(secret: string, complaintId: string): string {
  return queryCodeFromBytes(createHmac('sha256', secret).update(`complaint-query-code:${complaintId}`, 'utf8').digest())
}

/**
 * The code to repeat for this (anonymous) row, or null: a row whose stored hash is not the derived
 * code's (a case filed before codes were derived) has no code the server can say again.
 */
export function recoverableQueryCode(secret: string, row: ComplaintRow): string | null {
  if (!row.anonymous || row.query_code_hash === null) return null
  const code = queryCodeFor(secret, row.id)
  return queryCodeHash(code) === row.query_code_hash ? code : null
}

/**
 * The rules a stored case is held to: the city's table (`rules`, COMPLAINT_RULES) for what staff
 * may reclassify it to, and the limits the case was submitted under for its clock and its 回访.
 */
export function rulesOfRow(row: ComplaintRow, rules: ComplaintRules): ComplaintRules {
  return rulesForCase(row.case_data.category, limitsOfRow(row), rules)
}

/** The case as the submitter (or, with `staff`, a staff member) sees it at `now`. */
export async function complaintView(
  db: Queryable,
  row: ComplaintRow,
  now: string,
  viewer: 'submitter' | 'staff',
  cityRules: ComplaintRules,
): Promise<ComplaintView> {
  const complaint = row.case_data
  const rules = rulesOfRow(row, cityRules)
  const sla = slaStatus(complaint, now, rules)
  const timeline = await timelineOf(db, row.id)
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    anonymous: row.anonymous,
    contactPhoneMasked: row.contact_phone ? maskedContactPhone(row.contact_phone) : null,
    location:
      row.location === null
        ? null
        : {
            latitude: row.location.latitude ?? null,
            longitude: row.location.longitude ?? null,
            address: row.location.address,
          },
    concernedParty: row.concerned_party,
    statusLabel: complaintStatusLabel(complaint),
    case: complaint,
    sla: { ...sla, text: countdownText(sla) },
    timeline: viewer === 'staff' ? timeline : timeline.map(({ staffName: _staffName, ...entry }) => entry),
    attachments: await attachmentsOf(db, row.id),
    availableActions: availableActions(complaint, viewer, now, rules),
    limits: limitsOfRow(row),
    createdAt: new Date(row.created_at).toISOString(),
  }
}

/**
 * Takes one step on a case inside `tx` (the row locked first), or throws 409 with the state
 * machine's Chinese reason. A real-name submitter hears of every step someone else took: in the
 * inbox, and with `notices` by subscribe message (./complaint-notices.ts).
 */
export async function applyAction(
  tx: Queryable,
  complaintId: string,
  action: ComplaintAction,
  actor: Actor,
  at: string,
  cityRules: ComplaintRules,
  options: { staffName?: string | null; ownerId?: string; notices?: ComplaintTemplates } = {},
): Promise<ComplaintRow> {
  const row = await findComplaint(tx, complaintId, true)
  if (!row || (options.ownerId !== undefined && row.user_id !== options.ownerId))
    throw new ApiError('COMPLAINT_NOT_FOUND')
  const result = transition(row.case_data, action, actor, at, rulesOfRow(row, cityRules))
  if (!result.ok) throw new ApiError('COMPLAINT_ACTION_REFUSED', { message: result.reason })
  const limits = limitsAfter(row, result.next.category, cityRules)
  await saveCase(tx, row.id, result.next, limits.timeLimitWorkingDays)
  const eventId = await appendTimeline(tx, row.id, result.entry, actor === 'staff' ? (options.staffName ?? null) : null)
  if (actor !== 'submitter' && !row.anonymous) {
    // WeChat/Alipay rows, sent after the commit (deliverComplaintNotices).
    if (options.notices) {
      await recordComplaintNotices(tx, { complaintId: row.id, eventId, userId: row.user_id }, options.notices)
    }
    const message = complaintProgressMessage({ title: row.title, category: result.next.category }, result.entry)
    await notifySubmitter(tx, row.user_id, row.id, message.title, message.body)
  }
  return {
    ...row,
    state: result.next.state,
    case_data: result.next,
    time_limit_working_days: limits.timeLimitWorkingDays,
  }
}

/**
 * A case reclassified at 受理 takes the new category's limit as the city sets it at that moment
 * (staff correct what the case is, and its limit with it); it keeps the 回访 limits of its
 * submission. Any other step leaves the limits alone.
 */
function limitsAfter(row: ComplaintRow, category: string, cityRules: ComplaintRules): ComplaintLimits {
  const kept = limitsOfRow(row)
  if (category === row.case_data.category) return kept
  const now = complaintLimits(category, cityRules)
  // transition() has already refused a category the city does not offer.
  if (now === undefined) throw new ApiError('COMPLAINT_ACTION_REFUSED', { message: '该诉求类别未开通，请重新选择' })
  return { ...kept, timeLimitWorkingDays: now.timeLimitWorkingDays }
}
