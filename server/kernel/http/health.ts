import type { FastifyInstance } from 'fastify'
import * as accountEndpoints from '../../../src/contract/account/endpoints'
import { ops } from '../../../src/contract/account/schemas'
import { contractRoute } from '../http/contract-route'

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(app, accountEndpoints.getHealth, ops.getHealth, { tags: ['system'], summary: '健康检查' }, async () => {
    // A round trip proves the database answers, not merely that the pool object exists.
    await app.db.query('select 1')
    return { status: 'ok' as const, db: app.db.kind }
  })
}
