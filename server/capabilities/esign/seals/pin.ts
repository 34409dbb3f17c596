import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import type { Queryable } from '../../../kernel/db/db'
import { ApiError } from '../../../kernel/http/api-error'
import { sqlInstant } from '../../../kernel/db/sql-instant'
import type { ServiceContext } from '../../../kernel/service-context'
import { fieldError } from '../signing/field-error'
import { recordAudit } from './audit'
import { SIGNING_PIN_PROBLEM_MESSAGES, checkSigningPin } from '../../../../src/domain/signing/pin'

/**
 * The signing PIN, one per person across their seals and signature: stored as scrypt
 * (N = 2^15, r = 8, p = 1, 16-byte salt), never in the clear. Five wrong tries lock it for 15
 * minutes; face verification still works meanwhile. A face-verified claim (re)sets it. The lock
 * and its window are the app clock's (`ctx.clock`): set and checked by it.
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

/**
 * @param pinHash from hashPin, computed before any transaction (scrypt takes ~100 ms on purpose).
 * @param now the app clock's ms.
 */
export async function setSigningPin(db: Queryable, userId: string, pinHash: string, now: number): Promise<void> {
  await db.query(
    `insert into signing_pins (user_id, pin_hash, updated_at) values ($1, $2, ${sqlInstant(now)})
     on conflict (user_id) do update set pin_hash = $2, failed_attempts = 0, locked_until = null,
       updated_at = excluded.updated_at`,
    [userId, pinHash],
  )
}

/** What the PIN check uses: the database and the app clock (read at each statement, as now() was). */
type PinContext = Pick<ServiceContext, 'db' | 'clock'>

export async function hasSigningPin(db: Queryable, userId: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from signing_pins where user_id = $1', [userId])
  return rows.length > 0
}

/**
 * A window whose five slots are all taken, with no answer for a minute, had its tries lost (the
 * process died between taking a slot and checking the PIN). Fail closed: count them as wrong, the
 * window locked from its last try for the usual 15 minutes. Until then, the slots are in flight.
 */
const PIN_SLOTS_LOST_AFTER_SECONDS = 60

/**
 * Takes one of the five slots of the current lock window, in one statement, before any scrypt
 * runs: however many requests race, the row lock makes them take turns, so at most five tries are
 * ever checked per window. failed_attempts counts the slots taken (tries in flight and wrong tries;
 * a right PIN gives them all back) and updated_at is when the last one was taken. An expired lock
 * opens a new window. No free slot and no lock: five tries are in flight, the answer is "busy"
 * (the lock, if any, is set when a wrong one is checked, see verifySigningPin). The outer select
 * reads the row as it was before the update, to tell PIN_NOT_SET, locked and busy apart.
 */
async function reservePinTry(
  db: Queryable,
  userId: string,
  now: number,
): Promise<{ pinHash: string; tryNumber: number } | { lockedMinutes: number } | { busy: true }> {
  const at = sqlInstant(now)
  const { rows } = await db.query<{
    pin_hash: string | null
    try_number: number | null
    locked_minutes: number | null
  }>(
    `with reserved as (
       update signing_pins set
         failed_attempts = case when locked_until is not null or failed_attempts >= $2 then 1
           else failed_attempts + 1 end,
         locked_until = null,
         updated_at = ${at}
       where user_id = $1 and (
         locked_until <= ${at}
         or (locked_until is null and failed_attempts < $2)
         or (locked_until is null and updated_at + make_interval(mins => $3) <= ${at})
       )
       returning pin_hash, failed_attempts
     )
     select reserved.pin_hash, reserved.failed_attempts as try_number,
       ceil(extract(epoch from (case
         when p.locked_until > ${at} then p.locked_until
         when p.locked_until is null and p.failed_attempts >= $2
           and p.updated_at + make_interval(secs => $4) <= ${at} then p.updated_at + make_interval(mins => $3)
       end) - ${at}) / 60)::int as locked_minutes
     from signing_pins p left join reserved on true
     where p.user_id = $1`,
    [userId, PIN_LOCK.attempts, PIN_LOCK.lockMinutes, PIN_SLOTS_LOST_AFTER_SECONDS],
  )
  const row = rows[0]
  if (!row) throw new ApiError('PIN_NOT_SET')
  if (row.pin_hash !== null && row.try_number !== null) return { pinHash: row.pin_hash, tryNumber: row.try_number }
  if (row.locked_minutes !== null) return { lockedMinutes: Math.max(1, row.locked_minutes) }
  // All five slots in flight, or a request racing with this one has just taken the last.
  return { busy: true }
}

/**
 * A wrong try keeps its slot. Once all five slots of the window are taken, the first wrong one
 * checked sets the lock (one at a time: the row lock), and every wrong one checked after it in that
 * window reports the lock too; right tries still in flight succeed and lift it, as a right PIN
 * always does. Returns the slots left, or null when locked.
 */
async function countWrongTry(db: Queryable, userId: string, now: number): Promise<number | null> {
  const { rows } = await db.query<{ failed_attempts: number; locked: boolean }>(
    `update signing_pins set
       locked_until = case when failed_attempts >= $2 then ${sqlInstant(now)} + make_interval(mins => $3) end
     where user_id = $1 and locked_until is null
     returning failed_attempts, locked_until is not null as locked`,
    [userId, PIN_LOCK.attempts, PIN_LOCK.lockMinutes],
  )
  const row = rows[0]
  return row && !row.locked ? Math.max(0, PIN_LOCK.attempts - row.failed_attempts) : null
}

/**
 * Checks the PIN. Throws PIN_NOT_SET, PIN_LOCKED, PIN_BUSY (five tries of this person are being
 * checked at this moment: not a wrong try, nothing counted) or PIN_INVALID (with the tries left).
 * Must not run inside a transaction that may roll back: a wrong try has to be counted whatever
 * follows.
 */
export async function verifySigningPin(ctx: PinContext, userId: string, pin: string): Promise<void> {
  const { db } = ctx
  const reserved = await reservePinTry(db, userId, ctx.clock())
  if ('busy' in reserved) throw new ApiError('PIN_BUSY')
  if ('lockedMinutes' in reserved) throw lockedError(reserved.lockedMinutes)
  if (/^\d{6}$/.test(pin) && (await pinMatches(pin, reserved.pinHash))) {
    await db.query('update signing_pins set failed_attempts = 0, locked_until = null where user_id = $1', [userId])
    return
  }
  const left = await countWrongTry(db, userId, ctx.clock())
  if (left === null) throw lockedError(PIN_LOCK.lockMinutes, PIN_LOCKED_NOW)
  throw new ApiError('PIN_INVALID', { message: `签署密码错误，还可尝试 ${left} 次` })
}

/** The cause of the PIN_LOCKED thrown by a wrong try checked against the PIN (not by tries while locked). */
export const PIN_LOCKED_NOW = 'signing PIN locked by this wrong try'

function lockedError(minutes: number, cause?: string): ApiError {
  return new ApiError('PIN_LOCKED', {
    message: `签署密码错误次数过多，请 ${minutes} 分钟后再试，或改用刷脸确认`,
    cause,
  })
}

/** PIN check whose failures land in the enterprise's seal audit (outside any transaction). */
export async function verifyPinAudited(
  ctx: PinContext,
  userId: string,
  pin: string,
  enterpriseId: string,
  taskId?: string,
): Promise<void> {
  try {
    await verifySigningPin(ctx, userId, pin)
  } catch (error) {
    // Tries made while locked are not checked against the PIN, so they are not audited either.
    if (error instanceof ApiError && (error.code === 'PIN_INVALID' || error.cause === PIN_LOCKED_NOW)) {
      await recordAudit(ctx.db, {
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
