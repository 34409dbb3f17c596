import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { API_PREFIX } from '../../../src/contract/endpoint'
import { adminSystemRoutes } from './routes/admin-systems'
import { authRoutes } from './routes/auth'
import { enterpriseRoutes } from './routes/enterprises'
import { inboxRoutes } from './routes/inbox'
import { meRoutes } from './routes/me'
import { systemRoutes } from './routes/system'

/** 账号: login, the user, enterprises, external systems, the inbox. */
async function account(app: FastifyInstance): Promise<void> {
  await app.register(
    async (api) => {
      await api.register(authRoutes)
      await api.register(meRoutes)
      await api.register(enterpriseRoutes)
      await api.register(adminSystemRoutes)
      await api.register(systemRoutes)
      await api.register(inboxRoutes)
    },
    { prefix: API_PREFIX },
  )
}

export const accountPlugin = fp(account, {
  name: 'account',
  decorators: { fastify: ['db', 'config', 'clock', 'loginProviders', 'consentWithdrawal'] },
})
