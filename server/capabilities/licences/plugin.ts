import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { API_PREFIX } from '../../../src/contract/endpoint'
import type { ReminderJobContext } from './jobs/reminders'
import { adminLicenceRoutes } from './routes/admin-licences'
import { adminReminderRoutes } from './routes/admin-reminders'
import { licenceTypeRoutes } from './routes/licence-types'
import { licenceRoutes } from './routes/licences'
import { reminderSettingsRoutes } from './routes/reminder-settings'

declare module 'fastify' {
  interface FastifyInstance {
    /** What the licence-reminder job runs with (./jobs.ts, the admin run route). */
    reminderJob: ReminderJobContext
  }
}

/** 许证闹钟: the licence wallet, the city's catalogue, renewal reminders. */
async function licences(app: FastifyInstance): Promise<void> {
  app.decorate('reminderJob', {
    db: app.db,
    senders: app.messageSenders,
    templates: app.config.subscribeTemplates,
    log: app.log,
  } satisfies ReminderJobContext)
  await app.register(
    async (api) => {
      await api.register(licenceTypeRoutes)
      await api.register(licenceRoutes)
      await api.register(reminderSettingsRoutes)
      await api.register(adminReminderRoutes)
      await api.register(adminLicenceRoutes)
    },
    { prefix: API_PREFIX },
  )
}

export const licencesPlugin = fp(licences, {
  name: 'licences',
  decorators: { fastify: ['db', 'config', 'clock', 'messageSenders'] },
})
