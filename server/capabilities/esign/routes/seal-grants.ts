import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import * as endpoints from '../../../../src/contract/esign/endpoints'
import { ops } from '../../../../src/contract/esign/schemas'
import { currentEnterprise } from '../../../kernel/auth/enterprise-access'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { ApiError } from '../../../kernel/http/api-error'
import { listAudit } from '../seals/audit'
import { acceptGrant, acceptInvite, createGrant, listGrants, listMyGrants, revokeGrant } from '../seals/grants'
import { contractRoute } from '../../../kernel/http/contract-route'

const tags = ['seal-grants']

/**
 * Invite-code attempts per minute, per client address and per user: a code is 12 characters, so
 * guessing is hopeless anyway; the limits keep anyone from making it a load test. The sandbox
 * (development, tests, e2e: one address, many users) is looser; production never runs with it.
 */
export const ACCEPT_LIMIT_PER_ADDRESS_PER_MINUTE = 20
export const ACCEPT_LIMIT_PER_USER_PER_MINUTE = 5
const SANDBOX_ACCEPT_LIMIT_PER_MINUTE = 1000
export const ACCEPT_RATE_LIMITED_MESSAGE = '邀请码尝试过于频繁，请稍后再试'

/** preHandler (after requireUser): the per-user count, beside the per-address one of the route config. */
function acceptLimitPerUser(app: FastifyInstance) {
  const limit = app.createRateLimit({
    max: app.config.sandbox ? SANDBOX_ACCEPT_LIMIT_PER_MINUTE : ACCEPT_LIMIT_PER_USER_PER_MINUTE,
    timeWindow: 60_000,
    // Named, so the count cannot meet another limiter's in a shared store.
    keyGenerator: (request) => `seal-grants-accept:user:${currentUser(request).id}`,
  })
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const result = await limit(request)
    if (!result.isAllowed && result.isExceeded) {
      reply.header('retry-after', result.ttlInSeconds)
      throw new ApiError('RATE_LIMITED', { message: ACCEPT_RATE_LIMITED_MESSAGE })
    }
  }
}
const managed = { onRequest: requireUser, config: { enterpriseAction: 'grants:manage' } } as const

/** 印章授权 and 用章记录. */
export async function sealGrantRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    endpoints.createSealGrant,
    ops.createSealGrant,
    { ...managed, tags, summary: '授权经办人使用印章（按手机号或一次性邀请码），需签署密码或刷脸确认' },
    async (request, reply) => {
      const created = await createGrant(app.ctx, {
        userId: currentUser(request).id,
        enterpriseId: currentEnterprise(request).enterpriseId,
        ...request.body,
      })
      reply.status(201)
      return created
    },
  )

  contractRoute(
    app,
    endpoints.listSealGrants,
    ops.listSealGrants,
    { ...managed, tags, summary: '印章授权列表' },
    async (request) => listGrants(app.ctx, currentEnterprise(request).enterpriseId),
  )

  contractRoute(
    app,
    endpoints.revokeSealGrant,
    ops.revokeSealGrant,
    { ...managed, tags, summary: '撤销印章授权（立即生效）' },
    async (request) =>
      revokeGrant(
        app.ctx,
        currentUser(request).id,
        currentEnterprise(request).enterpriseId,
        request.params.grantId.toLowerCase(),
      ),
  )

  contractRoute(
    app,
    endpoints.acceptSealGrant,
    ops.acceptSealGrant,
    {
      onRequest: requireUser,
      preHandler: acceptLimitPerUser(app),
      config: {
        rateLimit: {
          max: app.config.sandbox ? SANDBOX_ACCEPT_LIMIT_PER_MINUTE : ACCEPT_LIMIT_PER_ADDRESS_PER_MINUTE,
          timeWindow: '1 minute',
          errorResponseBuilder: () => new ApiError('RATE_LIMITED', { message: ACCEPT_RATE_LIMITED_MESSAGE }),
        },
      },
      tags,
      summary: '经办人使用邀请码接受印章授权（按来源地址和用户限频）',
    },
    async (request) => acceptInvite(app.ctx, currentUser(request).id, request.body.inviteCode),
  )

  // The grantee's side: not enterprise-scoped, since they are not linked until they accept.
  contractRoute(
    app,
    endpoints.listMySealGrants,
    ops.listMySealGrants,
    { onRequest: requireUser, tags, summary: '给我的印章授权（待我确认的与生效中的）' },
    async (request) => listMyGrants(app.ctx, currentUser(request).id),
  )

  contractRoute(
    app,
    endpoints.acceptSealGrantById,
    ops.acceptSealGrantById,
    { onRequest: requireUser, tags, summary: '经办人确认接受按手机号发给自己的印章授权（确认后才关联该企业）' },
    async (request) => acceptGrant(app.ctx, currentUser(request).id, request.params.grantId.toLowerCase()),
  )

  contractRoute(
    app,
    endpoints.listSealAudit,
    ops.listSealAudit,
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'audit:read' },
      tags,
      summary: '用章记录（领取、授权、撤销、签署、拒绝、密码错误、刷脸失败）',
    },
    async (request) =>
      listAudit(app.db, currentEnterprise(request).enterpriseId, {
        before: request.query.before,
        limit: Number(request.query.limit ?? 50),
      }),
  )
}
