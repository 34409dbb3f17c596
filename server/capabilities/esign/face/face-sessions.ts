import { randomBytes, randomUUID } from 'node:crypto'
import { ApiError } from '../../../kernel/http/api-error'
import type { Platform } from '../../../../src/contract/account/schemas'
import type {
  FaceProviderName,
  FacePurpose,
  FaceSessionStarted,
  FaceTicketIssued,
} from '../../../../src/contract/esign/schemas'
import { recordAudit } from '../seals/audit'
import { idNumberHash } from '../../../kernel/secrets/secrets'
import { maskIdNumber, maskName } from '../../../../src/domain/mask'
import type { FacePerson, FaceProvider, FaceVerdict } from './face-provider'
import { issueFaceTicket } from './face-tickets'
import { facePurposeLabel } from '../../../../src/domain/signing/facePurpose'
import { assertFaceNotLocked, releaseFaceAttempt, reserveFaceAttempt } from './face-attempts'
import { identityOwner, recordVerifiedIdentity } from './verified-identity'
import type { EsignContext } from '../signing/signing-context'
import { sqlInstant } from '../../../kernel/db/sql-instant'

/** What face sessions use of the e-sign context. */
type FaceContext = Pick<EsignContext, 'db' | 'clock' | 'log' | 'secrets' | 'signing'>

/**
 * A face verification from start to ticket. The person (name + ID number) is sent to the provider
 * and kept only as an HMAC and a masked form; what the provider query needs is sealed by the key
 * vault and erased when the session ends. No face image is ever requested or stored. A session's
 * ten minutes, the ticket's five and the attempt limits are the app clock's (`ctx.clock`).
 */

export const FACE_SESSION_TTL_MINUTES = 10

const PROVIDER_FOR_PLATFORM: Record<Platform, FaceProviderName> = { weapp: 'wechat', alipay: 'alipay', h5: 'sandbox' }

function chooseProvider(ctx: FaceContext, platform: Platform): FaceProvider {
  const providers = ctx.signing.faceProviders
  const wanted = providers[PROVIDER_FOR_PLATFORM[platform]]
  if (wanted) return wanted
  if (platform === 'h5') {
    throw new ApiError('SANDBOX_DISABLED', { message: '当前环境未开放体验刷脸，请在微信或支付宝小程序中办理' })
  }
  // A development build of a mini-program without face credentials falls back to the sandbox.
  if (providers.sandbox) return providers.sandbox
  throw new ApiError('FACE_UNAVAILABLE', { cause: `no ${platform} face provider configured` })
}

/**
 * For `sign:<taskId>`: only the person who scanned the task verifies for it, or, for a task waiting
 * for its second approver (双人审批), another person (whether they are named is checked on confirming).
 * The task names the enterprise.
 */
async function signTaskEnterprise(ctx: FaceContext, userId: string, purpose: FacePurpose): Promise<string | null> {
  if (!purpose.startsWith('sign:')) return null
  const { rows } = await ctx.db.query<{ enterprise_id: string }>(
    `select enterprise_id from sign_tasks where id = $1
       and ((scanned_by = $2 and status = 'scanned') or (status = 'awaiting_second' and first_approved_by <> $2))`,
    [purpose.slice('sign:'.length), userId],
  )
  if (!rows[0]) throw new ApiError('SIGN_TASK_NOT_SCANNED')
  return rows[0].enterprise_id
}

async function wechatOpenid(ctx: FaceContext, userId: string): Promise<string | undefined> {
  const { rows } = await ctx.db.query<{ subject: string }>(
    `select subject from user_identities where user_id = $1 and platform = 'weapp' order by created_at limit 1`,
    [userId],
  )
  return rows[0]?.subject
}

export interface StartFaceSessionInput {
  userId: string
  platform: Platform
  purpose: FacePurpose
  person: FacePerson
  /** Already checked to be linked to the user. */
  enterpriseId: string | null
  /** The client's address (request.ip), for the per-address lock. */
  address: string
}

export async function startFaceSession(ctx: FaceContext, input: StartFaceSessionInput): Promise<FaceSessionStarted> {
  const { userId, purpose, person } = input
  const idHash = idNumberHash(ctx.secrets.idHashSecret, person.idNumber)
  await assertFaceNotLocked(ctx.db, { userId, address: input.address }, ctx.clock())
  // Sessions that ran out unfinished give up the ID number they held.
  await ctx.db.query(
    `update face_sessions set id_sealed = null
     where user_id = $1 and id_sealed is not null and expires_at <= ${sqlInstant(ctx.clock())}`,
    [userId],
  )
  const enterpriseId = (await signTaskEnterprise(ctx, userId, purpose)) ?? input.enterpriseId
  const provider = chooseProvider(ctx, input.platform)
  const openid = provider.name === 'wechat' ? await wechatOpenid(ctx, userId) : undefined

  const sessionId = randomUUID()
  // The call to the provider happens outside any transaction: it can take seconds.
  const started = await provider.start({ person, reference: randomBytes(16).toString('hex'), openid })
  const { rows } = await ctx.db.query<{ expires_at: Date }>(
    `insert into face_sessions (id, user_id, purpose, provider, person_name, id_hash, id_masked, enterprise_id,
       provider_state, id_sealed, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ${sqlInstant(ctx.clock())} + make_interval(mins => $11))
     returning expires_at`,
    [
      sessionId,
      userId,
      purpose,
      provider.name,
      person.name,
      idHash,
      maskIdNumber(person.idNumber),
      enterpriseId,
      ctx.secrets.vault.seal(JSON.stringify(started.state), `face:${sessionId}`),
      ctx.secrets.vault.seal(person.idNumber, identityOwner(userId)),
      FACE_SESSION_TTL_MINUTES,
    ],
  )
  return {
    sessionId,
    provider: provider.name,
    ...started.clientParams,
    expiresAt: new Date(rows[0].expires_at).toISOString(),
  }
}

interface SessionRow {
  id: string
  user_id: string
  purpose: FacePurpose
  provider: FaceProviderName
  person_name: string
  id_hash: string
  id_masked: string
  enterprise_id: string | null
  provider_state: string | null
  id_sealed: string | null
  status: string
  expired: boolean
}

export async function completeFaceSession(
  ctx: FaceContext,
  userId: string,
  sessionId: string,
  clientResult: unknown,
  address: string,
): Promise<FaceTicketIssued> {
  const { rows } = await ctx.db.query<SessionRow>(
    `select id, user_id, purpose, provider, person_name, id_hash, id_masked, enterprise_id, provider_state, id_sealed,
       status, expires_at <= ${sqlInstant(ctx.clock())} as expired
     from face_sessions where id = $1 and user_id = $2`,
    [sessionId, userId],
  )
  const session = rows[0]
  if (!session) throw new ApiError('FACE_SESSION_NOT_FOUND')
  if (session.status !== 'pending' || !session.provider_state) throw new ApiError('FACE_SESSION_CLOSED')
  if (session.expired) throw new ApiError('FACE_SESSION_NOT_FOUND', { message: '刷脸会话已过期，请重新发起' })
  const provider = ctx.signing.faceProviders[session.provider]
  if (!provider) throw new ApiError('FACE_UNAVAILABLE', { cause: `${session.provider} provider no longer configured` })
  const state = JSON.parse(ctx.secrets.vault.open(session.provider_state, `face:${session.id}`)) as Record<
    string,
    string
  >
  // Asking the provider is the attempt: it takes a slot first, kept only if the face is a mismatch.
  const reservation = await reserveFaceAttempt(ctx.db, { userId, address }, ctx.clock())
  let keepSlot = false
  try {
    // Outside a transaction: the provider may take seconds. A provider error leaves the session open.
    const verdict = await provider.verdict(state, clientResult)
    keepSlot = verdict.outcome === 'mismatch'
    const issued = await closeSession(ctx, session, userId, verdict.outcome)
    // A racing completion of the same session closed it, and counted it if it failed.
    if (issued === null) keepSlot = false
    return ticketOrRefusal(ctx, session, verdict, issued)
  } finally {
    if (!keepSlot) await releaseFaceAttempt(ctx.db, reservation)
  }
}

async function closeSession(
  ctx: FaceContext,
  session: SessionRow,
  userId: string,
  status: FaceVerdict['outcome'],
): Promise<null | 'not-passed' | Awaited<ReturnType<typeof issueFaceTicket>>> {
  const now = ctx.clock()
  return ctx.db.transaction(async (tx) => {
    const closed = await tx.query(
      `update face_sessions set status = $2, completed_at = ${sqlInstant(now)}, provider_state = null, id_sealed = null
       where id = $1 and status = 'pending' returning id`,
      [session.id, status],
    )
    if (!closed.rows[0]) return null
    if (status === 'mismatch' && session.enterprise_id) {
      await recordAudit(tx, {
        enterpriseId: session.enterprise_id,
        action: 'face-failed',
        actorUserId: userId,
        taskId: session.purpose.startsWith('sign:') ? session.purpose.slice(5) : null,
        detail: `刷脸认证未通过（${maskName(session.person_name)}，${session.id_masked}，用途：${facePurposeLabel(session.purpose) ?? session.purpose}）`,
      })
    }
    if (status !== 'passed') return 'not-passed' as const
    if (session.id_sealed) {
      await recordVerifiedIdentity(
        tx,
        userId,
        {
          name: session.person_name,
          idHash: session.id_hash,
          idMasked: session.id_masked,
          idSealed: session.id_sealed,
        },
        now,
      )
    }
    return issueFaceTicket(
      tx,
      {
        id: session.id,
        userId,
        purpose: session.purpose,
        name: session.person_name,
        idHash: session.id_hash,
        idMasked: session.id_masked,
      },
      now,
    )
  })
}

function ticketOrRefusal(
  ctx: FaceContext,
  session: SessionRow,
  verdict: FaceVerdict,
  issued: Awaited<ReturnType<typeof closeSession>>,
): FaceTicketIssued {
  if (issued === null) throw new ApiError('FACE_SESSION_CLOSED')
  if (verdict.outcome === 'mismatch') {
    ctx.log.info(
      { sessionId: session.id, provider: session.provider, detail: verdict.detail },
      'face verification mismatch',
    )
    throw new ApiError('FACE_MISMATCH')
  }
  if (verdict.outcome === 'cancelled') {
    throw new ApiError(
      'FACE_CANCELLED',
      verdict.byUser ? {} : { message: '刷脸未完成（设备、权限或网络原因），请重试' },
    )
  }
  if (issued === 'not-passed') throw new Error('unreachable: passed without a ticket')
  return {
    ticket: issued.ticket,
    purpose: session.purpose,
    expiresAt: issued.expiresAt.toISOString(),
    person: { nameMasked: maskName(session.person_name), idNumberMasked: session.id_masked },
  }
}
