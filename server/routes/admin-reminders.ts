import type { FastifyInstance } from 'fastify'
import type { ReminderRunReport } from '../contract-licences'
import { requireAdmin } from '../auth/require-admin'
import { ApiError } from '../http/api-error'
import { todayInChina } from '../http/today'
import { LockBusyError, runReminders } from '../jobs/reminders'
import { requireIsoDate } from '../licences/licence-input'
import { errorResponses, noQuerystring } from './schemas'

const channelCounts = {
  type: 'object',
  required: ['inbox', 'wechat', 'alipay'],
  additionalProperties: false,
  properties: { inbox: { type: 'integer' }, wechat: { type: 'integer' }, alipay: { type: 'integer' } },
} as const

const reportSchema = {
  type: 'object',
  required: ['date', 'due', 'delivered', 'skipped', 'failed', 'undeliverable'],
  additionalProperties: false,
  properties: {
    date: { type: 'string', format: 'date' },
    due: { type: 'integer', description: '当日应提醒的（证照, 提前天数, 用户）数' },
    delivered: channelCounts,
    skipped: { type: 'integer', description: '之前的运行已发送' },
    failed: { type: 'integer' },
    undeliverable: { type: 'integer' },
  },
} as const

/** Running the reminder job on demand (a missed day, a test of the templates). */
export async function adminReminderRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: { date?: string } | undefined }>(
    '/admin/reminders/run',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['admin'],
        summary: '立即运行某日的证照提醒（已发送的不会重复发送）',
        security: [{ adminKey: [] }],
        querystring: noQuerystring,
        body: {
          type: ['object', 'null'],
          additionalProperties: false,
          properties: { date: { type: 'string', format: 'date', description: '默认今天（中国时间）' } },
        },
        response: { 200: reportSchema, ...errorResponses },
      },
    },
    async (request): Promise<ReminderRunReport> => {
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
