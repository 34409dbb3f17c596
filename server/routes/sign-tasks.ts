import type { FastifyInstance } from 'fastify'
import type {
  ConfirmSignTaskRequest,
  CreateSignTaskRequest,
  RejectSignTaskRequest,
  ScanSignTaskRequest,
  SignTaskCreated,
  SignTaskPreview,
  SignTaskView,
} from '../contract-seals'
import { currentSystem, requireSystem } from '../auth/require-system'
import { currentUser, requireUser } from '../auth/require-user'
import { ApiError } from '../http/api-error'
import { confirmSignTask, rejectSignTask, scanSignTask, sendSignDocumentTo } from '../signing/sign-task-actions'
import { createSignTask } from '../signing/sign-task-create'
import { findTask, signTaskView } from '../signing/sign-task-store'
import type { AttachmentStorage } from '../storage/attachment-storage'
import { SIGN_TICKET_TTL_SECONDS } from '../../src/domain/signing/signTask'
import { AMOUNT_FEN_MAX, DOCUMENT_TYPES } from '../../src/domain/signing/sealRules'
import { errorResponses, noQuerystring } from './schemas'
import { faceTicketSchema, pinSchema, sealTypeSchema, signTaskPreviewSchema, signTaskViewSchema } from './seal-schemas'
import { SIGN_DOCUMENT_VIEW_PATTERN, signDocumentViewAllows } from '../signing/sign-document-view'
import { SIGN_DOCUMENT_GONE } from '../signing/sign-task-document'

/** A 10 MB document in base64, plus the JSON around it. */
const CREATE_BODY_LIMIT = 15 * 1024 * 1024

const taskParams = {
  type: 'object',
  required: ['taskId'],
  additionalProperties: false,
  properties: { taskId: { type: 'string', format: 'uuid' } },
} as const

const systemCommon = { tags: ['sign-tasks'], security: [{ systemKey: [] }], querystring: noQuerystring }
const appCommon = { tags: ['sign-tasks'], security: [{ session: [] }], querystring: noQuerystring }
/** The task names the enterprise; planSigners checks seal:sign and the live grant for each slot. */
const signing = { enterpriseAction: 'seal:sign' } as const

/** 扫码签章: systems create tasks and poll them; the app scans, opens the document, confirms or rejects. */
export async function signTaskRoutes(app: FastifyInstance, options: { storage: AttachmentStorage }): Promise<void> {
  const { storage } = options
  app.post<{ Body: CreateSignTaskRequest }>(
    '/sign-tasks',
    {
      onRequest: requireSystem('sign-tasks'),
      bodyLimit: CREATE_BODY_LIMIT,
      schema: {
        ...systemCommon,
        summary: '外部系统创建签章任务（返回一次性票据与二维码内容）',
        body: {
          type: 'object',
          required: ['enterpriseUscc', 'signers', 'documentName'],
          additionalProperties: false,
          properties: {
            enterpriseUscc: { type: 'string', minLength: 1, maxLength: 32 },
            signers: {
              type: 'array',
              minItems: 1,
              maxItems: 10,
              items: {
                oneOf: [
                  {
                    type: 'object',
                    required: ['sealType'],
                    additionalProperties: false,
                    properties: { sealType: sealTypeSchema },
                  },
                  {
                    type: 'object',
                    required: ['personalSignature'],
                    additionalProperties: false,
                    properties: {
                      personalSignature: {
                        type: 'object',
                        required: ['role'],
                        additionalProperties: false,
                        properties: {
                          role: { type: 'string', enum: ['legal_representative', 'handler'] },
                          phone: { type: 'string', pattern: '^1[3-9][0-9]{9}$' },
                        },
                      },
                    },
                  },
                ],
              },
            },
            documentName: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
            documentSm3: { type: 'string', maxLength: 64 },
            document: { type: 'string', maxLength: 14 * 1024 * 1024 },
            callbackUrl: { type: 'string', maxLength: 2000 },
            expiresInSeconds: {
              type: 'integer',
              minimum: SIGN_TICKET_TTL_SECONDS.min,
              maximum: SIGN_TICKET_TTL_SECONDS.max,
            },
            documentType: { type: 'string', enum: [...DOCUMENT_TYPES] },
            amountFen: { type: 'integer', minimum: 0, maximum: AMOUNT_FEN_MAX, description: '金额，单位：分（整数）' },
          },
        },
        response: {
          201: {
            type: 'object',
            required: ['taskId', 'ticket', 'qrContent', 'expiresAt'],
            additionalProperties: false,
            properties: {
              taskId: { type: 'string', format: 'uuid' },
              ticket: { type: 'string' },
              qrContent: { type: 'string' },
              expiresAt: { type: 'string', format: 'date-time' },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply): Promise<SignTaskCreated> => {
      const created = await createSignTask(app, storage, currentSystem(request), request.body)
      reply.status(201)
      return created
    },
  )

  app.get<{ Params: { taskId: string } }>(
    '/sign-tasks/:taskId',
    {
      onRequest: requireSystem('sign-tasks'),
      schema: {
        ...systemCommon,
        summary: '外部系统查询签章任务状态与签章结果',
        params: taskParams,
        response: { 200: signTaskViewSchema, ...errorResponses },
      },
    },
    async (request): Promise<SignTaskView> => {
      const task = await findTask(app.db, 'id', request.params.taskId.toLowerCase())
      // Another system's task reads as unknown.
      if (!task || task.system_id !== currentSystem(request).id) throw new ApiError('SIGN_TASK_NOT_FOUND')
      return signTaskView(app.db, task)
    },
  )

  app.post<{ Body: ScanSignTaskRequest }>(
    '/sign-tasks/scan',
    {
      onRequest: requireUser,
      config: signing,
      schema: {
        ...appCommon,
        summary: '扫码：解析签章票据，校验用章权限并返回签署预览',
        body: {
          type: 'object',
          required: ['ticket'],
          additionalProperties: false,
          properties: { ticket: { type: 'string', minLength: 1, maxLength: 64 } },
        },
        response: { 200: signTaskPreviewSchema, ...errorResponses },
      },
    },
    async (request): Promise<SignTaskPreview> => scanSignTask(app, currentUser(request).id, request.body.ticket),
  )

  app.get<{ Params: { taskId: string }; Querystring: { view?: string } }>(
    '/sign-tasks/:taskId/document',
    {
      // A frame cannot send the session header: a view link (?view=…, from the preview) stands in
      // for it, for this one document only; with neither, 401 as before.
      onRequest: async (request) => {
        const { view } = request.query as { view?: unknown }
        if (typeof view === 'string' && request.headers.authorization === undefined) return
        await requireUser(request)
      },
      schema: {
        ...appCommon,
        summary:
          '签署前查看文件：仅扫码人可取（任务须为其扫码、未过期或已由其签署）；view 为预览给出的内嵌查看票据，可代替会话',
        params: taskParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { view: { type: 'string', pattern: SIGN_DOCUMENT_VIEW_PATTERN } },
        },
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const taskId = request.params.taskId.toLowerCase()
      if (request.user) return sendSignDocumentTo(app, storage, currentUser(request).id, taskId, reply)
      // The link names no one: it holds only for the person who scanned the task, checked here and
      // then again, like a session, by sendSignDocumentTo. Any failure reads as a missing document.
      const scannedBy = (await findTask(app.db, 'id', taskId))?.scanned_by ?? null
      const view = request.query.view ?? ''
      if (!scannedBy || !signDocumentViewAllows(app.signing.idHashSecret, view, taskId, scannedBy, app.clock())) {
        throw new ApiError('NOT_FOUND', { message: SIGN_DOCUMENT_GONE })
      }
      return sendSignDocumentTo(app, storage, scannedBy, taskId, reply)
    },
  )

  app.post<{ Params: { taskId: string }; Body: ConfirmSignTaskRequest }>(
    '/sign-tasks/:taskId/confirm',
    {
      onRequest: requireUser,
      config: signing,
      schema: {
        ...appCommon,
        summary: '确认签署（刷脸票据 sign:<taskId> 或签署密码），服务端完成签章',
        params: taskParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { ticket: faceTicketSchema, pin: pinSchema },
        },
        response: { 200: signTaskViewSchema, ...errorResponses },
      },
    },
    async (request): Promise<SignTaskView> =>
      confirmSignTask(app, currentUser(request).id, request.params.taskId.toLowerCase(), request.body),
  )

  app.post<{ Params: { taskId: string }; Body: RejectSignTaskRequest | undefined }>(
    '/sign-tasks/:taskId/reject',
    {
      onRequest: requireUser,
      config: signing,
      schema: {
        ...appCommon,
        summary: '拒绝签署',
        params: taskParams,
        body: {
          type: ['object', 'null'],
          additionalProperties: false,
          properties: { reason: { type: 'string', maxLength: 200 } },
        },
        response: { 200: signTaskViewSchema, ...errorResponses },
      },
    },
    async (request): Promise<SignTaskView> =>
      rejectSignTask(app, currentUser(request).id, request.params.taskId.toLowerCase(), request.body?.reason),
  )
}
