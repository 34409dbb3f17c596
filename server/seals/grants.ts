import { randomInt, randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { CreateSealGrantRequest, SealGrantCreated, SealGrantStatus, SealGrantView } from '../contract-seals'
import type { Queryable } from '../db/db'
import { sha256Hex } from '../auth/tokens'
import { consumeFaceTicket } from '../face/face-tickets'
import { ApiError } from '../http/api-error'
import { fieldError } from '../signing/field-error'
import { chinaDateOf } from '../../src/domain/calendar/dates'
import { maskName, maskPhone } from '../../src/domain/mask'
import type { SealType } from '../../src/domain/signing/sealTypes'
import { recordAudit } from './audit'
import { verifyPinAudited } from './pin'
import { liveSeals } from './seal-repo'
import { readInviteCode } from '../../src/domain/signing/inviteCode'

/**
 * 授权: the legal representative lets a handler use chosen seals until a day. A grant names its
 * seals, ends at the end of that China calendar day, and can be revoked at once; only active
 * grants (not revoked, not past their day, redeemed if by invite) let anyone sign.
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

interface GrantRow {
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

const GRANT_SELECT = `select g.id, g.enterprise_id, g.grantee_user_id, u.name as grantee_name, u.phone as grantee_phone,
    g.valid_until, g.created_at, g.accepted_at, g.revoked_at,
    coalesce((select json_agg(json_build_object('id', s.id, 'type', s.type, 'name', s.name) order by s.type)
      from seal_grant_seals gs join seals s on s.id = gs.seal_id where gs.grant_id = g.id), '[]'::json) as seals
  from seal_grants g left join users u on u.id = g.grantee_user_id`

function grantStatus(row: GrantRow, now = Date.now()): SealGrantStatus {
  if (row.revoked_at) return 'revoked'
  if (new Date(row.valid_until).getTime() <= now) return 'expired'
  return row.grantee_user_id ? 'active' : 'invited'
}

function grantView(row: GrantRow): SealGrantView {
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
    status: grantStatus(row),
    createdAt: new Date(row.created_at).toISOString(),
    acceptedAt: iso(row.accepted_at),
    revokedAt: iso(row.revoked_at),
  }
}

async function findGrant(db: Queryable, enterpriseId: string, grantId: string): Promise<SealGrantView | null> {
  const { rows } = await db.query<GrantRow>(`${GRANT_SELECT} where g.enterprise_id = $1 and g.id = $2`, [
    enterpriseId,
    grantId,
  ])
  return rows[0] ? grantView(rows[0]) : null
}

export async function listGrants(db: Queryable, enterpriseId: string): Promise<SealGrantView[]> {
  const { rows } = await db.query<GrantRow>(
    `${GRANT_SELECT} where g.enterprise_id = $1 order by g.created_at desc, g.id`,
    [enterpriseId],
  )
  return rows.map(grantView)
}

/** The active grant that lets the user use this seal now, if any. */
export async function activeGrantId(db: Queryable, userId: string, sealId: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `select g.id from seal_grants g join seal_grant_seals gs on gs.grant_id = g.id
     where g.grantee_user_id = $1 and gs.seal_id = $2 and g.revoked_at is null and g.valid_until > now()
     order by g.valid_until desc limit 1`,
    [userId, sealId],
  )
  return rows[0]?.id ?? null
}

async function confirmGrantor(
  tx: Queryable,
  input: { userId: string; enterpriseId: string; ticket?: string },
): Promise<void> {
  if (!input.ticket) return // confirmed by PIN before the transaction
  const person = await consumeFaceTicket(tx, input.ticket, { userId: input.userId, purpose: 'grant' })
  const { rows } = await tx.query<{ ok: boolean }>(
    `select legal_representative_id_hash = $2 and legal_representative = $3 as ok from enterprises where id = $1`,
    [input.enterpriseId, person.idHash, person.name],
  )
  if (!rows[0]?.ok) throw new ApiError('NOT_LEGAL_REPRESENTATIVE')
}

export async function createGrant(
  app: FastifyInstance,
  input: { userId: string; enterpriseId: string } & CreateSealGrantRequest,
): Promise<SealGrantCreated> {
  const validUntil = endOfChinaDay(input.validUntil)
  const today = chinaDateOf(Date.now())
  if (!validUntil || input.validUntil < today) throw fieldError('validUntil', '授权截止日期应为今天或之后的日期')
  if (validUntil.getTime() - Date.now() > MAX_GRANT_DAYS * 86_400_000)
    throw fieldError('validUntil', '授权期限最长一年')
  const sealIds = [...new Set(input.sealIds.map((id) => id.toLowerCase()))]
  if (!input.pin && !input.ticket) throw fieldError('pin', '请输入签署密码或刷脸确认授权')
  if (input.pin) await verifyPinAudited(app.db, input.userId, input.pin, input.enterpriseId)

  return app.db.transaction(async (tx) => {
    await confirmGrantor(tx, input)
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
       values ($1, $2, $3, $4, $5, case when $5::text is null then null else now() + make_interval(days => $6) end, $7,
         case when $4::uuid is null then null else now() end)
       returning invite_expires_at`,
      [grantId, input.enterpriseId, input.userId, granteeUserId, invite?.hash ?? null, INVITE_TTL_DAYS, validUntil],
    )
    for (const seal of chosen) {
      await tx.query('insert into seal_grant_seals (grant_id, seal_id) values ($1, $2)', [grantId, seal.id])
    }
    if (granteeUserId) await linkAsHandler(tx, granteeUserId, input.enterpriseId)
    await recordAudit(tx, {
      enterpriseId: input.enterpriseId,
      action: 'grant',
      actorUserId: input.userId,
      grantId,
      detail: `授权${'phone' in input.grantee ? ` ${maskPhone(input.grantee.phone)}` : '（邀请码）'}使用 ${chosen
        .map((seal) => seal.name)
        .join('、')}，至 ${input.validUntil}`,
    })
    const view = await findGrant(tx, input.enterpriseId, grantId)
    if (!view) throw new Error('grant vanished after insert')
    if (!invite) return view
    return { ...view, inviteCode: invite.code, inviteExpiresAt: new Date(inserted[0].invite_expires_at!).toISOString() }
  })
}

async function linkAsHandler(db: Queryable, userId: string, enterpriseId: string): Promise<void> {
  await db.query(
    `insert into user_enterprises (user_id, enterprise_id, role) values ($1, $2, 'handler') on conflict do nothing`,
    [userId, enterpriseId],
  )
}

/** Revoking twice keeps the first time; a grant of another enterprise is GRANT_NOT_FOUND. */
export async function revokeGrant(
  app: FastifyInstance,
  userId: string,
  enterpriseId: string,
  grantId: string,
): Promise<SealGrantView> {
  return app.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `update seal_grants set revoked_at = now() where id = $1 and enterprise_id = $2 and revoked_at is null returning id`,
      [grantId, enterpriseId],
    )
    if (rows[0]) {
      await recordAudit(tx, {
        enterpriseId,
        action: 'revoke',
        actorUserId: userId,
        grantId,
        detail: '撤销印章使用授权',
      })
    }
    const view = await findGrant(tx, enterpriseId, grantId)
    if (!view) throw new ApiError('GRANT_NOT_FOUND')
    return view
  })
}

/** A handler redeems an invite code: the grant becomes theirs, once. */
export async function acceptInvite(app: FastifyInstance, userId: string, code: string): Promise<SealGrantView> {
  return app.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; enterprise_id: string; granted_by: string | null }>(
      `update seal_grants set grantee_user_id = $2, accepted_at = now()
       where invite_code_hash = $1 and grantee_user_id is null and revoked_at is null
         and invite_expires_at > now() and valid_until > now()
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
    const view = await findGrant(tx, grant.enterprise_id, grant.id)
    if (!view) throw new Error('grant vanished')
    return view
  })
}
