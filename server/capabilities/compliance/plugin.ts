import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { API_PREFIX } from '../../../src/contract/endpoint'
import { deleteUserFeeds } from './calendar-feed/feed-repo'
import { calendarFeedRoutes } from './calendar-feed/routes'
import { adminComplianceRoutes } from './routes/admin-compliance'
import { complianceReminderSettingsRoutes } from './routes/compliance-reminder-settings'
import { complianceRoutes } from './routes/compliance'

/** 合规日历: the timeline over licences, policies, complaints and statutory dates; its reminders and calendar feed. */
async function compliance(app: FastifyInstance): Promise<void> {
  // Withdrawn consent: no calendar may keep reading the user's deadlines through a secret link.
  app.consentWithdrawal.add(deleteUserFeeds)
  await app.register(
    async (api) => {
      await api.register(complianceRoutes)
      await api.register(adminComplianceRoutes)
      await api.register(complianceReminderSettingsRoutes)
    },
    { prefix: API_PREFIX },
  )
  await app.register(calendarFeedRoutes, { apiPrefix: API_PREFIX })
}

export const compliancePlugin = fp(compliance, {
  name: 'compliance',
  decorators: { fastify: ['db', 'config', 'clock', 'messageSenders', 'consentWithdrawal'] },
})
