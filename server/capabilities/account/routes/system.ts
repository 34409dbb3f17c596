import type { FastifyInstance } from 'fastify'
import * as accountEndpoints from '../../../../src/contract/account/endpoints'
import { ops } from '../../../../src/contract/account/schemas'
import { currentSystem, requireSystem } from '../../../kernel/auth/require-system'
import { contractRoute } from '../../../kernel/http/contract-route'

/** Lets an integrator check its key before wiring real calls. */
export async function systemRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    accountEndpoints.systemWhoAmI,
    ops.systemWhoAmI,
    { onRequest: requireSystem(), tags: ['system'], summary: '外部系统自检：返回密钥对应的系统与授权范围' },
    async (request) => currentSystem(request),
  )
}
