import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/account/endpoints'
import { ops } from '../../../../src/contract/account/schemas'
import { requireAdmin } from '../../../kernel/auth/require-admin'
import { ApiError } from '../../../kernel/http/api-error'
import { todayInChina } from '../../../kernel/http/today'
import { LockBusyError, runReminders } from '../jobs/reminders'
import { requireIsoDate } from '../../../kernel/http/input-errors'
import { contractRoute } from '../../../kernel/http/contract-route'

/** Running the reminder job on demand (a missed day, a test of the templates). */
export async function adminReminderRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    endpoints.runReminders,
    ops.runReminders,
    { onRequest: requireAdmin, tags: ['admin'], summary: '立即运行某日的证照提醒（已发送的不会重复发送）' },
    async (request) => {
      const given = request.body?.date
      const date = given === undefined ? todayInChina(app) : requireIsoDate(given, 'date')
      try {
        return await runReminders(app.reminderJob, date)
      } catch (error) {
        if (error instanceof LockBusyError) throw new ApiError('REMINDER_RUN_IN_PROGRESS', { cause: error.message })
        throw error
      }
    },
  )
}
