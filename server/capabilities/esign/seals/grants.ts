import { randomInt, randomUUID } from 'node:crypto'
import type {
  CreateSealGrantRequest,
  MySealGrantView,
  SealGrantCreated,
  SealGrantStatus,
  SealGrantView,
} from '../../../../src/contract/esign/schemas'
import type { Queryable } from '../../../kernel/db/db'
import { sha256Hex } from '../../../kernel/auth/tokens'
import { consumeFaceTicket } from '../face/face-tickets'
import { ApiError } from '../../../kernel/http/api-error'
import { defineNotice, NO_PLATFORM_FIELDS } from '../../../kernel/notify/notices'
import { fieldError } from '../signing/field-error'
import { chinaDateOf } from '../../../../src/domain/calendar/dates'
import { maskName, maskPhone } from '../../../../src/domain/mask'
import type { SealType } from '../../../../src/domain/signing/sealTypes'
import { recordAudit } from './audit'
import { verifyPinAudited } from './pin'
import { liveSeals } from './seal-repo'
import { readInviteCode } from '../../../../src/domain/signing/inviteCode'
import { liveGrant } from '../../../kernel/auth/live-grant'
import type { ServiceContext } from '../../../kernel/service-context'
import { sqlInstant } from '../../../kernel/db/sql-instant'

/**
 * 授权: the legal representative lets a handler use chosen seals until a day. A grant names its
 * seals, ends at the end of that China calendar day, and can be revoked at once; only live grants
 * (liveGrant: accepted, not revoked, not past their day) let anyone sign.
 *
 * Nobody is linked to an enterprise by someone else's say-so: a grant by phone waits until that
 * person accepts it in the app, a grant by invite code until the code is redeemed; only then does
 * the grantee become the enterprise's 经办人. The handler link lasts as long as a live grant: the
 * access check ignores a handler link without one (so expiry ends access without a job), and
 * revoking a handler's last grant removes the link itself.
 *
 * Time is the app clock's (`ctx.clock`): a grant's day, its invite code's seven days (set and
 * checked), and when it was accepted or revoked — verification compares those two with the signing
 * time (signing/verification.ts), which is the app clock's too.
 */

export const MAX_GRANT_DAYS = 366
export const INVITE_TTL_DAYS = 7
// Crockford base32: no I, L, O, U, so a code read aloud or copied by hand survives.
const INVITE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** 12 characters, 60 bits, shown as XXXX-XXXX-XXXX. */
function newInviteCode(): string {
  const chars = Array.from({ length: 12 }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)])
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`
}

/** Read as the app reads it (O → 0, I/L → 1, any case, dashes or not), so both accept the same codes. */
function inviteCodeHash(code: string): string {
  const read = readInviteCode(code)
  return sha256Hex(`invite:${(read.ok ? read.code : code.toUpperCase()).replace(/[^0-9A-Z]/g, '')}`)
}

/** 'YYYY-MM-DD' → the first instant after that day in China (UTC+8, no DST). */
function endOfChinaDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return null
  const [y, m, d] = match.slice(1).map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return new Date(Date.UTC(y, m - 1, d + 1) - 8 * 3_600_000)
}

export interface GrantRow {
  id: string
  enterprise_id: string
  grantee_user_id: string | null
  grantee_name: string | null
  grantee_phone: string | null
  valid_until: Date
  created_at: Date
  accepted_at: Date | null
  revoked_at: Date | null
  seals: { id: string; type: SealType; name: string }[]
}

export const GRANT_SELECT = `select g.id, g.enterprise_id, g.grantee_user_id, u.name as grantee_name, u.phone as grantee_phone,
    g.valid_until, g.created_at, g.accepted_at, g.revoked_at,
    coalesce((select json_agg(json_build_object('id', s.id, 'type', s.type, 'name', s.name) order by s.type)
      from seal_grant_seals gs join seals s on s.id = gs.seal_id where gs.grant_id = g.id), '[]'::json) as seals
  from seal_grants g left join users u on u.id = g.grantee_user_id`

function grantStatus(row: GrantRow, now: number): SealGrantStatus {
  if (row.revoked_at) return 'revoked'
  if (new Date(row.valid_until).getTime() <= now) return 'expired'
  return row.grantee_user_id && row.accepted_at ? 'active' : 'invited'
}

/** The grant as shown at `now` (the app clock's ms). */
export function grantView(row: GrantRow, now: number): SealGrantView {
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null)
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    grantee: {
      userId: row.grantee_user_id,
      nameMasked: row.grantee_name ? maskName(row.grantee_name) : null,
      phoneMasked: row.grantee_phone ? maskPhone(row.grantee_phone) : null,
    },
    seals: typeof row.seals === 'string' ? JSON.parse(row.seals) : row.seals,
    validUntil: new Date(row.valid_until).toISOString(),
    status: grantStatus(row, now),
    createdAt: new Date(row.created_at).toISOString(),
    acceptedAt: iso(row.accepted_at),
    revokedAt: iso(row.revoked_at),
  }
}

async function findGrant(
  db: Queryable,
  enterpriseId: string,
  grantId: string,
  now: number,
): Promise<SealGrantView | null> {
  const { rows } = await db.query<GrantRow>(`${GRANT_SELECT} where g.enterprise_id = $1 and g.id = $2`, [
    enterpriseId,
    grantId,
  ])
  return rows[0] ? grantView(rows[0], now) : null
}

export async function listGrants(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  enterpriseId: string,
): Promise<SealGrantView[]> {
  const { rows } = await ctx.db.query<GrantRow>(
    `${GRANT_SELECT} where g.enterprise_id = $1 order by g.created_at desc, g.id`,
    [enterpriseId],
  )
  const now = ctx.clock()
  return rows.map((row) => grantView(row, now))
}

/** The active grant that lets the user use this seal at `now` (app clock), if any. */
export async function activeGrantId(
  db: Queryable,
  userId: string,
  sealId: string,
  now: number,
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `select g.id from seal_grants g join seal_grant_seals gs on gs.grant_id = g.id
     where g.grantee_user_id = $1 and gs.seal_id = $2 and ${liveGrant(now)}
     order by g.valid_until desc limit 1`,
    [userId, sealId],
  )
  return rows[0]?.id ?? null
}

/**
 * An irreversible seal action by the legal representative (授权, 注销印章, 重新制章) confirmed by
 * face: the ticket (of `purpose`) must be the enterprise's registered legal representative. Without
 * a ticket the action was confirmed by the signing PIN before the transaction.
 */
export async function confirmLegalRepresentativeFace(
  tx: Queryable,
  input: { userId: string; enterpriseId: string; ticket?: string },
  purpose: 'grant' | 'seal-revoke',
  now: number,
): Promise<void> {
  if (!input.ticket) return // confirmed by PIN before the transaction
  const person = await consumeFaceTicket(tx, input.ticket, { userId: input.userId, purpose }, now)
  const { rows } = await tx.query<{ ok: boolean }>(
    `select legal_representative_id_hash = $2 and legal_representative = $3 as ok from enterprises where id = $1`,
    [input.enterpriseId, person.idHash, person.name],
  )
  if (!rows[0]?.ok) throw new ApiError('NOT_LEGAL_REPRESENTATIVE')
}

export async function createGrant(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  input: { userId: string; enterpriseId: string } & CreateSealGrantRequest,
): Promise<SealGrantCreated> {
  const validUntil = endOfChinaDay(input.validUntil)
  const now = ctx.clock()
  const today = chinaDateOf(now)
  if (!validUntil || input.validUntil < today) throw fieldError('validUntil', '授权截止日期应为今天或之后的日期')
  if (validUntil.getTime() - now > MAX_GRANT_DAYS * 86_400_000) throw fieldError('validUntil', '授权期限最长一年')
  const sealIds = [...new Set(input.sealIds.map((id) => id.toLowerCase()))]
  if (!input.pin && !input.ticket) throw fieldError('pin', '请输入签署密码或刷脸确认授权')
  if (input.pin) await verifyPinAudited(ctx, input.userId, input.pin, input.enterpriseId)

  return ctx.db.transaction(async (tx) => {
    await confirmLegalRepresentativeFace(tx, input, 'grant', now)
    const seals = await liveSeals(tx, input.enterpriseId)
    const chosen = seals.filter((seal) => sealIds.includes(seal.id))
    if (chosen.length !== sealIds.length)
      throw new ApiError('SEAL_NOT_FOUND', { message: '所选印章不存在或不属于该企业' })
    const earliestEnd = Math.min(...chosen.map((seal) => new Date(seal.valid_to).getTime()))
    if (validUntil.getTime() > earliestEnd) throw fieldError('validUntil', '授权截止日期不能晚于印章有效期')

    let granteeUserId: string | null = null
    let invite: { code: string; hash: string } | null = null
    if ('phone' in input.grantee) {
      const { rows } = await tx.query<{ id: string }>('select id from users where phone = $1', [input.grantee.phone])
      if (!rows[0]) throw new ApiError('GRANTEE_NOT_FOUND')
      if (rows[0].id === input.userId) throw fieldError('grantee.phone', '不能授权给自己')
      granteeUserId = rows[0].id
    } else {
      const code = newInviteCode()
      invite = { code, hash: inviteCodeHash(code) }
    }
    const grantId = randomUUID()
    const { rows: inserted } = await tx.query<{ invite_expires_at: Date | null }>(
      `insert into seal_grants (id, enterprise_id, granted_by, grantee_user_id, invite_code_hash, invite_expires_at,
         valid_until, accepted_at)
       values ($1, $2, $3, $4, $5, case when $5::text is null then null else ${sqlInstant(now)} + make_interval(days => $6) end, $7,
         null)
       returning invite_expires_at`,
      [grantId, input.enterpriseId, input.userId, granteeUserId, invite?.hash ?? null, INVITE_TTL_DAYS, validUntil],
    )
    for (const seal of chosen) {
      await tx.query('insert into seal_grant_seals (grant_id, seal_id) values ($1, $2)', [grantId, seal.id])
    }
    const sealNames = chosen.map((seal) => seal.name).join('、')
    if (granteeUserId) await tellGrantee(tx, granteeUserId, input.enterpriseId, sealNames, input.validUntil)
    await recordAudit(tx, {
      enterpriseId: input.enterpriseId,
      action: 'grant',
      actorUserId: input.userId,
      grantId,
      detail: `授权${'phone' in input.grantee ? ` ${maskPhone(input.grantee.phone)}（待对方确认）` : '（邀请码）'}使用 ${sealNames}，至 ${input.validUntil}`,
    })
    const view = await findGrant(tx, input.enterpriseId, grantId, ctx.clock())
    if (!view) throw new Error('grant vanished after insert')
    if (!invite) return view
    return { ...view, inviteCode: invite.code, inviteExpiresAt: new Date(inserted[0].invite_expires_at!).toISOString() }
  })
}

/** 印章使用授权待确认: an inbox notice only (no subscription, no page: the user acts in 我的). */
export const SEAL_GRANT_INVITE_NOTICE = defineNotice<string>({
  purpose: 'seal-grant-invite',
  inboxKind: 'system',
  subscribe: null,
  fieldNames: NO_PLATFORM_FIELDS,
  link: () => null,
})

/** An inbox message asking the person named by phone to accept (nothing is theirs until they do). */
async function tellGrantee(
  tx: Queryable,
  userId: string,
  enterpriseId: string,
  sealNames: string,
  validUntil: string,
): Promise<void> {
  await tx.query(
    `insert into inbox_messages (id, user_id, enterprise_id, kind, title, body)
     select $1, $2, e.id, $6, '印章使用授权待您确认', e.name || ' 授权您使用 ' || $3 || '，至 ' || $4
       || '。请在「我的 › 接受印章授权」中确认；确认前您不会关联该企业。'
     from enterprises e where e.id = $5`,
    [randomUUID(), userId, sealNames, validUntil, enterpriseId, SEAL_GRANT_INVITE_NOTICE.inboxKind],
  )
}

async function linkAsHandler(db: Queryable, userId: string, enterpriseId: string): Promise<void> {
  await db.query(
    `insert into user_enterprises (user_id, enterprise_id, role) values ($1, $2, 'handler') on conflict do nothing`,
    [userId, enterpriseId],
  )
}

/**
 * Locks the user's link to the enterprise (if any) for the rest of the transaction, so two
 * revocations for one person decide "was that the last live grant" one after the other. (Were a
 * link left behind anyway, it would carry no right: the access check wants a live grant.)
 */
export async function lockLink(tx: Queryable, userId: string, enterpriseId: string): Promise<string | null> {
  const { rows } = await tx.query<{ role: string }>(
    'select role from user_enterprises where user_id = $1 and enterprise_id = $2 for update',
    [userId, enterpriseId],
  )
  return rows[0]?.role ?? null
}

/** Removes a handler's link once no live grant is left (other roles keep theirs); call with the link locked. */
export async function dropHandlerLinkWithoutLiveGrant(
  tx: Queryable,
  userId: string,
  enterpriseId: string,
  now: number,
): Promise<void> {
  const { rows } = await tx.query(
    `delete from user_enterprises l where l.user_id = $1 and l.enterprise_id = $2 and l.role = 'handler'
       and not exists (select 1 from seal_grants g where g.enterprise_id = $2 and g.grantee_user_id = $1 and ${liveGrant(now)})
     returning l.user_id`,
    [userId, enterpriseId],
  )
  if (rows.length > 0) await forgetCurrentEnterprise(tx, userId, enterpriseId)
}

/** The app reopens on the current enterprise: not on one the person no longer belongs to. */
export async function forgetCurrentEnterprise(tx: Queryable, userId: string, enterpriseId: string): Promise<void> {
  await tx.query('update users set current_enterprise_id = null where id = $1 and current_enterprise_id = $2', [
    userId,
    enterpriseId,
  ])
}

/** Revoking twice keeps the first time; a grant of another enterprise is GRANT_NOT_FOUND. */
export async function revokeGrant(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  userId: string,
  enterpriseId: string,
  grantId: string,
): Promise<SealGrantView> {
  return ctx.db.transaction(async (tx) => {
    // Grant row first, then the link (the order removeMember keeps too), so no two lock each other.
    const { rows } = await tx.query<{ id: string; grantee_user_id: string | null }>(
      `update seal_grants set revoked_at = ${sqlInstant(ctx.clock())}
       where id = $1 and enterprise_id = $2 and revoked_at is null
       returning id, grantee_user_id`,
      [grantId, enterpriseId],
    )
    const granteeUserId = rows[0]?.grantee_user_id
    if (granteeUserId) {
      await lockLink(tx, granteeUserId, enterpriseId)
      await dropHandlerLinkWithoutLiveGrant(tx, granteeUserId, enterpriseId, ctx.clock())
    }
    if (rows[0]) {
      await recordAudit(tx, {
        enterpriseId,
        action: 'revoke',
        actorUserId: userId,
        grantId,
        detail: '撤销印章使用授权',
      })
    }
    const view = await findGrant(tx, enterpriseId, grantId, ctx.clock())
    if (!view) throw new ApiError('GRANT_NOT_FOUND')
    return view
  })
}

/** A handler redeems an invite code: the grant becomes theirs, once. */
export async function acceptInvite(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  userId: string,
  code: string,
): Promise<SealGrantView> {
  const at = sqlInstant(ctx.clock())
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; enterprise_id: string; granted_by: string | null }>(
      `update seal_grants set grantee_user_id = $2, accepted_at = ${at}
       where invite_code_hash = $1 and grantee_user_id is null and revoked_at is null
         and invite_expires_at > ${at} and valid_until > ${at}
       returning id, enterprise_id, granted_by`,
      [inviteCodeHash(code), userId],
    )
    const grant = rows[0]
    if (!grant) throw new ApiError('INVITE_CODE_INVALID')
    if (grant.granted_by === userId) throw fieldError('inviteCode', '不能接受自己发出的授权')
    await linkAsHandler(tx, userId, grant.enterprise_id)
    await recordAudit(tx, {
      enterpriseId: grant.enterprise_id,
      action: 'grant-accepted',
      actorUserId: userId,
      grantId: grant.id,
      detail: '经办人通过邀请码接受印章使用授权',
    })
    const view = await findGrant(tx, grant.enterprise_id, grant.id, ctx.clock())
    if (!view) throw new Error('grant vanished')
    return view
  })
}

/**
 * The person a grant by phone names accepts it in the app: only then is it live and are they linked
 * as 经办人. Accepting again is a no-op; a revoked or expired grant can no longer be accepted.
 */
export async function acceptGrant(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  userId: string,
  grantId: string,
): Promise<SealGrantView> {
  const at = sqlInstant(ctx.clock())
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; enterprise_id: string }>(
      `update seal_grants set accepted_at = ${at}
       where id = $1 and grantee_user_id = $2 and accepted_at is null and revoked_at is null and valid_until > ${at}
       returning id, enterprise_id`,
      [grantId, userId],
    )
    if (rows[0]) {
      await linkAsHandler(tx, userId, rows[0].enterprise_id)
      await recordAudit(tx, {
        enterpriseId: rows[0].enterprise_id,
        action: 'grant-accepted',
        actorUserId: userId,
        grantId,
        detail: '经办人在政企通中确认接受印章使用授权',
      })
    }
    const { rows: mine } = await tx.query<GrantRow>(`${GRANT_SELECT} where g.id = $1 and g.grantee_user_id = $2`, [
      grantId,
      userId,
    ])
    const view = mine[0] ? grantView(mine[0], ctx.clock()) : null
    // Someone else's grant reads as unknown; one that can no longer be accepted says so.
    if (!view || (view.status !== 'active' && !rows[0])) throw new ApiError('GRANT_NOT_FOUND')
    return view
  })
}

/** Grants addressed to the user that are waiting for them or in force, with the enterprise's name. */
export async function listMyGrants(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  userId: string,
): Promise<MySealGrantView[]> {
  const { rows } = await ctx.db.query<GrantRow & { enterprise_name: string }>(
    `select q.*, e.name as enterprise_name from (${GRANT_SELECT}
       where g.grantee_user_id = $1 and g.revoked_at is null and g.valid_until > ${sqlInstant(ctx.clock())}) q
     join enterprises e on e.id = q.enterprise_id
     order by q.accepted_at is null desc, q.created_at desc, q.id`,
    [userId],
  )
  const now = ctx.clock()
  return rows.map((row) => ({ ...grantView(row, now), enterpriseName: row.enterprise_name }))
}
