import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { API_PREFIX } from '../../../src/contract/endpoint'
import { adminPolicyRoutes } from './routes/admin-policies'
import { policyRoutes } from './routes/policies'

/** 惠企政策: the catalogue, matching, favourites, new-policy notices and the weekly digest. */
async function policies(app: FastifyInstance): Promise<void> {
  await app.register(
    async (api) => {
      await api.register(policyRoutes)
      await api.register(adminPolicyRoutes)
    },
    { prefix: API_PREFIX },
  )
}

export const policiesPlugin = fp(policies, {
  name: 'policies',
  decorators: { fastify: ['db', 'config', 'clock', 'messageSenders'] },
})
