import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/esign/endpoints'
import { ops } from '../../../../src/contract/esign/schemas'
import { currentSystem, requireSystem } from '../../../kernel/auth/require-system'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { ApiError } from '../../../kernel/http/api-error'
import { confirmSignTask, rejectSignTask, scanSignTask, sendSignDocumentTo } from '../signing/sign-task-actions'
import { createSignTask } from '../signing/sign-task-create'
import { findTask, signTaskView } from '../signing/sign-task-store'
import type { AttachmentStorage } from '../../../kernel/storage/attachment-storage'
import { contractRoute } from '../../../kernel/http/contract-route'
import { signDocumentViewAllows } from '../signing/sign-document-view'
import { SIGN_DOCUMENT_GONE } from '../signing/sign-task-document'

/** A 10 MB document in base64, plus the JSON around it. */
const CREATE_BODY_LIMIT = 15 * 1024 * 1024

const tags = ['sign-tasks']
/** The task names the enterprise; planSigners checks seal:sign and the live grant for each slot. */
const signing = { enterpriseAction: 'seal:sign' } as const

/** 扫码签章: systems create tasks and poll them; the app scans, opens the document, confirms or rejects. */
export async function signTaskRoutes(app: FastifyInstance, options: { storage: AttachmentStorage }): Promise<void> {
  const { storage } = options
  contractRoute(
    app,
    endpoints.createSignTask,
    ops.createSignTask,
    {
      onRequest: requireSystem('sign-tasks'),
      bodyLimit: CREATE_BODY_LIMIT,
      tags,
      summary: '外部系统创建签章任务（返回一次性票据与二维码内容）',
    },
    async (request, reply) => {
      const created = await createSignTask(app.esignCtx, storage, currentSystem(request), request.body)
      reply.status(201)
      return created
    },
  )

  contractRoute(
    app,
    endpoints.getSignTask,
    ops.getSignTask,
    { onRequest: requireSystem('sign-tasks'), tags, summary: '外部系统查询签章任务状态与签章结果' },
    async (request) => {
      const task = await findTask(app.db, 'id', request.params.taskId.toLowerCase())
      // Another system's task reads as unknown.
      if (!task || task.system_id !== currentSystem(request).id) throw new ApiError('SIGN_TASK_NOT_FOUND')
      return signTaskView(app.db, task, app.clock())
    },
  )

  contractRoute(
    app,
    endpoints.scanSignTask,
    ops.scanSignTask,
    { onRequest: requireUser, config: signing, tags, summary: '扫码：解析签章票据，校验用章权限并返回签署预览' },
    async (request) => scanSignTask(app.esignCtx, currentUser(request).id, request.body.ticket),
  )

  contractRoute(
    app,
    endpoints.getSignTaskDocument,
    ops.getSignTaskDocument,
    {
      // A frame cannot send the session header: a view link (?view=…, from the preview) stands in
      // for it, for this one document only; with neither, 401 as before.
      onRequest: async (request) => {
        const { view } = request.query as { view?: unknown }
        if (typeof view === 'string' && request.headers.authorization === undefined) return
        await requireUser(request)
      },
      tags,
      summary:
        '签署前查看文件：仅扫码人可取（任务须为其扫码、未过期或已由其签署）；view 为预览给出的内嵌查看票据，可代替会话',
    },
    async (request, reply) => {
      const taskId = request.params.taskId.toLowerCase()
      if (request.user) return sendSignDocumentTo(app.esignCtx, storage, currentUser(request).id, taskId, reply)
      // The link names no one: it holds only for the person who scanned the task, checked here and
      // then again, like a session, by sendSignDocumentTo. Any failure reads as a missing document.
      const scannedBy = (await findTask(app.db, 'id', taskId))?.scanned_by ?? null
      const view = request.query.view ?? ''
      if (!scannedBy || !signDocumentViewAllows(app.signing.idHashSecret, view, taskId, scannedBy, app.clock())) {
        throw new ApiError('NOT_FOUND', { message: SIGN_DOCUMENT_GONE })
      }
      return sendSignDocumentTo(app.esignCtx, storage, scannedBy, taskId, reply)
    },
  )

  contractRoute(
    app,
    endpoints.confirmSignTask,
    ops.confirmSignTask,
    {
      onRequest: requireUser,
      config: signing,
      tags,
      summary: '确认签署（刷脸票据 sign:<taskId> 或签署密码），服务端完成签章',
    },
    async (request) =>
      confirmSignTask(app.esignCtx, currentUser(request).id, request.params.taskId.toLowerCase(), request.body),
  )

  contractRoute(
    app,
    endpoints.rejectSignTask,
    ops.rejectSignTask,
    { onRequest: requireUser, config: signing, tags, summary: '拒绝签署' },
    async (request) =>
      rejectSignTask(app.esignCtx, currentUser(request).id, request.params.taskId.toLowerCase(), request.body?.reason),
  )
}
