import type { FastifyInstance } from 'fastify'
import type { EnterpriseProfile, EnterpriseRegionRequest, EnterpriseSummary } from '../contract'
import { currentEnterprise, enterpriseIdParamsSchema } from '../auth/enterprise-access'
import { currentUser, requireUser } from '../auth/require-user'
import { ApiError } from '../http/api-error'
import { validationError } from '../licences/licence-input'
import { findUserEnterprise, listUserEnterprises, updateEnterpriseRegion } from '../repos/enterprises'
import { regionLevel } from '../../src/domain/regions/regionCodes'
import { regionChildren, regionName } from '../../src/domain/regions/regionNames'
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
  app.put<{ Params: { enterpriseId: string }; Body: EnterpriseRegionRequest }>(
    '/enterprises/:enterpriseId/region',
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'enterprise:write' },
      schema: {
        tags: ['enterprises'],
        summary: '更正企业所在地区（法定代表人；区县，或不设区县的市）',
        security: [{ session: [] }],
        params: enterpriseIdParamsSchema,
        querystring: noQuerystring,
        body: {
          type: 'object',
          required: ['regionCode'],
          additionalProperties: false,
          properties: { regionCode: { type: 'string', pattern: '^[0-9]{6}$', description: 'GB/T 2260 行政区划代码' } },
        },
        response: { 200: enterpriseProfileSchema, ...errorResponses },
      },
    },
    async (request): Promise<EnterpriseProfile> => {
      const { regionCode } = request.body
      const problem = regionProblem(regionCode)
      if (problem) throw validationError([{ field: 'regionCode', message: problem }])
      const { enterpriseId } = currentEnterprise(request)
      // One statement, the same value however often it arrives: a retry or a double tap changes nothing more.
      await updateEnterpriseRegion(app.db, enterpriseId, regionCode)
      const profile = await findUserEnterprise(app.db, currentUser(request).id, enterpriseId)
      if (!profile) throw new ApiError('ENTERPRISE_FORBIDDEN')
      return profile
    },
  )
}

/** Why a code cannot be an enterprise's region: unknown to GB/T 2260, or wider than a district. */
function regionProblem(code: string): string | null {
  if (regionLevel(code) === 'national' || regionName(code) === null) return `没有行政区划代码为 ${code} 的地区`
  if (regionChildren(code).some((child) => child.code !== code)) return '请选择到区县一级的所在地区'
  return null
}
