import { randomBytes, randomUUID } from 'node:crypto'
import type { SystemPrincipal } from '../../../kernel/app-context'
import { sha256Hex } from '../../../kernel/auth/tokens'
import { ApiError } from '../../../kernel/http/api-error'
import { OutboundRefused, type OutboundRefusalReason } from '../../../kernel/http/outbound-url'
import { checkUscc, USCC_PROBLEM_MESSAGES } from '../../../../src/domain/uscc'
import { maskPhone } from '../../../../src/domain/mask'
import { SEAL_TYPE_LABELS } from '../../../../src/domain/signing/sealTypes'
import { buildSignQrContent } from '../../../../src/domain/signing/signTicket'
import { SIGN_TICKET_TTL_SECONDS } from '../../../../src/domain/signing/signTask'
import type { AttachmentStorage } from '../../../kernel/storage/attachment-storage'
import type { CreateSignTaskRequest, SignTaskCreated } from '../../../../src/contract/esign/schemas'
import { fieldError } from './field-error'
import { SIGN_DOCUMENT_MAX_BYTES, storeSignDocument } from './sign-task-document'
import { phoneHash } from './sign-task-authorise'
import { sm3Hex } from './sm2'
import type { EsignContext } from './signing-context'
import { auditRefusal, refusalError, rulesOfSeals } from '../seals/seal-rules'
import { DOCUMENT_TYPE_LABELS, refusalAtCreation } from '../../../../src/domain/signing/sealRules'
import type { SealType } from '../../../../src/domain/signing/sealTypes'
import { sqlInstant } from '../../../kernel/db/sql-instant'

/**
 * A system asks for a document (by SM3, or the document itself, hashed here and kept so the signer
 * can open it before confirming) to be signed by an enterprise's seals and/or people. The answer is
 * a single-use ticket and the QR content carrying only it; the ticket is stored as a hash.
 */

const SM3_HEX = /^[0-9a-fA-F]{64}$/
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

interface DocumentInput {
  sm3: string
  bytes: Buffer | null
}

function documentOf(body: CreateSignTaskRequest): DocumentInput {
  if (body.documentSm3 === undefined && body.document === undefined) {
    throw fieldError('documentSm3', '请提供 documentSm3（文件 SM3 摘要）或 document（文件 base64）')
  }
  if (body.documentSm3 !== undefined && !SM3_HEX.test(body.documentSm3))
    throw fieldError('documentSm3', 'documentSm3 应为 64 位十六进制 SM3 摘要')
  const declared = body.documentSm3?.toLowerCase()
  if (body.document === undefined) return { sm3: declared!, bytes: null }
  const text = body.document.replace(/\s+/g, '')
  if (text.length === 0 || text.length % 4 !== 0 || !BASE64.test(text))
    throw fieldError('document', 'document 应为 base64 编码的文件内容')
  const bytes = Buffer.from(text, 'base64')
  const sm3 = sm3Hex(bytes)
  if (declared !== undefined && declared !== sm3)
    throw fieldError('documentSm3', 'document 的 SM3 摘要与 documentSm3 不一致：文件可能不完整或已被修改')
  return { sm3, bytes }
}

const CALLBACK_REFUSALS: Record<Exclude<OutboundRefusalReason, 'invalid' | 'scheme' | 'credentials'>, string> = {
  'host-not-allowed': '回调地址的域名不在本系统登记的回调域名白名单内，请联系平台管理员',
  unresolvable: '回调地址的域名无法解析，请使用公网可访问的 https 地址',
  internal: '回调地址不能指向本机、内网、链路本地、组播或云服务器元数据地址，请使用公网可访问的 https 地址',
}

/** The callbackUrl as stored, once it is known to lead to a public address this system may use. */
async function checkCallbackUrl(ctx: EsignContext, systemId: string, raw: string | undefined) {
  if (raw === undefined) return null
  try {
    const target = await ctx.signing.callbacks.checkDestination(ctx.db, systemId, raw)
    return target.url.toString()
  } catch (error) {
    if (!(error instanceof OutboundRefused)) throw error
    ctx.log.info({ systemId, refused: error.detail }, 'sign task callbackUrl refused')
    if (error.reason === 'invalid') throw fieldError('callbackUrl', 'callbackUrl 不是有效的网址')
    // Plain http only where local receivers are allowed (tests, local development); never credentials in the URL.
    if (error.reason === 'scheme' || error.reason === 'credentials') {
      throw fieldError('callbackUrl', 'callbackUrl 应为 https 网址')
    }
    throw new ApiError('CALLBACK_URL_FORBIDDEN', { message: CALLBACK_REFUSALS[error.reason] })
  }
}

/**
 * 用章规则 knowable now (which system asks, which document type): a refusal is the answer to the
 * system and a 'refused' row in the seal audit (no task is created).
 */
async function checkRulesAtCreation(
  ctx: EsignContext,
  system: SystemPrincipal,
  enterpriseId: string,
  body: CreateSignTaskRequest,
  seals: { id: string; type: SealType; name: string }[],
): Promise<void> {
  const rules = await rulesOfSeals(
    ctx.db,
    seals.map((seal) => seal.id),
  )
  for (const seal of seals) {
    const sealRules = rules.get(seal.id)!
    const refusal = refusalAtCreation(sealRules, { systemId: system.id, documentType: body.documentType ?? null })
    if (!refusal) continue
    const error = refusalError(refusal, sealRules, seal.name)
    await auditRefusal(ctx.db, {
      enterpriseId,
      actorUserId: null,
      sealId: seal.id,
      taskId: null,
      refusal,
      detail: `用章规则拒绝「${system.name}」的用章申请《${body.documentName.trim()}》${body.documentType ? `（${DOCUMENT_TYPE_LABELS[body.documentType]}）` : ''}：${error.message}`,
    })
    throw error
  }
}

export async function createSignTask(
  ctx: EsignContext,
  storage: AttachmentStorage,
  system: SystemPrincipal,
  body: CreateSignTaskRequest,
): Promise<SignTaskCreated> {
  const uscc = checkUscc(body.enterpriseUscc)
  if (!uscc.ok) throw fieldError('enterpriseUscc', USCC_PROBLEM_MESSAGES[uscc.problem])
  const document = documentOf(body)
  if (document.bytes && document.bytes.length > SIGN_DOCUMENT_MAX_BYTES)
    throw fieldError('document', '文件不能超过 10 MB')
  const callbackUrl = await checkCallbackUrl(ctx, system.id, body.callbackUrl)
  const ttl = body.expiresInSeconds ?? SIGN_TICKET_TTL_SECONDS.default
  // One moment for the seals' validity and the task's deadline, on the app clock.
  const now = ctx.clock()

  const { rows } = await ctx.db.query<{ id: string }>('select id from enterprises where uscc = $1', [uscc.uscc])
  const enterpriseId = rows[0]?.id
  if (!enterpriseId) throw new ApiError('ENTERPRISE_NOT_FOUND')
  const sealTypes = body.signers.flatMap((signer) => ('sealType' in signer ? [signer.sealType] : []))
  if (new Set(sealTypes).size !== sealTypes.length) throw fieldError('signers', '同一印章只能出现一次')
  if (sealTypes.length > 0) {
    const { rows: available } = await ctx.db.query<{ id: string; type: SealType; name: string }>(
      `select id, type, name from seals where enterprise_id = $1 and type = any($2::text[]) and revoked_at is null
         and valid_from <= ${sqlInstant(now)} and valid_to > ${sqlInstant(now)}`,
      [enterpriseId, sealTypes],
    )
    const missing = sealTypes.filter((type) => !available.some((seal) => seal.type === type))
    if (missing.length > 0) {
      throw new ApiError('SEAL_NOT_AVAILABLE', {
        message: `该企业尚未领取或不可用：${missing.map((type) => SEAL_TYPE_LABELS[type]).join('、')}`,
      })
    }
    await checkRulesAtCreation(ctx, system, enterpriseId, body, available)
  }

  // Stored before the row that names it: a failure leaves an unreferenced file, never a dangling key.
  const stored = document.bytes ? await storeSignDocument(storage, document.bytes) : null
  const taskId = randomUUID()
  const ticket = randomBytes(24).toString('base64url')
  const created = await ctx.db.transaction(async (tx) => {
    const { rows: inserted } = await tx.query<{ expires_at: Date }>(
      `insert into sign_tasks (id, system_id, enterprise_id, document_name, document_sm3, ticket_hash, expires_at,
         callback_url, document_key, document_type, document_size, document_category, amount_fen)
       values ($1, $2, $3, $4, $5, $6, ${sqlInstant(now)} + make_interval(secs => $7), $8, $9, $10, $11, $12, $13) returning expires_at`,
      [
        taskId,
        system.id,
        enterpriseId,
        body.documentName.trim(),
        document.sm3,
        sha256Hex(ticket),
        ttl,
        callbackUrl,
        stored?.key ?? null,
        stored?.type ?? null,
        stored?.size ?? null,
        body.documentType ?? null,
        body.amountFen ?? null,
      ],
    )
    for (const [position, signer] of body.signers.entries()) {
      const person = 'personalSignature' in signer ? signer.personalSignature : null
      await tx.query(
        `insert into sign_task_signers (task_id, position, kind, seal_type, role, phone_hash, phone_masked)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          taskId,
          position,
          person ? 'personal' : 'seal',
          'sealType' in signer ? signer.sealType : null,
          person?.role ?? null,
          person?.phone ? phoneHash(ctx.secrets.idHashSecret, person.phone) : null,
          person?.phone ? maskPhone(person.phone) : null,
        ],
      )
    }
    return inserted[0]
  })
  return {
    taskId,
    ticket,
    qrContent: buildSignQrContent(ticket, ctx.signing.qrHosts[0]),
    expiresAt: new Date(created.expires_at).toISOString(),
  }
}
