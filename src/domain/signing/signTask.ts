/**
 * A sign task's life: 待扫码 → 已扫码 → 已签署 / 已拒绝, and 已过期 when the ticket's time runs
 * out before it is signed or rejected. Signed and rejected tasks never expire. A task needing two
 * approvers waits as 待第二人确认 between the two confirmations.
 */

/** The one list of sign-task statuses (the wire contract's enum is built from it). */
export const SIGN_TASK_STATUSES = ['pending', 'scanned', 'awaiting_second', 'signed', 'rejected', 'expired'] as const

export type SignTaskStatus = (typeof SIGN_TASK_STATUSES)[number]

export const SIGN_TASK_STATUS_LABELS: Record<SignTaskStatus, string> = {
  pending: '待扫码',
  scanned: '已扫码',
  /** 双人审批: one person confirmed, a second (different) one must too (sealRules.ts). */
  awaiting_second: '待第二人确认',
  signed: '已签署',
  rejected: '已拒绝',
  expired: '已过期',
}

/** Default and limits for how long a ticket (and so the task) stays open. */
export const SIGN_TICKET_TTL_SECONDS = { default: 300, min: 60, max: 1800 } as const

export function isFinalSignTaskStatus(status: SignTaskStatus): boolean {
  return status === 'signed' || status === 'rejected' || status === 'expired'
}

/**
 * The status as of `now`: the stored one, or 'expired' for an open task past its deadline.
 * @param expiresAt and now in milliseconds since the epoch
 */
export function signTaskStatusAt(stored: SignTaskStatus, expiresAt: number, now: number): SignTaskStatus {
  if ((stored === 'pending' || stored === 'scanned' || stored === 'awaiting_second') && now >= expiresAt)
    return 'expired'
  return stored
}
