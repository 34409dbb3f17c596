import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import type { Queryable } from '../db/db'
import { ApiError } from '../http/api-error'
import { fieldError } from '../signing/field-error'
import { recordAudit } from './audit'
import { SIGNING_PIN_PROBLEM_MESSAGES, checkSigningPin } from '../../src/domain/signing/pin'

/**
 * The signing PIN, one per person across their seals and signature: stored as scrypt
 * (N = 2^15, r = 8, p = 1, 16-byte salt), never in the clear. Five wrong tries lock it for 15
 * minutes; face verification still works meanwhile. A face-verified claim (re)sets it.
 */

export const PIN_LOCK = { attempts: 5, lockMinutes: 15 } as const
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const

function scrypt(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(pin, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(pin, salt, SCRYPT)
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt') return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await scrypt(pin, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** Refuses malformed and guessable PINs (VALIDATION_FAILED on `pin`). */
export function assertAcceptablePin(pin: string): void {
  const check = checkSigningPin(pin)
  if (!check.ok) throw fieldError('pin', SIGNING_PIN_PROBLEM_MESSAGES[check.problem])
}

/** @param pinHash from hashPin, computed before any transaction (scrypt takes ~100 ms on purpose). */
export async function setSigningPin(db: Queryable, userId: string, pinHash: string): Promise<void> {
  await db.query(
    `insert into signing_pins (user_id, pin_hash) values ($1, $2)
     on conflict (user_id) do update set pin_hash = $2, failed_attempts = 0, locked_until = null, updated_at = now()`,
    [userId, pinHash],
  )
}

export async function hasSigningPin(db: Queryable, userId: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from signing_pins where user_id = $1', [userId])
  return rows.length > 0
}

/**
 * Checks the PIN. Throws PIN_NOT_SET, PIN_LOCKED or PIN_INVALID (with the tries left). Must not
 * run inside a transaction that may roll back: a wrong try has to be counted whatever follows.
 */
export async function verifySigningPin(db: Queryable, userId: string, pin: string): Promise<void> {
  const { rows } = await db.query<{ pin_hash: string; locked_minutes: number | null }>(
    `select pin_hash, case when locked_until > now()
       then ceil(extract(epoch from locked_until - now()) / 60)::int end as locked_minutes
     from signing_pins where user_id = $1`,
    [userId],
  )
  const stored = rows[0]
  if (!stored) throw new ApiError('PIN_NOT_SET')
  if (stored.locked_minutes !== null) throw lockedError(stored.locked_minutes)
  if (/^\d{6}$/.test(pin) && (await pinMatches(pin, stored.pin_hash))) {
    await db.query('update signing_pins set failed_attempts = 0, locked_until = null where user_id = $1', [userId])
    return
  }
  // An expired lock starts the count afresh; the fifth wrong try in a row locks.
  const { rows: counted } = await db.query<{ failed_attempts: number; locked: boolean }>(
    `update signing_pins set
       failed_attempts = case when locked_until is not null then 1 else failed_attempts + 1 end,
       locked_until = case
         when (case when locked_until is not null then 1 else failed_attempts + 1 end) >= $2
         then now() + make_interval(mins => $3) end
     where user_id = $1
     returning failed_attempts, locked_until is not null as locked`,
    [userId, PIN_LOCK.attempts, PIN_LOCK.lockMinutes],
  )
  if (counted[0]?.locked) throw lockedError(PIN_LOCK.lockMinutes, PIN_LOCKED_NOW)
  const left = PIN_LOCK.attempts - (counted[0]?.failed_attempts ?? 0)
  throw new ApiError('PIN_INVALID', { message: `签署密码错误，还可尝试 ${left} 次` })
}

/** The cause of the PIN_LOCKED thrown by the wrong try that locks (not by tries while locked). */
export const PIN_LOCKED_NOW = 'signing PIN locked by this wrong try'

function lockedError(minutes: number, cause?: string): ApiError {
  return new ApiError('PIN_LOCKED', {
    message: `签署密码错误次数过多，请 ${minutes} 分钟后再试，或改用刷脸确认`,
    cause,
  })
}

/** PIN check whose failures land in the enterprise's seal audit (outside any transaction). */
export async function verifyPinAudited(
  db: Queryable,
  userId: string,
  pin: string,
  enterpriseId: string,
  taskId?: string,
): Promise<void> {
  try {
    await verifySigningPin(db, userId, pin)
  } catch (error) {
    // Tries made while locked are not checked against the PIN, so they are not audited either.
    if (error instanceof ApiError && (error.code === 'PIN_INVALID' || error.cause === PIN_LOCKED_NOW)) {
      await recordAudit(db, {
        enterpriseId,
        action: 'pin-failed',
        actorUserId: userId,
        taskId: taskId ?? null,
        detail: error.code === 'PIN_LOCKED' ? '签署密码错误次数过多，已锁定' : '签署密码错误',
      })
    }
    throw error
  }
}
