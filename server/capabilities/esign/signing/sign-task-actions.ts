import { randomUUID } from 'node:crypto'
import type { FastifyReply } from 'fastify'
import type { Queryable } from '../../../kernel/db/db'
import type { AttachmentStorage } from '../../../kernel/storage/attachment-storage'
import { sha256Hex } from '../../../kernel/auth/tokens'
import type { ConfirmSignTaskRequest, SignTaskPreview, SignTaskView } from '../../../../src/contract/esign/schemas'
import { consumeFaceTicket, type VerifiedPerson } from '../face/face-tickets'
import { ApiError } from '../../../kernel/http/api-error'
import { recordAudit } from '../seals/audit'
import { hasSigningPin, verifyPinAudited } from '../seals/pin'
import { maskName } from '../../../../src/domain/mask'
import { isSignTicket } from '../../../../src/domain/signing/signTicket'
import type { TbsSigner } from '../../../../src/domain/signing/tbs'
import { openStoredKeyPair, sealOwner, signatureOwner } from './key-material'
import { fieldError } from './field-error'
import { documentKindOf, sendSignDocument, SIGN_DOCUMENT_GONE, signDocumentPath } from './sign-task-document'
import { planSigners, type SignerPlan } from './sign-task-authorise'
import { findTask, refusalFor, signerSlots, signTaskView, type SignTaskRow } from './sign-task-store'
import { produceSignature } from './signature-record'
import { produceSesSignature } from '../pki/ses-signing'
import { deliverSealNotices } from '../seals/seal-notices'
import type { EsignContext } from './signing-context'
import { raiseUnusualUseAlerts } from '../seals/unusual-use'
import { signDocumentViewToken } from './sign-document-view'
import {
  amountOf,
  approvalOf,
  countDailyUse,
  DailyLimitReached,
  governedSeals,
  isNamedApprover,
  momentRefusal,
  notNamed,
  refuseTask,
  secondApprovalSeal,
  type GovernedSeal,
} from './sign-task-governance'
import { sqlInstant } from '../../../kernel/db/sql-instant'

/** The app's side of 扫码签章: scan (preview), confirm (sign server-side), reject. */

async function plansFor(ctx: EsignContext, task: SignTaskRow, userId: string): Promise<SignerPlan[]> {
  return planSigners(ctx.db, ctx.secrets.idHashSecret, task, await signerSlots(ctx.db, task.id), userId, ctx.clock())
}

/**
 * The document of a task, for its scanner: while the task awaits signing, only as long as they may
 * still sign it (a grant revoked or a link removed since the scan ends it, as it ends confirming).
 * Every refusal is the same 404 as an unknown task, so a task id says nothing.
 */
export async function sendSignDocumentTo(
  ctx: EsignContext,
  storage: AttachmentStorage,
  userId: string,
  taskId: string,
  reply: FastifyReply,
) {
  const task = await findTask(ctx.db, 'id', taskId)
  const second = task?.status === 'awaiting_second' && task.first_approved_by !== userId
  if (task && ((task.status === 'scanned' && task.scanned_by === userId) || second)) {
    try {
      const plans = await plansFor(ctx, task, userId)
      if (second) await assertMaySecond(ctx, task, plans, userId)
    } catch (error) {
      if (error instanceof ApiError) throw new ApiError('NOT_FOUND', { message: SIGN_DOCUMENT_GONE })
      throw error
    }
  }
  return sendSignDocument(ctx.db, storage, userId, taskId, reply, ctx.clock(), second)
}

export async function scanSignTask(ctx: EsignContext, userId: string, ticket: string): Promise<SignTaskPreview> {
  const task = isSignTicket(ticket) ? await findTask(ctx.db, 'ticket_hash', sha256Hex(ticket)) : null
  if (!task) throw new ApiError('SIGN_TICKET_INVALID')
  const refusal = refusalFor(task, userId, ctx.clock())
  if (refusal) throw refusal
  // Authorised before the ticket is taken: a bystander scanning it must not block the task.
  const plans = await plansFor(ctx, task, userId)
  if (task.status === 'awaiting_second') {
    // The second approver scans the same code; the task stays the first confirmer's scan.
    await assertMaySecond(ctx, task, plans, userId)
  } else {
    const { rows } = await ctx.db.query(
      `update sign_tasks set status = 'scanned', scanned_by = $2, scanned_at = coalesce(scanned_at, now())
       where id = $1 and expires_at > ${sqlInstant(ctx.clock())} and (status = 'pending' or (status = 'scanned' and scanned_by = $2))
       returning id`,
      [task.id, userId],
    )
    if (!rows[0])
      throw (await currentRefusal(ctx.db, task.id, userId, ctx.clock())) ?? new ApiError('SIGN_TASK_SCANNED_BY_OTHER')
  }
  return {
    taskId: task.id,
    documentName: task.document_name,
    documentSm3: task.document_sm3,
    requestedBy: task.system_name,
    enterprise: { id: task.enterprise_id, name: task.enterprise_name, uscc: task.enterprise_uscc },
    signers: plans.map((plan) =>
      plan.kind === 'seal'
        ? {
            kind: 'seal',
            sealType: plan.seal.type,
            sealId: plan.seal.id,
            sealName: plan.seal.name,
            imageSvg: plan.seal.image_svg,
          }
        : {
            kind: 'personal',
            role: plan.role,
            holderName: plan.signature.holder_name,
            imageSvg: plan.signature.image_svg,
          },
    ),
    expiresAt: new Date(task.expires_at).toISOString(),
    facePurpose: `sign:${task.id}`,
    pinAvailable: await hasSigningPin(ctx.db, userId),
    approval: await approvalOf(ctx.db, task),
    documentType: task.document_category,
    amountFen: amountOf(task),
    document: task.document_key
      ? {
          kind: documentKindOf(task.document_type!),
          mimeType: task.document_type!,
          sizeBytes: task.document_size!,
          path: signDocumentPath(task.id),
          viewPath: `${signDocumentPath(task.id)}?view=${signDocumentViewToken(ctx.secrets.idHashSecret, task.id, userId, ctx.clock())}`,
        }
      : null,
  }
}

async function currentRefusal(db: Queryable, taskId: string, userId: string, now: number): Promise<ApiError | null> {
  const task = await findTask(db, 'id', taskId)
  return task ? refusalFor(task, userId, now) : new ApiError('SIGN_TASK_NOT_FOUND')
}

/** The task as the scanner may act on it: theirs, scanned, open. */
async function scannedTaskOf(ctx: EsignContext, userId: string, taskId: string): Promise<SignTaskRow> {
  const task = await findTask(ctx.db, 'id', taskId)
  if (!task) throw new ApiError('SIGN_TASK_NOT_FOUND')
  const refusal = refusalFor(task, userId, ctx.clock())
  if (refusal) throw refusal
  if (task.status !== 'awaiting_second' && task.scanned_by !== userId) throw new ApiError('SIGN_TASK_NOT_SCANNED')
  return task
}

function sealsOf(plans: SignerPlan[]) {
  return plans.flatMap((plan) => (plan.kind === 'seal' ? [plan.seal] : []))
}

/** A task waiting for its second approver: `userId` (not the first, see refusalFor) must be named for the seal. */
async function assertMaySecond(
  ctx: EsignContext,
  task: SignTaskRow,
  plans: SignerPlan[],
  userId: string,
): Promise<GovernedSeal | null> {
  const second = secondApprovalSeal(await governedSeals(ctx.db, sealsOf(plans)), task)
  // Rules loosened since the first confirmation: any other person who may sign completes it.
  if (second && !isNamedApprover(second, userId)) throw notNamed(second)
  return second
}

/**
 * Two people must be entitled when the seal is applied: a first confirmer whose grant has ended
 * (or who left the enterprise) since confirming no longer counts, so the second cannot complete it.
 */
async function assertFirstStillMaySign(ctx: EsignContext, task: SignTaskRow): Promise<void> {
  try {
    await plansFor(ctx, task, task.first_approved_by!)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    throw new ApiError('SIGN_NOT_AUTHORISED', { message: '第一确认人已不再持有该印章的授权，请重新发起签章任务' })
  }
}

/** Face confirmation must come from the person the signature stands for, where that is defined. */
async function assertRightPerson(
  tx: Queryable,
  task: SignTaskRow,
  plans: SignerPlan[],
  person: VerifiedPerson,
): Promise<void> {
  for (const plan of plans) {
    if (plan.kind === 'personal' && plan.signature.id_hash !== person.idHash) {
      throw new ApiError('FACE_TICKET_INVALID', { message: '刷脸人员与签名持有人不一致' })
    }
    if (plan.kind === 'seal' && plan.basis === 'legal_representative') {
      const { rows } = await tx.query<{ ok: boolean }>(
        'select legal_representative_id_hash = $2 and legal_representative = $3 as ok from enterprises where id = $1',
        [task.enterprise_id, person.idHash, person.name],
      )
      if (!rows[0]?.ok) throw new ApiError('NOT_LEGAL_REPRESENTATIVE')
    }
  }
}

export async function confirmSignTask(
  ctx: EsignContext,
  userId: string,
  taskId: string,
  confirm: ConfirmSignTaskRequest,
): Promise<SignTaskView> {
  if ((confirm.ticket === undefined) === (confirm.pin === undefined))
    throw fieldError('pin', '请刷脸或输入签署密码确认签署（二选一）')
  const task = await scannedTaskOf(ctx, userId, taskId)
  const plans = await plansFor(ctx, task, userId)
  const governed = await governedSeals(ctx.db, sealsOf(plans))
  const isSecond = task.status === 'awaiting_second'
  const second = isSecond ? await assertMaySecond(ctx, task, plans, userId) : secondApprovalSeal(governed, task)
  if (isSecond) await assertFirstStillMaySign(ctx, task)
  // Outside the transaction: a wrong PIN must be counted even though nothing is signed.
  if (confirm.pin !== undefined) await verifyPinAudited(ctx, userId, confirm.pin, task.enterprise_id, task.id)

  const now = ctx.clock()
  const moment = momentRefusal(governed, now)
  if (moment) throw await refuseTask(ctx, task, userId, moment.entry, moment.refusal)
  if (!isSecond && second) return approveFirst(ctx, task, plans, userId, confirm, second)

  let alerts = 0
  try {
    alerts = await ctx.db.transaction(async (tx) => {
      // The seals first, shared (seal-revoke.ts takes the seal row for update before anything else):
      // a revocation waits for this signature, or this signature sees the task it refused.
      const sealIds = sealsOf(plans)
        .map((seal) => seal.id)
        .sort()
      if (sealIds.length > 0) {
        const { rows: live } = await tx.query(
          'select id from seals where id = any($1::uuid[]) and revoked_at is null order by id for share',
          [sealIds],
        )
        if (live.length !== sealIds.length)
          throw (await currentRefusal(tx, task.id, userId, ctx.clock())) ?? new ApiError('SEAL_NOT_AVAILABLE')
      }
      // The row lock / conditional update: of two confirmations at once, exactly one gets here.
      const { rows } = await tx.query<{ id: string }>(
        `update sign_tasks set status = 'signed', finished_at = now(),
           callback_state = case when callback_url is null then null else 'pending' end, callback_next_at = now()
         where id = $1 and expires_at > ${sqlInstant(ctx.clock())}
           and ((status = 'scanned' and scanned_by = $2) or (status = 'awaiting_second' and first_approved_by <> $2))
         returning id`,
        [task.id, userId],
      )
      if (!rows[0])
        throw (await currentRefusal(tx, task.id, userId, ctx.clock())) ?? new ApiError('SIGN_TASK_ALREADY_SIGNED')
      await countDailyUse(tx, governed, now)
      const person = confirm.ticket
        ? await consumeFaceTicket(tx, confirm.ticket, { userId, purpose: `sign:${task.id}` }, ctx.clock())
        : null
      if (person) await assertRightPerson(tx, task, plans, person)
      const { rows: users } = await tx.query<{ name: string | null }>('select name from users where id = $1', [userId])
      const accountName = users[0]?.name ?? null
      if (isSecond && second) {
        await recordAudit(tx, {
          enterpriseId: task.enterprise_id,
          action: 'approve',
          actorUserId: userId,
          sealId: second.seal.id,
          taskId: task.id,
          detail: `第二审批人${nameOf(person, accountName)}${person ? '刷脸' : '以签署密码'}确认《${task.document_name}》（${task.system_name}）`,
        })
      }
      const signedAt = new Date(ctx.clock())
      for (const plan of plans) await signOne(ctx, tx, task, plan, { userId, signedAt, person, accountName })
      return raiseAlerts(ctx, tx, task, plans, signedAt)
    })
  } catch (error) {
    if (error instanceof DailyLimitReached)
      throw await refuseTask(ctx, task, userId, error.governed, 'daily-limit-reached')
    throw error
  }
  ctx.signing.callbacks.notify(task.id)
  if (alerts > 0)
    await ctx.deliverAfterCommit('seal alerts', (notices) =>
      deliverSealNotices(notices, { enterpriseId: task.enterprise_id }),
    )
  const signed = await findTask(ctx.db, 'id', task.id)
  return signTaskView(ctx.db, signed!, ctx.clock())
}

/**
 * 用章提醒 (unusual use), inside the signing transaction after every signature, in seal-id order:
 * two tasks signing the same seals in another order must not wait on each other's seal_alerts rows
 * (a deadlock). Returns how many alerts were raised.
 */
async function raiseAlerts(
  ctx: EsignContext,
  tx: Queryable,
  task: SignTaskRow,
  plans: SignerPlan[],
  signedAt: Date,
): Promise<number> {
  const templates = ctx.sealTemplates()
  let raised = 0
  const sealPlans = plans.flatMap((plan) => (plan.kind === 'seal' ? [plan.seal] : []))
  for (const seal of sealPlans.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const kinds = await raiseUnusualUseAlerts(
      tx,
      {
        seal: { id: seal.id, type: seal.type, name: seal.name },
        enterpriseId: task.enterprise_id,
        enterpriseName: task.enterprise_name,
        system: { id: task.system_id, name: task.system_name },
        taskId: task.id,
        atMs: signedAt.getTime(),
      },
      templates,
    )
    raised += kinds.length
  }
  return raised
}

function nameOf(person: VerifiedPerson | null, accountName: string | null): string {
  const name = person?.name ?? accountName
  return name ? maskName(name) : '经办人'
}

/** How long a task stays open for its second approver once the first has confirmed. */
const SECOND_APPROVAL_WINDOW = "interval '30 minutes'"

/**
 * 双人审批, first confirmation: nothing is signed yet; the task waits for another named person.
 * The conditional update decides it once, however many confirmations arrive at once.
 */
async function approveFirst(
  ctx: EsignContext,
  task: SignTaskRow,
  plans: SignerPlan[],
  userId: string,
  confirm: ConfirmSignTaskRequest,
  second: GovernedSeal,
): Promise<SignTaskView> {
  await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `update sign_tasks set status = 'awaiting_second', first_approved_by = $2, first_approved_at = now(),
         first_approved_via = $3, expires_at = greatest(expires_at, ${sqlInstant(ctx.clock())} + ${SECOND_APPROVAL_WINDOW})
       where id = $1 and status = 'scanned' and scanned_by = $2 and expires_at > ${sqlInstant(ctx.clock())} returning id`,
      [task.id, userId, confirm.ticket ? 'face' : 'pin'],
    )
    if (!rows[0])
      throw (await currentRefusal(tx, task.id, userId, ctx.clock())) ?? new ApiError('SECOND_APPROVER_SAME_PERSON')
    const person = confirm.ticket
      ? await consumeFaceTicket(tx, confirm.ticket, { userId, purpose: `sign:${task.id}` }, ctx.clock())
      : null
    if (person) await assertRightPerson(tx, task, plans, person)
    const { rows: users } = await tx.query<{ name: string | null }>('select name from users where id = $1', [userId])
    await recordAudit(tx, {
      enterpriseId: task.enterprise_id,
      action: 'approve',
      actorUserId: userId,
      sealId: second.seal.id,
      taskId: task.id,
      detail: `${nameOf(person, users[0]?.name ?? null)}${person ? '刷脸' : '以签署密码'}确认《${task.document_name}》（${task.system_name}），待第二人确认`,
    })
  })
  return signTaskView(ctx.db, (await findTask(ctx.db, 'id', task.id))!, ctx.clock())
}

async function signOne(
  ctx: EsignContext,
  tx: Queryable,
  task: SignTaskRow,
  plan: SignerPlan,
  by: { userId: string; signedAt: Date; person: VerifiedPerson | null; accountName: string | null },
): Promise<void> {
  const isSeal = plan.kind === 'seal'
  const stored = isSeal
    ? { id: plan.seal.id, publicKeyHex: plan.seal.public_key_hex, privateKeySealed: plan.seal.private_key_sealed }
    : {
        id: plan.signature.id,
        publicKeyHex: plan.signature.public_key_hex,
        privateKeySealed: plan.signature.private_key_sealed,
      }
  const keys = openStoredKeyPair(ctx.secrets.vault, isSeal ? sealOwner(stored.id) : signatureOwner(stored.id), stored)
  const signer: TbsSigner = {
    userId: by.userId,
    name: isSeal ? (by.person?.name ?? by.accountName) : plan.signature.holder_name,
    basis: isSeal ? plan.basis : 'holder',
    grantId: isSeal ? plan.grantId : null,
    confirmedBy: by.person ? 'face' : 'pin',
  }
  const row = isSeal ? plan.seal : plan.signature
  const produced = produceSignature({
    eseal: {
      id: stored.id,
      kind: isSeal ? 'seal' : 'personal',
      type: isSeal ? plan.seal.type : 'personal',
      name: isSeal ? plan.seal.name : plan.signature.holder_name,
      holder: isSeal ? plan.seal.holder_uscc : plan.signature.holder_name,
      validFrom: new Date(row.valid_from).toISOString(),
      validTo: new Date(row.valid_to).toISOString(),
    },
    keys,
    signedAt: by.signedAt,
    documentSm3: task.document_sm3,
    taskId: task.id,
    documentName: task.document_name,
    enterpriseUscc: task.enterprise_uscc,
    requestedBy: task.system_name,
    signer,
  })
  const sesSignature = await produceSesSignature(tx, ctx.pki, {
    holder: { kind: isSeal ? 'seal' : 'personal', id: stored.id },
    keys,
    tbs: produced.tbs,
  })
  await tx.query(
    `insert into signature_records (id, task_id, position, seal_id, personal_signature_id, signer_user_id, tbs, signature, signed_at,
       ses_signature)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      randomUUID(),
      task.id,
      plan.position,
      isSeal ? stored.id : null,
      isSeal ? null : stored.id,
      by.userId,
      produced.tbsBytes.toString('base64'),
      produced.signatureDer.toString('base64'),
      by.signedAt,
      sesSignature.toString('base64'),
    ],
  )
  await recordAudit(tx, {
    enterpriseId: task.enterprise_id,
    action: 'sign',
    actorUserId: by.userId,
    sealId: isSeal ? stored.id : null,
    taskId: task.id,
    detail: `${signer.name ? maskName(signer.name) : '经办人'}以${isSeal ? plan.seal.name : '个人签名'}签署《${task.document_name}》（${task.system_name}，${signer.confirmedBy === 'face' ? '刷脸' : '签署密码'}确认）`,
  })
}

export async function rejectSignTask(
  ctx: EsignContext,
  userId: string,
  taskId: string,
  reason?: string,
): Promise<SignTaskView> {
  const task = await scannedTaskOf(ctx, userId, taskId)
  // A named second approver may refuse a task waiting for them.
  if (task.status === 'awaiting_second') await assertMaySecond(ctx, task, await plansFor(ctx, task, userId), userId)
  const updated = await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `update sign_tasks set status = 'rejected', finished_at = now(), reject_reason = $3,
         callback_state = case when callback_url is null then null else 'pending' end, callback_next_at = now()
       where id = $1 and expires_at > ${sqlInstant(ctx.clock())}
         and ((status = 'scanned' and scanned_by = $2) or (status = 'awaiting_second' and first_approved_by <> $2))
       returning id`,
      [task.id, userId, reason?.trim() || null],
    )
    if (!rows[0]) return false
    await recordAudit(tx, {
      enterpriseId: task.enterprise_id,
      action: 'reject',
      actorUserId: userId,
      taskId: task.id,
      detail: `拒绝签署《${task.document_name}》（${task.system_name}）${reason?.trim() ? `：${reason.trim()}` : ''}`,
    })
    return true
  })
  if (!updated)
    throw (await currentRefusal(ctx.db, task.id, userId, ctx.clock())) ?? new ApiError('SIGN_TASK_NOT_SCANNED')
  ctx.signing.callbacks.notify(task.id)
  return signTaskView(ctx.db, (await findTask(ctx.db, 'id', task.id))!, ctx.clock())
}
