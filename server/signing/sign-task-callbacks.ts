import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/db'
import { SIGN_TASK_STATUS_LABELS, type SignTaskStatus } from '../../src/domain/signing/signTask'

/**
 * Tells a requesting system that its task reached a final status: POST {taskId, status} to the
 * task's callbackUrl, retried with back-off until a 2xx. The body carries no signatures — it is
 * a nudge, unauthenticated by nature, so the system then GETs the task with its key (a forged
 * nudge only causes a harmless fetch). Delivery state is in the task row, so a restart (or the
 * periodic sweep) resumes what was pending; each attempt leases the row first, so two servers
 * never post the same attempt.
 */

export const DEFAULT_RETRY_DELAYS_MS = [0, 5_000, 30_000, 120_000, 600_000]
const LEASE_SECONDS = 60

export class SignTaskCallbacks {
  /** Delay before attempt n (n = 0 first); as many attempts as entries. Tests shorten it. */
  retryDelaysMs = DEFAULT_RETRY_DELAYS_MS
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly timeoutMs: number,
  ) {}

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
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  private schedule(taskId: string, delayMs: number): void {
    if (this.closed) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      this.attempt(taskId).catch((error: unknown) =>
        this.log.error({ err: error, taskId }, 'sign task callback failed'),
      )
    }, delayMs)
    timer.unref()
    this.timers.add(timer)
  }

  /** One delivery attempt, if the row is due and not leased by another attempt. */
  async attempt(taskId: string): Promise<void> {
    if (this.closed) return
    const { rows } = await this.db.query<{
      callback_url: string
      status: SignTaskStatus
      callback_attempts: number
      reject_reason: string | null
    }>(
      `update sign_tasks set callback_next_at = now() + make_interval(secs => $2)
       where id = $1 and callback_state = 'pending' and callback_next_at <= now()
       returning callback_url, status, callback_attempts, reject_reason`,
      [taskId, LEASE_SECONDS],
    )
    const task = rows[0]
    if (!task) return
    const delivered = await this.post(task.callback_url, {
      taskId,
      status: task.status,
      statusLabel: SIGN_TASK_STATUS_LABELS[task.status],
      // The signer's reason, so a refused document's owner learns why without another call.
      ...(task.status === 'rejected' ? { rejectReason: task.reject_reason } : {}),
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

  private async post(url: string, body: object): Promise<boolean> {
    if (this.closed) return false
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      })
      await response.arrayBuffer().catch(() => undefined)
      return response.status >= 200 && response.status < 300
    } catch {
      return false
    }
  }
}
