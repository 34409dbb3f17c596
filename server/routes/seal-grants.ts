import type { FastifyInstance } from 'fastify'
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
      schema: {
        ...common,
        summary: '经办人使用邀请码接受印章授权',
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
