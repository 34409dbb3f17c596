import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/account/endpoints'
import { ops } from '../../../../src/contract/account/schemas'
import { currentEnterprise } from '../../../kernel/auth/enterprise-access'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { ApiError } from '../../../kernel/http/api-error'
import { validationError } from '../../../kernel/http/input-errors'
import { findUserEnterprise, listUserEnterprises, updateEnterpriseRegion } from '../../../kernel/repos/enterprises'
import { regionLevel } from '../../../../src/domain/regions/regionCodes'
import { regionChildren, regionName } from '../../../../src/domain/regions/regionNames'
import { contractRoute } from '../../../kernel/http/contract-route'

const tags = ['enterprises']

export async function enterpriseRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    endpoints.listMyEnterprises,
    ops.listMyEnterprises,
    { onRequest: requireUser, tags, summary: '我关联的企业（含我的角色）' },
    (request) => listUserEnterprises(app.db, currentUser(request).id, app.clock()),
  )

  contractRoute(
    app,
    endpoints.getEnterprise,
    ops.getEnterprise,
    { onRequest: requireUser, config: { enterpriseAction: 'enterprise:read' }, tags, summary: '企业档案' },
    async (request) => {
      const profile = await findUserEnterprise(app.db, currentUser(request).id, currentEnterprise(request).enterpriseId)
      if (!profile) throw new ApiError('ENTERPRISE_FORBIDDEN')
      return profile
    },
  )
  contractRoute(
    app,
    endpoints.updateEnterpriseRegion,
    ops.updateEnterpriseRegion,
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'enterprise:write' },
      tags,
      summary: '更正企业所在地区（法定代表人；区县，或不设区县的市）',
    },
    async (request) => {
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
