import type { FastifyInstance } from 'fastify'
import type { EnterpriseMember } from '../../../contract'
import { currentEnterprise, enterpriseIdSchema } from '../../../kernel/auth/enterprise-access'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { listMembers, removeMember } from '../members'
import { enterpriseRoleSchema, errorResponses, noQuerystring } from '../../../kernel/http/schemas'
import { sealGrantViewSchema } from '../../esign/routes/seal-schemas'

const common = { tags: ['enterprises'], security: [{ session: [] }], querystring: noQuerystring }
const managed = { onRequest: requireUser, config: { enterpriseAction: 'members:manage' } } as const

const memberSchema = {
  type: 'object',
  required: ['userId', 'nameMasked', 'phoneMasked', 'role', 'isSelf', 'active', 'linkedAt', 'grants'],
  additionalProperties: false,
  properties: {
    userId: { type: 'string', format: 'uuid' },
    nameMasked: { type: ['string', 'null'] },
    phoneMasked: { type: ['string', 'null'] },
    role: enterpriseRoleSchema,
    isSelf: { type: 'boolean' },
    active: { type: 'boolean' },
    linkedAt: { type: 'string', format: 'date-time' },
    grants: { type: 'array', items: sealGrantViewSchema },
  },
} as const

/** 企业成员 (legal representative): who is linked, with their grants; removing one ends all they had. */
export async function memberRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { enterpriseId: string } }>(
    '/enterprises/:enterpriseId/members',
    {
      ...managed,
      schema: {
        ...common,
        summary: '企业成员（关联该企业的人、身份与印章授权）',
        params: {
          type: 'object',
          required: ['enterpriseId'],
          additionalProperties: false,
          properties: { enterpriseId: enterpriseIdSchema },
        },
        response: { 200: { type: 'array', items: memberSchema }, ...errorResponses },
      },
    },
    async (request): Promise<EnterpriseMember[]> =>
      listMembers(app.ctx, currentEnterprise(request).enterpriseId, currentUser(request).id),
  )

  app.delete<{ Params: { enterpriseId: string; userId: string } }>(
    '/enterprises/:enterpriseId/members/:userId',
    {
      ...managed,
      schema: {
        ...common,
        summary: '移除企业成员：解除关联并立即撤销其全部印章授权（可重复调用）',
        params: {
          type: 'object',
          required: ['enterpriseId', 'userId'],
          additionalProperties: false,
          properties: { enterpriseId: enterpriseIdSchema, userId: { type: 'string', format: 'uuid' } },
        },
        response: { 204: { type: 'null' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeMember(app.ctx, {
        actorUserId: currentUser(request).id,
        enterpriseId: currentEnterprise(request).enterpriseId,
        userId: request.params.userId.toLowerCase(),
      })
      return reply.status(204).send()
    },
  )
}
