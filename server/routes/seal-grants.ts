import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type {
  AcceptSealGrantRequest,
  CreateSealGrantRequest,
  SealAuditPage,
  SealGrantCreated,
  MySealGrantView,
  SealGrantView,
} from '../contract-seals'
import { currentEnterprise, enterpriseIdSchema } from '../auth/enterprise-access'
import { currentUser, requireUser } from '../auth/require-user'
import { ApiError } from '../http/api-error'
import { listAudit } from '../seals/audit'
import { acceptGrant, acceptInvite, createGrant, listGrants, listMyGrants, revokeGrant } from '../seals/grants'
import { errorResponses, noQuerystring } from './schemas'
import { faceTicketSchema, pinSchema, sealGrantCreatedSchema, sealGrantViewSchema } from './seal-schemas'

const enterpriseParams = {
  type: 'object',
  required: ['enterpriseId'],
  additionalProperties: false,
  properties: { enterpriseId: enterpriseIdSchema },
} as const

const common = { tags: ['seal-grants'], security: [{ session: [] }] }

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
  app.post<{ Params: { enterpriseId: string }; Body: CreateSealGrantRequest }>(
    '/enterprises/:enterpriseId/seal-grants',
    {
      ...managed,
      schema: {
        ...common,
        summary: '授权经办人使用印章（按手机号或一次性邀请码），需签署密码或刷脸确认',
        params: enterpriseParams,
        querystring: noQuerystring,
        body: {
          type: 'object',
          required: ['grantee', 'sealIds', 'validUntil'],
          additionalProperties: false,
          properties: {
            grantee: {
              oneOf: [
                {
                  type: 'object',
                  required: ['phone'],
                  additionalProperties: false,
                  properties: { phone: { type: 'string', pattern: '^1[3-9][0-9]{9}$' } },
                },
                {
                  type: 'object',
                  required: ['invite'],
                  additionalProperties: false,
                  properties: { invite: { const: true } },
                },
              ],
            },
            sealIds: { type: 'array', minItems: 1, maxItems: 10, items: { type: 'string', format: 'uuid' } },
            validUntil: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
            pin: pinSchema,
            ticket: faceTicketSchema,
          },
        },
        response: { 201: sealGrantCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply): Promise<SealGrantCreated> => {
      const created = await createGrant(app, {
        userId: currentUser(request).id,
        enterpriseId: currentEnterprise(request).enterpriseId,
        ...request.body,
      })
      reply.status(201)
      return created
    },
  )

  app.get<{ Params: { enterpriseId: string } }>(
    '/enterprises/:enterpriseId/seal-grants',
    {
      ...managed,
      schema: {
        ...common,
        summary: '印章授权列表',
        params: enterpriseParams,
        querystring: noQuerystring,
        response: { 200: { type: 'array', items: sealGrantViewSchema }, ...errorResponses },
      },
    },
    async (request): Promise<SealGrantView[]> => listGrants(app.db, currentEnterprise(request).enterpriseId),
  )

  app.delete<{ Params: { enterpriseId: string; grantId: string } }>(
    '/enterprises/:enterpriseId/seal-grants/:grantId',
    {
      ...managed,
      schema: {
        ...common,
        summary: '撤销印章授权（立即生效）',
        params: {
          type: 'object',
          required: ['enterpriseId', 'grantId'],
          additionalProperties: false,
          properties: { enterpriseId: enterpriseIdSchema, grantId: { type: 'string', format: 'uuid' } },
        },
        querystring: noQuerystring,
        response: { 200: sealGrantViewSchema, ...errorResponses },
      },
    },
    async (request): Promise<SealGrantView> =>
      revokeGrant(
        app,
        currentUser(request).id,
        currentEnterprise(request).enterpriseId,
        request.params.grantId.toLowerCase(),
      ),
  )

  app.post<{ Body: AcceptSealGrantRequest }>(
    '/seal-grants/accept',
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
      schema: {
        ...common,
        summary: '经办人使用邀请码接受印章授权（按来源地址和用户限频）',
        querystring: noQuerystring,
        body: {
          type: 'object',
          required: ['inviteCode'],
          additionalProperties: false,
          properties: { inviteCode: { type: 'string', minLength: 12, maxLength: 20 } },
        },
        response: { 200: sealGrantViewSchema, ...errorResponses },
      },
    },
    async (request): Promise<SealGrantView> => acceptInvite(app, currentUser(request).id, request.body.inviteCode),
  )

  // The grantee's side: not enterprise-scoped, since they are not linked until they accept.
  app.get(
    '/me/seal-grants',
    {
      onRequest: requireUser,
      schema: {
        ...common,
        summary: '给我的印章授权（待我确认的与生效中的）',
        querystring: noQuerystring,
        response: {
          200: {
            type: 'array',
            items: {
              ...sealGrantViewSchema,
              required: [...sealGrantViewSchema.required, 'enterpriseName'],
              properties: { ...sealGrantViewSchema.properties, enterpriseName: { type: 'string' } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request): Promise<MySealGrantView[]> => listMyGrants(app.db, currentUser(request).id),
  )

  app.post<{ Params: { grantId: string } }>(
    '/seal-grants/:grantId/accept',
    {
      onRequest: requireUser,
      schema: {
        ...common,
        summary: '经办人确认接受按手机号发给自己的印章授权（确认后才关联该企业）',
        params: {
          type: 'object',
          required: ['grantId'],
          additionalProperties: false,
          properties: { grantId: { type: 'string', format: 'uuid' } },
        },
        querystring: noQuerystring,
        response: { 200: sealGrantViewSchema, ...errorResponses },
      },
    },
    async (request): Promise<SealGrantView> =>
      acceptGrant(app, currentUser(request).id, request.params.grantId.toLowerCase()),
  )

  app.get<{ Params: { enterpriseId: string }; Querystring: { before?: string; limit?: string } }>(
    '/enterprises/:enterpriseId/seal-audit',
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'audit:read' },
      schema: {
        ...common,
        summary: '用章记录（领取、授权、撤销、签署、拒绝、密码错误、刷脸失败）',
        params: enterpriseParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            before: { type: 'string', pattern: '^[0-9]{1,18}$' },
            limit: { type: 'string', pattern: '^([1-9]|[1-9][0-9]|100)$' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['items', 'nextCursor'],
            additionalProperties: false,
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'action', 'actor', 'sealId', 'grantId', 'taskId', 'detail', 'at'],
                  additionalProperties: false,
                  properties: {
                    id: { type: 'string' },
                    action: { type: 'string' },
                    actor: {
                      type: 'object',
                      required: ['userId', 'nameMasked'],
                      additionalProperties: false,
                      properties: { userId: { type: ['string', 'null'] }, nameMasked: { type: ['string', 'null'] } },
                    },
                    sealId: { type: ['string', 'null'] },
                    grantId: { type: ['string', 'null'] },
                    taskId: { type: ['string', 'null'] },
                    detail: { type: 'string' },
                    at: { type: 'string', format: 'date-time' },
                    reasonCode: { type: ['string', 'null'] },
                  },
                },
              },
              nextCursor: { type: ['string', 'null'] },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request): Promise<SealAuditPage> =>
      listAudit(app.db, currentEnterprise(request).enterpriseId, {
        before: request.query.before,
        limit: Number(request.query.limit ?? 50),
      }),
  )
}
