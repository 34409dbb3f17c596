import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/policies/endpoints'
import { ops } from '../../../../src/contract/policies/schemas'
import { requireAdmin } from '../../../kernel/auth/require-admin'
import { ApiError } from '../../../kernel/http/api-error'
import { todayInChina } from '../../../kernel/http/today'
import { validationError } from '../../../kernel/http/input-errors'
import { allPolicies, findPolicy, insertDraft, setStatus, toPolicyView, updateBody } from '../policy-repo'
import { pushPolicy } from '../policy-push'
import { deliverPolicyNotices, policyTemplates } from '../policy-notices'
import { deliverAfterCommit } from '../../../kernel/notify/notice-context'
import { LockBusyError } from '../../../kernel/jobs/advisory-lock'
import { runPolicyDigestLocked } from '../jobs/policy-digest'
import { policyProblems, type Policy } from '../../../../src/domain/policies/policy'
import { regionName } from '../../../../src/domain/regions/regionNames'
import { contractRoute } from '../../../kernel/http/contract-route'

const tags = ['admin']

/** Checked by the domain (policyProblems), not by a JSON schema: its messages are the ones staff read. */
function validPolicy(input: unknown): Policy {
  const problems = policyProblems(input)
  // The domain checks the code's form; only the server holds the region table to know it exists.
  const regionCode = (input as { regionCode?: unknown } | null)?.regionCode
  if (problems.length === 0 && typeof regionCode === 'string' && regionName(regionCode) === null)
    problems.push({ path: 'regionCode', message: `没有行政区划代码为 ${regionCode} 的地区` })
  if (problems.length > 0) {
    throw validationError(problems.map((problem) => ({ field: problem.path || 'body', message: problem.message })))
  }
  return input as Policy
}

/** 政策管理: drafts, publication (which pushes 新政策 to matching enterprises) and withdrawal. */
export async function adminPolicyRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    endpoints.adminListPolicies,
    ops.adminListPolicies,
    { onRequest: requireAdmin, tags, summary: '全部政策（含草稿和已下架），最近修改的在前' },
    async () => {
      const today = todayInChina(app)
      return (await allPolicies(app.db)).map((row) => toPolicyView(row, today))
    },
  )

  contractRoute(
    app,
    endpoints.adminCreatePolicy,
    ops.adminCreatePolicy,
    { onRequest: requireAdmin, tags, summary: '新建政策草稿（政策内容由 policyProblems 校验，不合格时 400 且不保存）' },
    async (request, reply) => {
      const policy = validPolicy(request.body)
      if (!(await insertDraft(app.db, policy))) throw new ApiError('POLICY_DUPLICATE')
      const row = await findPolicy(app.db, policy.id)
      request.log.info({ policyId: policy.id }, 'policy draft created')
      reply.code(201)
      return toPolicyView(row!, todayInChina(app))
    },
  )

  contractRoute(
    app,
    endpoints.adminUpdatePolicy,
    ops.adminUpdatePolicy,
    { onRequest: requireAdmin, tags, summary: '修改政策内容（已下架的不能修改）' },
    async (request) => {
      const policy = validPolicy(request.body)
      if (policy.id !== request.params.id) {
        throw validationError([{ field: 'id', message: '政策编号与地址中的编号不一致' }])
      }
      const existing = await findPolicy(app.db, policy.id)
      if (!existing) throw new ApiError('POLICY_NOT_FOUND')
      if (existing.status === 'withdrawn') throw new ApiError('POLICY_WITHDRAWN')
      const row = await updateBody(app.db, policy)
      return toPolicyView(row!, todayInChina(app))
    },
  )

  contractRoute(
    app,
    endpoints.adminPublishPolicy,
    ops.adminPublishPolicy,
    {
      onRequest: requireAdmin,
      tags,
      summary: '发布政策，并向可申报企业的关联用户推送「新政策」消息（重复发布不重复推送）',
    },
    async (request) => {
      const existing = await findPolicy(app.db, request.params.id)
      if (!existing) throw new ApiError('POLICY_NOT_FOUND')
      if (existing.status === 'withdrawn') throw new ApiError('POLICY_WITHDRAWN')
      const row = (await setStatus(app.db, existing.id, 'published'))!
      const today = todayInChina(app)
      const { platformRows, ...report } = await pushPolicy(app.db, row.body, today, {
        pushNear: app.config.policies.pushNear,
        templates: policyTemplates(app.config, app.messageSenders),
      })
      const tally = platformRows
        ? await deliverAfterCommit(app, 'policy push', (ctx) =>
            deliverPolicyNotices(ctx, { policyId: row.id, digest: false }),
          )
        : null
      request.log.info({ policyId: row.id, ...report, subscribe: tally }, 'policy published')
      return { policy: toPolicyView(row, today), ...report, subscribeSent: tally?.sent ?? 0 }
    },
  )

  contractRoute(
    app,
    endpoints.adminWithdrawPolicy,
    ops.adminWithdrawPolicy,
    { onRequest: requireAdmin, tags, summary: '下架政策：不再展示、匹配或推送' },
    async (request) => {
      const row = await setStatus(app.db, request.params.id, 'withdrawn')
      if (!row) throw new ApiError('POLICY_NOT_FOUND')
      request.log.info({ policyId: row.id }, 'policy withdrawn')
      return toPolicyView(row, todayInChina(app))
    },
  )

  contractRoute(
    app,
    endpoints.sendWeeklyDigest,
    ops.sendWeeklyDigest,
    {
      onRequest: requireAdmin,
      tags,
      summary: '发送新政策周报（给选择每周汇总的用户；已推送过的不再重复；各实例同一时间只运行一个）',
    },
    async (request) => {
      const days = request.query.days === undefined ? 7 : Number(request.query.days)
      const since = new Date(app.clock() - days * 24 * 3600 * 1000)
      try {
        const report = await runPolicyDigestLocked(app, since)
        request.log.info(report, 'policy weekly digest sent')
        return report
      } catch (error) {
        if (error instanceof LockBusyError) throw new ApiError('JOB_IN_PROGRESS', { cause: error.message })
        throw error
      }
    },
  )
}
