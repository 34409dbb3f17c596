import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/account/endpoints'
import { ops } from '../../../../src/contract/account/schemas'
import { requireAdmin } from '../../../kernel/auth/require-admin'
import { ApiError } from '../../../kernel/http/api-error'
import { createSystem, listSystems, revokeSystem, setCallbackHosts } from '../../../kernel/repos/systems'
import { contractRoute } from '../../../kernel/http/contract-route'

const tags = ['admin']

/** URL hosts are lower case; so is the list, without repeats. */
function normalisedHosts(hosts: string[] | null | undefined): string[] | null {
  return hosts == null ? null : [...new Set(hosts.map((host) => host.toLowerCase()))]
}

/** Registering the external systems that may call in (sign tasks, licence import). */
export async function adminSystemRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireAdmin)

  contractRoute(
    app,
    endpoints.createSystem,
    ops.createSystem,
    { tags, summary: '登记外部系统并生成接入密钥（密钥仅返回一次）' },
    async (request, reply) => {
      const created = await createSystem(
        app.db,
        request.body.name.trim(),
        request.body.scopes,
        normalisedHosts(request.body.callbackHosts),
      )
      request.log.info({ systemId: created.id, scopes: created.scopes }, 'system registered')
      reply.status(201)
      return created
    },
  )

  contractRoute(app, endpoints.listSystems, ops.listSystems, { tags, summary: '外部系统列表' }, () =>
    listSystems(app.db),
  )

  contractRoute(
    app,
    endpoints.setSystemCallbackHosts,
    ops.setSystemCallbackHosts,
    { tags, summary: '设置外部系统签章任务回调的域名白名单（null 取消白名单，仍只允许公网地址）' },
    async (request) => {
      const updated = await setCallbackHosts(app.db, request.params.id, normalisedHosts(request.body.callbackHosts))
      if (!updated) throw new ApiError('NOT_FOUND', { message: '未找到该外部系统' })
      request.log.info({ systemId: updated.id, callbackHosts: updated.callbackHosts }, 'system callback hosts set')
      return updated
    },
  )

  contractRoute(
    app,
    endpoints.revokeSystem,
    ops.revokeSystem,
    { tags, summary: '停用外部系统（密钥立即失效）' },
    async (request) => {
      const revoked = await revokeSystem(app.db, request.params.id)
      if (!revoked) throw new ApiError('NOT_FOUND', { message: '未找到该外部系统' })
      request.log.info({ systemId: revoked.id }, 'system revoked')
      return revoked
    },
  )
}
