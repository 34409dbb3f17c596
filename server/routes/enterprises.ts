import type { FastifyInstance } from 'fastify'
import type { EnterpriseProfile, EnterpriseSummary } from '../contract'
import { currentEnterprise, enterpriseIdParamsSchema } from '../auth/enterprise-access'
import { currentUser, requireUser } from '../auth/require-user'
import { ApiError } from '../http/api-error'
import { findUserEnterprise, listUserEnterprises } from '../repos/enterprises'
import { enterpriseProfileSchema, enterpriseSummarySchema, errorResponses, noQuerystring } from './schemas'

export async function enterpriseRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/enterprises',
    {
      onRequest: requireUser,
      schema: {
        tags: ['enterprises'],
        summary: '我关联的企业（含我的角色）',
        security: [{ session: [] }],
        querystring: noQuerystring,
        response: { 200: { type: 'array', items: enterpriseSummarySchema }, ...errorResponses },
      },
    },
    (request): Promise<EnterpriseSummary[]> => listUserEnterprises(app.db, currentUser(request).id),
  )

  app.get(
    '/enterprises/:enterpriseId',
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'enterprise:read' },
      schema: {
        tags: ['enterprises'],
        summary: '企业档案',
        security: [{ session: [] }],
        params: enterpriseIdParamsSchema,
        querystring: noQuerystring,
        response: { 200: enterpriseProfileSchema, ...errorResponses },
      },
    },
    async (request): Promise<EnterpriseProfile> => {
      const profile = await findUserEnterprise(app.db, currentUser(request).id, currentEnterprise(request).enterpriseId)
      if (!profile) throw new ApiError('ENTERPRISE_FORBIDDEN')
      return profile
    },
  )
}
