import type { Queryable } from '../../../kernel/db/db'
import { ApiError } from '../../../kernel/http/api-error'
import { SIGN_TASK_STATUS_LABELS, signTaskStatusAt, type SignTaskStatus } from '../../../../src/domain/signing/signTask'
import type { SealType } from '../../../../src/domain/signing/sealTypes'
import type { SignTaskView } from '../../../../src/contract/esign/schemas'
import { signatureRecordsOf } from './signature-record'
import type { DocumentType } from '../../../../src/domain/signing/sealRules'
import { approvalOf } from './sign-task-governance'

/** Sign tasks as stored, and what their status means for whoever asks. */

export interface SignTaskRow {
  id: string
  system_id: string
  system_name: string
  enterprise_id: string
  enterprise_name: string
  enterprise_uscc: string
  document_name: string
  document_sm3: string
  status: SignTaskStatus
  expires_at: Date
  scanned_by: string | null
  scanned_at: Date | null
  finished_at: Date | null
  reject_reason: string | null
  document_key: string | null
  document_type: string | null
  document_size: number | null
  document_category: DocumentType | null
  /** bigint: a string from the driver, read with Number() (≤ 10^14, exact) */
  amount_fen: string | number | null
  refusal_code: string | null
  first_approved_by: string | null
  first_approved_at: Date | null
}

export interface SignerSlot {
  position: number
  kind: 'seal' | 'personal'
  seal_type: SealType | null
  role: 'legal_representative' | 'handler' | null
  phone_hash: string | null
}

const TASK_SELECT = `select t.id, t.system_id, y.name as system_name, t.enterprise_id, e.name as enterprise_name,
    e.uscc as enterprise_uscc, t.document_name, t.document_sm3, t.status, t.expires_at, t.scanned_by, t.scanned_at,
    t.finished_at, t.reject_reason, t.document_key, t.document_type, t.document_size,
    t.document_category, t.amount_fen, t.refusal_code, t.first_approved_by, t.first_approved_at
  from sign_tasks t join systems y on y.id = t.system_id join enterprises e on e.id = t.enterprise_id`

export async function findTask(db: Queryable, where: 'id' | 'ticket_hash', value: string): Promise<SignTaskRow | null> {
  const { rows } = await db.query<SignTaskRow>(`${TASK_SELECT} where t.${where} = $1`, [value])
  return rows[0] ? { ...rows[0], document_sm3: rows[0].document_sm3.trim() } : null
}

export async function signerSlots(db: Queryable, taskId: string): Promise<SignerSlot[]> {
  const { rows } = await db.query<SignerSlot>(
    'select position, kind, seal_type, role, phone_hash from sign_task_signers where task_id = $1 order by position',
    [taskId],
  )
  return rows
}

/** The status at `now` (the app clock's ms): an open task past its deadline reads as expired before the sweep makes it so. */
export function statusOf(task: Pick<SignTaskRow, 'status' | 'expires_at'>, now: number): SignTaskStatus {
  return signTaskStatusAt(task.status, new Date(task.expires_at).getTime(), now)
}

/**
 * Why `userId` cannot act on the task now, or null when it is open and theirs (or unclaimed).
 * The order matters to the person scanning: a finished task says so before anything else.
 */
export function refusalFor(task: SignTaskRow, userId: string, now: number): ApiError | null {
  switch (statusOf(task, now)) {
    case 'signed':
      return new ApiError('SIGN_TASK_ALREADY_SIGNED')
    case 'rejected':
      return new ApiError('SIGN_TASK_REJECTED')
    case 'expired':
      return new ApiError('SIGN_TASK_EXPIRED')
    case 'scanned':
      return task.scanned_by === userId ? null : new ApiError('SIGN_TASK_SCANNED_BY_OTHER')
    case 'awaiting_second':
      // Whether they are a named second approver is the governance's question (sign-task-governance.ts).
      return task.first_approved_by === userId ? new ApiError('SECOND_APPROVER_SAME_PERSON') : null
    case 'pending':
      return null
  }
}

export async function signTaskView(db: Queryable, task: SignTaskRow, now: number): Promise<SignTaskView> {
  const status = statusOf(task, now)
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null)
  return {
    taskId: task.id,
    status,
    statusLabel: SIGN_TASK_STATUS_LABELS[status],
    enterpriseUscc: task.enterprise_uscc,
    documentName: task.document_name,
    documentSm3: task.document_sm3,
    expiresAt: new Date(task.expires_at).toISOString(),
    scannedAt: iso(task.scanned_at),
    finishedAt: iso(task.finished_at),
    rejectReason: task.reject_reason,
    refusalCode: task.refusal_code,
    approval: await approvalOf(db, task),
    signatures: status === 'signed' ? await signatureRecordsOf(db, task.id) : [],
  }
}
