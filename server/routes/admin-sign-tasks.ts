import type { FastifyInstance } from 'fastify'
import { requireAdmin } from '../auth/require-admin'
import { ApiError } from '../http/api-error'
import { LockBusyError } from '../jobs/advisory-lock'
import type { SignTaskSweepReport } from '../signing/sign-task-sweep'
import { errorResponses, noQuerystring } from './schemas'

/** Running the sign-task sweep on demand (it also runs every 30 s inside each server when enabled). */
export async function adminSignTaskRoutes(app: FastifyInstance): Promise<void> {
  app.post(
    '/admin/sign-tasks/sweep',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['admin'],
        summary: '立即处理过期的签章任务并发送到期的回调（各实例同一时间只运行一个，回调不重复发送）',
        security: [{ adminKey: [] }],
        querystring: noQuerystring,
        response: {
          200: {
            type: 'object',
            required: ['expired'],
            additionalProperties: false,
            properties: { expired: { type: 'integer', description: '本次置为已过期的任务数' } },
          },
          ...errorResponses,
        },
      },
    },
    async (): Promise<SignTaskSweepReport> => {
      try {
        return await app.signing.sweep()
      } catch (error) {
        if (error instanceof LockBusyError) throw new ApiError('JOB_IN_PROGRESS', { cause: error.message })
        throw error
      }
    },
  )
}
