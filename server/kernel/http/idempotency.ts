import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { Db, Queryable } from '../db/db'
import { ApiError } from './api-error'

/**
 * Idempotency-Key (the app sends one with every write and reuses it when it retries): the first
 * response to (user, key) is stored in the same transaction as the write it answers, so a retry
 * after a lost response gets that response again instead of a second record. A key reused for a
 * different request is a 409. A failed request stores nothing: its retry runs again.
 */

const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/

export interface StoredResponse<T> {
  statusCode: number
  body: T
}

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key']
  if (raw === undefined) return undefined
  const key = Array.isArray(raw) ? raw[0] : raw
  if (!KEY_PATTERN.test(key)) {
    const message = 'Idempotency-Key 须为 1–128 个可见 ASCII 字符'
    throw new ApiError('VALIDATION_FAILED', {
      message: `请求参数有误：${message}`,
      details: [{ field: 'Idempotency-Key', message }],
    })
  }
  return key
}

function fingerprint(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex')
}

/** Runs `write` in a transaction, once per (user, Idempotency-Key). */
export async function idempotentWrite<T>(
  db: Db,
  request: FastifyRequest,
  userId: string,
  write: (tx: Queryable) => Promise<StoredResponse<T>>,
): Promise<StoredResponse<T>> {
  const key = idempotencyKeyOf(request)
  if (key === undefined) return db.transaction(write)
  const hash = fingerprint(request)
  return db.transaction(async (tx) => {
    // A concurrent request with the same key waits here until the first one commits.
    const claimed = await tx.query(
      `insert into idempotency_keys (user_id, key, request_hash) values ($1, $2, $3)
       on conflict (user_id, key) do nothing returning key`,
      [userId, key, hash],
    )
    if (claimed.rows.length === 0) {
      const { rows } = await tx.query<{ request_hash: string; status_code: number | null; response: T }>(
        'select request_hash, status_code, response from idempotency_keys where user_id = $1 and key = $2',
        [userId, key],
      )
      const stored = rows[0]
      if (!stored || stored.request_hash !== hash || stored.status_code === null) {
        throw new ApiError('IDEMPOTENCY_CONFLICT', { message: '该请求标识已用于另一请求，请勿重复提交' })
      }
      return { statusCode: stored.status_code, body: stored.response }
    }
    const result = await write(tx)
    await tx.query('update idempotency_keys set status_code = $3, response = $4 where user_id = $1 and key = $2', [
      userId,
      key,
      result.statusCode,
      JSON.stringify(result.body),
    ])
    return result
  })
}

/** Keys older than a day: no client retries that late. */
export async function pruneIdempotencyKeys(db: Queryable): Promise<void> {
  await db.query(`delete from idempotency_keys where created_at < now() - interval '1 day'`)
}
