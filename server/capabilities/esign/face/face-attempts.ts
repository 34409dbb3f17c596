import ipaddr from 'ipaddr.js'
import type { Queryable } from '../../../kernel/db/db'
import { ApiError } from '../../../kernel/http/api-error'
import { sqlInstant } from '../../../kernel/db/sql-instant'

/**
 * Brute-force limits on face verification, per account and per client address — never per the
 * person named, since anyone can type another's name and ID number and must not lock them out.
 * An address is shared by many people behind a carrier's NAT, so it gets a higher limit than an
 * account; it stops one client from rotating through accounts. Windows and locks are the app
 * clock's (`now`, ms): set and checked by it.
 */
export const FACE_LOCK = { accountFailures: 5, addressFailures: 20, windowMinutes: 10, lockMinutes: 10 } as const

type Scope = 'account' | 'address'
export interface FaceAttemptSubjects {
  userId: string
  /** request.ip (behind TRUST_PROXY hops, the client's address). */
  address: string
}

/** One IPv6 subscriber holds a whole /64; an IPv4-mapped address counts as the IPv4 address. */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return address
  const parsed = ipaddr.process(address)
  if (parsed.kind() === 'ipv4') return parsed.toString()
  return `${(parsed as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`
}

function keys(subjects: FaceAttemptSubjects): [Scope, string][] {
  return [
    ['account', subjects.userId],
    ['address', addressKey(subjects.address)],
  ]
}

/** FACE_LOCKED while the account or the address is locked (read only: starting a session tries nothing). */
export async function assertFaceNotLocked(db: Queryable, subjects: FaceAttemptSubjects, now: number): Promise<void> {
  const [[, account], [, address]] = keys(subjects)
  const { rows } = await db.query(
    `select 1 from face_attempt_counters
     where ((scope = 'account' and subject = $1) or (scope = 'address' and subject = $2)) and locked_until > ${sqlInstant(now)}
     limit 1`,
    [account, address],
  )
  if (rows.length > 0) throw new ApiError('FACE_LOCKED')
}

/** The slots one verification holds: give them back with releaseFaceAttempt unless the face was a mismatch. */
export interface FaceAttemptReservation {
  slots: { scope: Scope; subject: string; window: string }[]
}

/**
 * Takes a slot for the account and for the address before the provider is asked, each in one
 * INSERT … ON CONFLICT DO UPDATE … WHERE: the row lock makes racing requests take turns, so no
 * more verifications run than the limit allows. The slot that reaches the limit locks at once; a
 * lock that has ended, or a window with no lock that is older than windowMinutes, starts afresh.
 * Throws FACE_LOCKED (giving back what it took) when either is full. A slot whose request dies
 * before the verdict stays taken (fail closed).
 */
export async function reserveFaceAttempt(
  db: Queryable,
  subjects: FaceAttemptSubjects,
  now: number,
): Promise<FaceAttemptReservation> {
  const slots: FaceAttemptReservation['slots'] = []
  const at = sqlInstant(now)
  const fresh = freshWindow(at)
  for (const [scope, subject] of keys(subjects)) {
    const limit = scope === 'account' ? FACE_LOCK.accountFailures : FACE_LOCK.addressFailures
    const { rows } = await db.query<{ window: string }>(
      `insert into face_attempt_counters as c (scope, subject, window_started_at, attempts, locked_until)
       values ($1, $2, ${at}, 1, case when 1 >= $3 then ${at} + make_interval(mins => $5) end)
       on conflict (scope, subject) do update set
         window_started_at = case when ${fresh} then ${at} else c.window_started_at end,
         attempts = case when ${fresh} then 1 else c.attempts + 1 end,
         locked_until = case when (case when ${fresh} then 1 else c.attempts + 1 end) >= $3
           then ${at} + make_interval(mins => $5) end
       where ${fresh} or (c.locked_until is null and c.attempts < $3)
       returning c.window_started_at::text as window`,
      [scope, subject, limit, FACE_LOCK.windowMinutes, FACE_LOCK.lockMinutes],
    )
    if (!rows[0]) {
      await releaseFaceAttempt(db, { slots })
      throw new ApiError('FACE_LOCKED')
    }
    slots.push({ scope, subject, window: rows[0].window })
  }
  return { slots }
}

/** The counter's current window is over at `at`: its lock has ended, or it has none and began windowMinutes ago. */
function freshWindow(at: string): string {
  return `(c.locked_until <= ${at} or (c.locked_until is null and c.window_started_at <= ${at} - make_interval(mins => $4)))`
}

/** Gives the slots back (the verification passed, was cancelled, or never got a verdict). */
export async function releaseFaceAttempt(db: Queryable, reservation: FaceAttemptReservation): Promise<void> {
  for (const slot of reservation.slots) {
    // Only within the window the slot was taken in; below the limit again, nothing stays locked.
    await db.query(
      `update face_attempt_counters set attempts = attempts - 1, locked_until = null
       where scope = $1 and subject = $2 and window_started_at = $3::timestamptz and attempts > 0`,
      [slot.scope, slot.subject, slot.window],
    )
  }
}
