import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/complaints/endpoints'
import { ops, type ComplaintLocationInput, type ComplaintView } from '../../../../src/contract/complaints/schemas'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { ApiError } from '../../../kernel/http/api-error'
import { idempotencyKeyOf } from '../../../kernel/http/idempotency'
import type { AttachmentStorage } from '../../../kernel/storage/attachment-storage'
import { ImageRefused, reencodeImage, type StoredImageType } from '../../../kernel/storage/reencode-image'
import { sniffImageType } from '../../../kernel/storage/sniff'
import { sendAttachment } from '../attachment-reply'
import { actionFromBody } from '../action-input'
import { complaintByCodeRoute } from '../by-code-route'
import {
  appendTimeline,
  claimAttachments,
  findByIdempotencyKey,
  findComplaint,
  insertAttachment,
  insertComplaint,
  listUserComplaints,
  unclaimedAttachments,
  type ComplaintRow,
} from '../complaint-repo'
import {
  applyAction,
  complaintView,
  instantOf,
  queryCodeFor,
  queryCodeHash,
  recoverableQueryCode,
} from '../complaint-service'
import { complaintLimits, type ComplaintCategoryCode } from '../../../../src/domain/complaints/categories'
import { submitComplaint } from '../../../../src/domain/complaints/complaintCase'
import {
  complaintInputProblems,
  MAX_PHOTO_BYTES,
  normaliseConcernedParty,
  normalisePhone,
  PHOTO_TYPES,
} from '../../../../src/domain/complaints/validation'
import { contractRoute } from '../../../kernel/http/contract-route'

export interface ComplaintRoutesOptions {
  storage: AttachmentStorage
}

const tags = ['complaints']

function validationFailed(details: { field: string; message: string }[]): ApiError {
  return new ApiError('VALIDATION_FAILED', {
    message: `请求参数有误：${details.map((detail) => detail.message).join('；')}`,
    details,
  })
}

/**
 * 有诉即办: the anonymous query code, open without a session (see complaints/by-code-route), the
 * city's complaint rules (public: the new-complaint form shows them), and everything else for the signed-in submitter.
 */
export async function complaintRoutes(app: FastifyInstance, options: ComplaintRoutesOptions): Promise<void> {
  await app.register(complaintByCodeRoute)
  contractRoute(
    app,
    endpoints.getComplaintRules,
    ops.getComplaintRules,
    { tags, summary: '本市诉求类别与办理时限、回访时限（无需登录；新诉求按此计时）' },
    async () => {
      const { categories, returnVisit } = app.config.complaintRules
      return { categories: [...categories], returnVisit }
    },
  )
  await app.register(submitterRoutes, options)
}

/**
 * For the submitter's session: photo upload, submission (Idempotency-Key required), my cases, the
 * case itself and the steps a submitter may take. Another user's case is a 404, as if it did not exist.
 */
async function submitterRoutes(app: FastifyInstance, options: ComplaintRoutesOptions): Promise<void> {
  const { storage } = options
  app.addHook('onRequest', requireUser)
  const now = () => instantOf(app.clock())
  const secret = app.signing.idHashSecret
  const rules = app.config.complaintRules

  /** The answer to a replay: the case, with its query code again when it is anonymous. */
  const replayView = (view: ComplaintView, row: ComplaintRow): ComplaintView => {
    const queryCode = recoverableQueryCode(secret, row)
    return queryCode === null ? view : { ...view, queryCode }
  }

  async function ownComplaint(userId: string, complaintId: string) {
    const row = await findComplaint(app.db, complaintId)
    if (!row || row.user_id !== userId) throw new ApiError('COMPLAINT_NOT_FOUND')
    return row
  }

  // Photos arrive one per request as the raw image body; only this route parses images.
  await app.register(async (upload) => {
    for (const type of PHOTO_TYPES) {
      upload.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_request, body, done) =>
        done(null, body),
      )
    }
    contractRoute(
      upload,
      endpoints.uploadComplaintPhoto,
      ops.uploadComplaintPhoto,
      {
        bodyLimit: MAX_PHOTO_BYTES,
        tags,
        summary:
          '上传诉求照片（请求体为图片本身：image/jpeg、image/png 或 image/webp，不超过 5 MB；服务端重新编码，去除 EXIF 等元数据，长边不超过 4096 像素）',
      },
      async (request, reply) => {
        const declared = String(request.headers['content-type'] ?? '')
          .split(';')[0]
          .trim()
          .toLowerCase()
        const body = request.body
        if (!PHOTO_TYPES.includes(declared) || !Buffer.isBuffer(body)) {
          throw new ApiError('UNSUPPORTED_MEDIA_TYPE', { message: '仅支持上传 JPG、PNG 或 WebP 图片' })
        }
        if (body.length === 0) throw validationFailed([{ field: 'body', message: '图片内容为空，请重新选择' }])
        if (body.length > MAX_PHOTO_BYTES)
          throw new ApiError('PAYLOAD_TOO_LARGE', { message: '照片超过 5 MB，请压缩后再上传' })
        const sniffed = sniffImageType(body)
        if (sniffed !== declared) {
          throw new ApiError('UNSUPPORTED_MEDIA_TYPE', { message: '文件内容与声明的图片格式不符，请重新选择图片' })
        }
        const photo = await storedPhoto(body, sniffed)
        // Re-encoding a tightly packed PNG can come out larger; the submission would then refuse it.
        if (photo.bytes.length > MAX_PHOTO_BYTES)
          throw new ApiError('PAYLOAD_TOO_LARGE', { message: '照片超过 5 MB，请压缩后再上传' })
        const id = randomUUID()
        const storageKey = randomBytes(16).toString('hex')
        await storage.put(storageKey, photo.bytes)
        await insertAttachment(app.db, {
          id,
          user_id: currentUser(request).id,
          storage_key: storageKey,
          mime_type: photo.type,
          size_bytes: photo.bytes.length,
        })
        reply.status(201)
        return { attachmentId: id, mimeType: photo.type, sizeBytes: photo.bytes.length }
      },
    )
  })

  contractRoute(
    app,
    endpoints.submitComplaint,
    ops.submitComplaint,
    { tags, summary: '提交诉求（必须带 Idempotency-Key：重试不会重复提交；匿名诉求返回一次性查询码）' },
    async (request, reply) => {
      const userId = currentUser(request).id
      const key = idempotencyKeyOf(request)
      if (key === undefined) {
        throw validationFailed([{ field: 'Idempotency-Key', message: '提交诉求须带 Idempotency-Key 请求头' }])
      }
      const at = now()
      /** A retry gets the complaint it made; the key reused for another submission is a 409. */
      const sameRequest = (row: ComplaintRow) => {
        if (row.request_hash !== requestHash) {
          throw new ApiError('IDEMPOTENCY_CONFLICT', { message: '该请求标识已用于另一请求，请勿重复提交' })
        }
        return row
      }
      const requestHash = createHash('sha256').update(JSON.stringify(request.body)).digest('hex')
      const existing = await findByIdempotencyKey(app.db, userId, key)
      if (existing) {
        return reply
          .status(200)
          .send(replayView(await complaintView(app.db, sameRequest(existing), at, 'submitter', rules), existing))
      }

      const input = request.body
      const attachmentIds = input.attachmentIds ?? []
      const attachments = await unclaimedAttachments(app.db, userId, attachmentIds)
      if (attachments.length !== attachmentIds.length) {
        throw validationFailed([{ field: 'attachmentIds', message: '照片不存在或已被使用，请重新上传' }])
      }
      const byId = new Map(attachments.map((row) => [row.id, row]))
      const location = input.location ?? null
      const contactPhone = input.contactPhone ?? null
      const problems = complaintInputProblems(
        {
          category: input.category,
          title: input.title,
          description: input.description,
          photos: attachmentIds.map((id) => ({
            mimeType: byId.get(id)!.mime_type,
            sizeBytes: byId.get(id)!.size_bytes,
          })),
          anonymous: input.anonymous,
          contactPhone,
          location,
          concernedParty: input.concernedParty,
        },
        rules,
      )
      const details = Object.entries(problems).map(([field, message]) => ({ field, message: message as string }))
      if (details.length > 0) throw validationFailed(details)

      // The limits in force now stay with the case (docs/domain.md §5); the category was checked above.
      const limits = complaintLimits(input.category, rules)!
      const { complaint, entry } = submitComplaint({
        category: input.category as ComplaintCategoryCode,
        anonymous: input.anonymous,
        submittedAt: at,
      })
      const id = randomUUID()
      const queryCode = input.anonymous ? queryCodeFor(secret, id) : null
      const result = await app.db.transaction(async (tx) => {
        const row = await insertComplaint(tx, {
          id,
          userId,
          idempotencyKey: key,
          requestHash,
          anonymous: input.anonymous,
          queryCodeHash: queryCode === null ? null : queryCodeHash(queryCode),
          title: input.title.trim(),
          description: input.description.trim(),
          contactPhone: input.anonymous || contactPhone === null ? null : normalisePhone(contactPhone.trim()),
          location: location === null ? null : storedLocation(location),
          concernedParty: normaliseConcernedParty(input.concernedParty),
          complaint,
          limits,
        })
        // A concurrent request with the same key got there first: answer with its complaint.
        if (row === null) {
          const first = await findByIdempotencyKey(tx, userId, key)
          if (!first) throw new ApiError('IDEMPOTENCY_CONFLICT')
          return {
            created: false,
            view: replayView(await complaintView(tx, sameRequest(first), at, 'submitter', rules), first),
          }
        }
        if ((await claimAttachments(tx, row.id, userId, attachmentIds)) !== attachmentIds.length) {
          throw validationFailed([{ field: 'attachmentIds', message: '照片不存在或已被使用，请重新上传' }])
        }
        await appendTimeline(tx, row.id, entry)
        return { created: true, view: await complaintView(tx, row, at, 'submitter', rules) }
      })
      if (!result.created) return reply.status(200).send(result.view)
      request.log.info({ complaintId: result.view.id, anonymous: input.anonymous }, 'complaint submitted')
      return reply.status(201).send(queryCode === null ? result.view : { ...result.view, queryCode })
    },
  )

  contractRoute(app, endpoints.listComplaints, ops.listComplaints, { tags, summary: '我的诉求' }, async (request) => {
    const at = now()
    const rows = await listUserComplaints(app.db, currentUser(request).id)
    const items: ComplaintView[] = []
    for (const row of rows) items.push(await complaintView(app.db, row, at, 'submitter', rules))
    return { items }
  })

  contractRoute(
    app,
    endpoints.getComplaint,
    ops.getComplaint,
    { tags, summary: '诉求详情（含办理时限与进展）' },
    async (request) =>
      complaintView(
        app.db,
        await ownComplaint(currentUser(request).id, request.params.complaintId),
        now(),
        'submitter',
        rules,
      ),
  )

  contractRoute(
    app,
    endpoints.takeComplaintAction,
    ops.takeComplaintAction,
    { tags, summary: '诉求人操作：撤回、补充材料、评价（回访后再评价）' },
    async (request) => {
      const userId = currentUser(request).id
      const action = actionFromBody(request.body, rules)
      const at = now()
      return app.db.transaction(async (tx) => {
        const row = await applyAction(tx, request.params.complaintId, action, 'submitter', at, rules, {
          ownerId: userId,
        })
        return complaintView(tx, row, at, 'submitter', rules)
      })
    },
  )

  contractRoute(
    app,
    endpoints.getComplaintPhoto,
    ops.getComplaintPhoto,
    { tags, summary: '诉求照片（仅诉求人本人）' },
    async (request, reply) => {
      const row = await ownComplaint(currentUser(request).id, request.params.complaintId)
      return sendAttachment(app.ctx, storage, row.id, request.params.attachmentId, reply)
    },
  )
}

/** The upload decoded and encoded again (see reencode-image); what does not decode is a 400. */
async function storedPhoto(body: Buffer, type: StoredImageType) {
  try {
    return await reencodeImage(body, type)
  } catch (error) {
    if (!(error instanceof ImageRefused)) throw error
    const message =
      error.reason === 'too-many-pixels'
        ? '图片像素过多（超过 1 亿像素），请缩小后再上传'
        : '图片无法识别，可能已损坏或并非真正的图片，请重新拍摄或选择'
    throw validationFailed([{ field: 'body', message }])
  }
}

/** A map point keeps its coordinates; a place typed as text is stored with null ones. */
function storedLocation(location: ComplaintLocationInput): ComplaintLocationInput {
  return {
    latitude: location.latitude ?? null,
    longitude: location.longitude ?? null,
    address: location.address.trim(),
  }
}
