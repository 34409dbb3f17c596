import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../src/contract/complaints/endpoints'
import { ops, type ComplaintView } from '../../../src/contract/complaints/schemas'
import { ApiError } from '../../kernel/http/api-error'
import { contractRoute } from '../../kernel/http/contract-route'
import { isValidQueryCode } from '../../../src/domain/complaints/queryCode'
import { findByQueryCodeHash } from './complaint-repo'
import { complaintView, instantOf, queryCodeHash } from './complaint-service'

/** Per client address and minute in production; the sandbox (development, tests, e2e) is looser. */
export const BY_CODE_LIMIT_PER_MINUTE = 20
const SANDBOX_LIMIT_PER_MINUTE = 1000
const tags = ['complaints']

export const BY_CODE_RATE_LIMITED_MESSAGE = '查询过于频繁，请稍后再试'

/**
 * What the holder of a query code sees, without a session: the case's content, state, time limit and
 * steps. The code is all they prove, so nothing about who submitted it (the account, a phone) is
 * answered, no step is offered (taking one needs the submitter's session), and photos are left out:
 * they are served only to the submitter's session, and serving them by code would make a code in a
 * URL (proxy and access logs) enough to fetch them.
 */
export function anonymousView(view: ComplaintView): ComplaintView {
  return { ...view, contactPhoneMasked: null, attachments: [], availableActions: [] }
}

/**
 * GET /complaints/by-code/:code — open to anyone with the code (an anonymous submitter follows the
 * case with it instead of notifications), rate-limited per client address so codes cannot be guessed
 * in bulk. Only anonymous cases have a code.
 */
export async function complaintByCodeRoute(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    endpoints.getComplaintByCode,
    ops.getComplaintByCode,
    {
      config: {
        rateLimit: {
          max: app.config.sandbox ? SANDBOX_LIMIT_PER_MINUTE : BY_CODE_LIMIT_PER_MINUTE,
          timeWindow: '1 minute',
          errorResponseBuilder: () => new ApiError('RATE_LIMITED', { message: BY_CODE_RATE_LIMITED_MESSAGE }),
        },
      },
      tags,
      summary: '凭查询码查看匿名诉求（无需登录；按来源地址限频）',
    },
    async (request) => {
      if (!isValidQueryCode(request.params.code)) {
        const message = '查询码有误，请核对后重新输入'
        throw new ApiError('VALIDATION_FAILED', {
          message: `请求参数有误：${message}`,
          details: [{ field: 'code', message }],
        })
      }
      const row = await findByQueryCodeHash(app.db, queryCodeHash(request.params.code))
      if (!row || !row.anonymous) throw new ApiError('COMPLAINT_NOT_FOUND')
      return anonymousView(
        await complaintView(app.db, row, instantOf(app.clock()), 'submitter', app.config.complaintRules),
      )
    },
  )
}
