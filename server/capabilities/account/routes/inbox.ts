import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/account/endpoints'
import { ops } from '../../../../src/contract/account/schemas'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { ApiError } from '../../../kernel/http/api-error'
import { listInbox, markAllRead, markRead } from '../../../kernel/inbox/inbox-repo'
import { contractRoute, noContent } from '../../../kernel/http/contract-route'

const tags = ['inbox']

/** The in-app message centre (站内信); every query is scoped to the caller. */
export async function inboxRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireUser)

  contractRoute(
    app,
    endpoints.listInbox,
    ops.listInbox,
    { tags, summary: '消息列表（最新在前，每页 20 条）与未读数' },
    (request) => listInbox(app.db, currentUser(request).id, request.query.before),
  )

  contractRoute(
    app,
    endpoints.markAllRead,
    ops.markAllRead,
    { tags, summary: '全部标为已读' },
    async (request, reply) => {
      await markAllRead(app.db, currentUser(request).id)
      return noContent(reply)
    },
  )

  contractRoute(app, endpoints.markRead, ops.markRead, { tags, summary: '标为已读' }, async (request, reply) => {
    if (!(await markRead(app.db, currentUser(request).id, request.params.id))) {
      throw new ApiError('NOT_FOUND', { message: '消息不存在' })
    }
    return noContent(reply)
  })
}
