import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/esign/endpoints'
import { ops } from '../../../../src/contract/esign/schemas'
import { requireAdmin } from '../../../kernel/auth/require-admin'
import { ApiError } from '../../../kernel/http/api-error'
import { contractRoute } from '../../../kernel/http/contract-route'
import { LockBusyError } from '../../../kernel/jobs/advisory-lock'

/** Running the sign-task sweep on demand (it also runs every 30 s inside each server when enabled). */
export async function adminSignTaskRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    endpoints.sweepSignTasks,
    ops.sweepSignTasks,
    {
      onRequest: requireAdmin,
      tags: ['admin'],
      summary: '立即处理过期的签章任务并发送到期的回调（各实例同一时间只运行一个，回调不重复发送）',
    },
    async () => {
      try {
        return await app.signing.sweep()
      } catch (error) {
        if (error instanceof LockBusyError) throw new ApiError('JOB_IN_PROGRESS', { cause: error.message })
        throw error
      }
    },
  )
}
