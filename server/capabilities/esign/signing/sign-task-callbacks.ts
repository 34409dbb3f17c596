import type { FastifyBaseLogger } from 'fastify'
import type { Db, Queryable } from '../../../kernel/db/db'
import { DEFAULT_OUTBOUND_LIMITS, postJson, type OutboundLimits } from '../../../kernel/http/outbound-post'
import {
  checkOutboundUrl,
  OutboundRefused,
  systemResolver,
  type CheckedTarget,
  type Resolver,
} from '../../../kernel/http/outbound-url'
import { SIGN_TASK_STATUS_LABELS, type SignTaskStatus } from '../../../../src/domain/signing/signTask'

/**
 * Tells a requesting system that its task reached a final status: POST {taskId, status} to the
 * task's callbackUrl, retried with back-off until a 2xx. The body carries no signatures — it is
 * a nudge, unauthenticated by nature, so the system then GETs the task with its key (a forged
 * nudge only causes a harmless fetch). Delivery state is in the task row, so a restart (or the
 * periodic sweep) resumes what was pending; each attempt leases the row first, so two servers
 * never post the same attempt.
 *
 * The destination is checked when the task is registered and again before every attempt (the
 * name may resolve elsewhere by then, the system's host allowlist may have changed): only public
 * addresses, the checked address is the one connected to, no redirects, a time and size cap.
 */

// callback_next_at is the database's now() on purpose, not the app clock: real timers drive it (a pinned clock would stop it).
export const DEFAULT_RETRY_DELAYS_MS = [0, 5_000, 30_000, 120_000, 600_000]
const LEASE_SECONDS = 60
/** Added to a not-yet-due row's remaining wait, so the next timer lands after the due time. */
const RESCHEDULE_SLACK_MS = 5

export interface CallbackOptions {
  /** Per attempt, resolution included. */
  timeoutMs: number
  /** CALLBACK_ALLOW_PRIVATE (never in production): plain http and local receivers. */
  allowPrivate: boolean
}

export class SignTaskCallbacks {
  /** Delay before attempt n (n = 0 first); as many attempts as entries. Tests shorten it. */
  retryDelaysMs = DEFAULT_RETRY_DELAYS_MS
  /** How callback hosts are resolved; tests pass a fake. */
  resolve: Resolver = systemResolver
  limits: OutboundLimits
  private readonly allowPrivate: boolean
  /** One timer per task on this instance: a later schedule replaces an earlier one. */
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private closed = false

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    options: CallbackOptions,
  ) {
    this.limits = {
      ...DEFAULT_OUTBOUND_LIMITS,
      timeoutMs: Math.min(options.timeoutMs, DEFAULT_OUTBOUND_LIMITS.timeoutMs),
    }
    this.allowPrivate = options.allowPrivate
  }

  /**
   * Where a callback of this system may go: throws OutboundRefused otherwise. Registration calls
   * it (and answers 400); every attempt calls it again.
   */
  async checkDestination(db: Queryable, systemId: string, callbackUrl: string): Promise<CheckedTarget> {
    const { rows } = await db.query<{ callback_hosts: string[] | null }>(
      'select callback_hosts from systems where id = $1',
      [systemId],
    )
    const allowedHosts = rows[0] ? rows[0].callback_hosts : []
    const resolve: Resolver = (hostname) => withTimeout(this.resolve(hostname), this.limits.timeoutMs)
    return checkOutboundUrl(callbackUrl, { allowPrivate: this.allowPrivate, allowedHosts }, resolve)
  }

  /** After a task becomes final (in a committed transaction). */
  notify(taskId: string): void {
    this.schedule(taskId, this.retryDelaysMs[0] ?? 0)
  }

  /** Attempts every pending delivery that is due (the sweep calls this). Resolves when all are tried. */
  async deliverDue(): Promise<void> {
    const { rows } = await this.db.query<{ id: string }>(
      `select id from sign_tasks where callback_state = 'pending' and callback_next_at <= now() order by callback_next_at limit 100`,
    )
    await Promise.all(rows.map((row) => this.attempt(row.id)))
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  private schedule(taskId: string, delayMs: number): void {
    if (this.closed) return
    const earlier = this.timers.get(taskId)
    if (earlier) clearTimeout(earlier)
    const timer = setTimeout(() => {
      if (this.timers.get(taskId) === timer) this.timers.delete(taskId)
      this.attempt(taskId).catch((error: unknown) =>
        this.log.error({ err: error, taskId }, 'sign task callback failed'),
      )
    }, delayMs)
    timer.unref()
    this.timers.set(taskId, timer)
  }

  /**
   * The row was not due when this instance's timer fired: the timer ran a little ahead of the
   * database's clock (a timer may fire a millisecond early, and the due time was stamped with the
   * database's now()), or another attempt holds the lease. While the delivery is pending, wait
   * for the row's due time and try again, so the retry chain never silently ends; a lease that
   * is released by a delivered or failed attempt ends it then.
   */
  private async rescheduleIfPending(taskId: string): Promise<void> {
    const { rows } = await this.db.query<{ wait_ms: number }>(
      `select greatest(0, ceil(extract(epoch from (callback_next_at - now())) * 1000))::int as wait_ms
       from sign_tasks where id = $1 and callback_state = 'pending' and callback_next_at is not null`,
      [taskId],
    )
    if (rows[0]) this.schedule(taskId, rows[0].wait_ms + RESCHEDULE_SLACK_MS)
  }

  /** One delivery attempt, if the row is due and not leased by another attempt. */
  async attempt(taskId: string): Promise<void> {
    if (this.closed) return
    const { rows } = await this.db.query<{
      callback_url: string
      status: SignTaskStatus
      callback_attempts: number
      system_id: string
      reject_reason: string | null
      refusal_code: string | null
    }>(
      `update sign_tasks set callback_next_at = now() + make_interval(secs => $2)
       where id = $1 and callback_state = 'pending' and callback_next_at <= now()
       returning callback_url, status, callback_attempts, system_id, reject_reason, refusal_code`,
      [taskId, LEASE_SECONDS],
    )
    const task = rows[0]
    if (!task) return this.rescheduleIfPending(taskId)
    const delivered = await this.post(taskId, task.system_id, task.callback_url, {
      taskId,
      status: task.status,
      statusLabel: SIGN_TASK_STATUS_LABELS[task.status],
      // The signer's reason, so a refused document's owner learns why without another call.
      ...(task.status === 'rejected' ? { rejectReason: task.reject_reason } : {}),
      // Refused by the seal's 用章规则: which rule (SealRuleRefusal), for the system's own handling.
      ...(task.refusal_code ? { refusalCode: task.refusal_code } : {}),
    })
    const attempts = task.callback_attempts + 1
    if (delivered) {
      await this.db.query(`update sign_tasks set callback_state = 'delivered', callback_attempts = $2 where id = $1`, [
        taskId,
        attempts,
      ])
      return
    }
    const nextDelay = this.retryDelaysMs[attempts]
    if (nextDelay === undefined) {
      this.log.warn({ taskId, attempts }, 'sign task callback given up')
      await this.db.query(`update sign_tasks set callback_state = 'failed', callback_attempts = $2 where id = $1`, [
        taskId,
        attempts,
      ])
      return
    }
    await this.db.query(
      `update sign_tasks set callback_attempts = $2, callback_next_at = now() + make_interval(secs => $3) where id = $1`,
      [taskId, attempts, nextDelay / 1000],
    )
    this.schedule(taskId, nextDelay)
  }

  /** True on a 2xx; a refused destination, a redirect, an error or a timeout is a failed attempt. */
  private async post(taskId: string, systemId: string, url: string, body: object): Promise<boolean> {
    if (this.closed) return false
    // Elapsed time, not business time: one time budget for the destination check and the post.
    const deadline = Date.now() + this.limits.timeoutMs
    let target: CheckedTarget
    try {
      target = await this.checkDestination(this.db, systemId, url)
    } catch (error) {
      this.log.warn(
        { taskId, reason: error instanceof OutboundRefused ? error.detail : String(error) },
        'sign task callback destination refused',
      )
      return false
    }
    const remainingMs = Math.max(1, deadline - Date.now()) // elapsed time (see the deadline above)
    const result = await postJson(target, body, { ...this.limits, timeoutMs: remainingMs })
    if (result.status === null || result.status < 200 || result.status >= 300) {
      this.log.info({ taskId, status: result.status, error: result.error }, 'sign task callback not accepted')
      return false
    }
    return true
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const expiry = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no DNS answer in ${ms} ms`)), ms)
  })
  return Promise.race([promise, expiry]).finally(() => clearTimeout(timer))
}
