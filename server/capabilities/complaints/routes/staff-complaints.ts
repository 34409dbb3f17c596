import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as endpoints from '../../../../src/contract/complaints/endpoints'
import { ops, type ComplaintView } from '../../../../src/contract/complaints/schemas'
import { requireAdmin } from '../../../kernel/auth/require-admin'
import { ApiError } from '../../../kernel/http/api-error'
import type { AttachmentStorage } from '../../../kernel/storage/attachment-storage'
import { actionFromBody } from '../action-input'
import { findComplaint, listComplaints } from '../complaint-repo'
import { applyAction, complaintView, instantOf, rulesOfRow } from '../complaint-service'
import { sendAttachment } from '../attachment-reply'
import { complaintTemplates, deliverComplaintNotices } from '../complaint-notices'
import { deliverAfterCommit } from '../../../kernel/notify/notice-context'
import { instantMs } from '../../../../src/domain/complaints/complaintCase'
import { isLate, needsSupervision, slaStatus, SUPERVISABLE_STATES } from '../../../../src/domain/complaints/sla'
import { characterCount } from '../../../../src/domain/complaints/validation'
import { contractRoute } from '../../../kernel/http/contract-route'

export interface StaffComplaintRoutesOptions {
  storage: AttachmentStorage
}

const MAX_STAFF_NAME_CHARS = 32

function hasControlCharacter(text: string): boolean {
  return Array.from(text).some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
}

/**
 * The staff member taking a step: `X-Staff-Name`, percent-encoded (HTTP headers carry ASCII, so
 * 张三 arrives as %E5%BC%A0%E4%B8%89). Recorded on the timeline entry of every staff step.
 */
function staffNameOf(request: FastifyRequest): string {
  const raw = request.headers['x-staff-name']
  const value = Array.isArray(raw) ? raw[0] : raw
  let name = ''
  try {
    name = decodeURIComponent(value ?? '').trim()
  } catch {
    name = ''
  }
  if (name === '' || characterCount(name) > MAX_STAFF_NAME_CHARS || hasControlCharacter(name)) {
    const message = `请在 X-Staff-Name 请求头中填写经办人姓名（URL 编码，不超过 ${MAX_STAFF_NAME_CHARS} 个字）`
    throw new ApiError('VALIDATION_FAILED', {
      message: `请求参数有误：${message}`,
      details: [{ field: 'X-Staff-Name', message }],
    })
  }
  return name
}

const tags = ['staff-complaints']

/** 12345 工作台: the hotline's side of 有诉即办, behind ADMIN_API_KEY. */
export async function staffComplaintRoutes(app: FastifyInstance, options: StaffComplaintRoutesOptions): Promise<void> {
  app.addHook('onRequest', requireAdmin)
  const now = () => instantOf(app.clock())
  // Subscribe-message templates of the channels that have a sender.
  const notices = complaintTemplates(app.config, app.messageSenders)
  const rules = app.config.complaintRules

  contractRoute(
    app,
    endpoints.staffListComplaints,
    ops.staffListComplaints,
    { tags, summary: '诉求工单列表（按状态、是否超期筛选）' },
    async (request) => {
      const at = now()
      const { state, overdue } = request.query
      const rows = await listComplaints(app.db, state ? [state] : null)
      const items: ComplaintView[] = []
      for (const row of rows) {
        if (overdue !== undefined) {
          const late = isLate(slaStatus(row.case_data, at, rulesOfRow(row, rules)))
          if (late !== (overdue === 'true')) continue
        }
        items.push(await complaintView(app.db, row, at, 'staff', rules))
      }
      return { items }
    },
  )

  contractRoute(
    app,
    endpoints.staffGetComplaint,
    ops.staffGetComplaint,
    { tags, summary: '诉求工单详情' },
    async (request) => {
      const row = await findComplaint(app.db, request.params.complaintId)
      if (!row) throw new ApiError('COMPLAINT_NOT_FOUND')
      return complaintView(app.db, row, now(), 'staff', rules)
    },
  )

  contractRoute(
    app,
    endpoints.staffTakeAction,
    ops.staffTakeAction,
    { tags, summary: '工作人员操作：受理、交办、办理、退回补充、答复、办结、回访、整改（须带 X-Staff-Name）' },
    async (request) => {
      const staffName = staffNameOf(request)
      const action = actionFromBody(request.body, rules)
      const at = now()
      const view = await app.db.transaction(async (tx) => {
        const row = await applyAction(tx, request.params.complaintId, action, 'staff', at, rules, {
          staffName,
          notices,
        })
        return complaintView(tx, row, at, 'staff', rules)
      })
      await deliverAfterCommit(app, 'complaint step', (ctx) => deliverComplaintNotices(ctx, { complaintId: view.id }))
      request.log.info({ complaintId: view.id, step: action.type }, 'complaint step by staff')
      return view
    },
  )

  contractRoute(
    app,
    endpoints.staffGetComplaintPhoto,
    ops.staffGetComplaintPhoto,
    { tags, summary: '诉求照片' },
    async (request, reply) =>
      sendAttachment(app.ctx, options.storage, request.params.complaintId, request.params.attachmentId, reply),
  )

  contractRoute(
    app,
    endpoints.superviseComplaints,
    ops.superviseComplaints,
    { tags, summary: '超期督办：把已超期、仍在计时且未督办的诉求标记为「已督办」' },
    async (request) => {
      const at = request.body?.now ? instantOf(Date.parse(request.body.now)) : now()
      const rows = await listComplaints(app.db, SUPERVISABLE_STATES)
      const supervised: string[] = []
      for (const row of rows) {
        const complaint = row.case_data
        if (instantMs(at) < instantMs(complaint.updatedAt) || !needsSupervision(complaint, at, rulesOfRow(row, rules)))
          continue
        try {
          await app.db.transaction((tx) =>
            applyAction(tx, row.id, { type: 'supervise' }, 'system', at, rules, { notices }),
          )
          supervised.push(row.id)
          await deliverAfterCommit(app, 'complaint supervised', (ctx) =>
            deliverComplaintNotices(ctx, { complaintId: row.id }),
          )
        } catch (error) {
          // Moved on (replied, supervised) by someone else since the list was read: nothing to do.
          if (!(error instanceof ApiError && error.code === 'COMPLAINT_ACTION_REFUSED')) throw error
        }
      }
      request.log.info({ supervised: supervised.length }, 'complaints supervised')
      return { supervised }
    },
  )
}
