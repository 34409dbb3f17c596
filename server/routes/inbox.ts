import type { FastifyInstance } from 'fastify'
import type { InboxPage } from '../contract-licences'
import { currentUser, requireUser } from '../auth/require-user'
import { ApiError } from '../http/api-error'
import { listInbox, markAllRead, markRead } from '../inbox/inbox-repo'
import { errorResponses, noQuerystring } from './schemas'
import { INBOX_KINDS } from '../../src/domain/inbox/kinds'

const inboxMessageSchema = {
  type: 'object',
  required: ['id', 'enterpriseId', 'kind', 'title', 'body', 'link', 'createdAt', 'readAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid' },
    enterpriseId: { type: ['string', 'null'], format: 'uuid' },
    kind: { type: 'string', enum: [...INBOX_KINDS] },
    title: { type: 'string' },
    body: { type: 'string' },
    link: {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: {
        kind: { type: 'string', enum: ['licence', 'policy', 'complaint', 'seal-report', 'seal-audit', 'none'] },
        licenceId: { type: 'string' },
        policyId: { type: 'string' },
        complaintId: { type: 'string' },
        month: { type: 'string' },
      },
    },
    createdAt: { type: 'string', format: 'date-time' },
    readAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const

const inboxPageSchema = {
  type: 'object',
  required: ['items', 'unread', 'nextCursor'],
  additionalProperties: false,
  properties: {
    items: { type: 'array', items: inboxMessageSchema },
    unread: { type: 'integer' },
    nextCursor: { type: ['string', 'null'], description: '下一页的 before 参数；没有更多时为 null' },
  },
} as const

const common = { tags: ['inbox'], security: [{ session: [] }] }
const noContent = { 204: { type: 'null' }, ...errorResponses }

/** The in-app message centre (站内信); every query is scoped to the caller. */
export async function inboxRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireUser)

  app.get<{ Querystring: { before?: string } }>(
    '/inbox',
    {
      schema: {
        ...common,
        summary: '消息列表（最新在前，每页 20 条）与未读数',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { before: { type: 'string', pattern: '^[1-9][0-9]{0,17}$' } },
        },
        response: { 200: inboxPageSchema, ...errorResponses },
      },
    },
    (request): Promise<InboxPage> => listInbox(app.db, currentUser(request).id, request.query.before),
  )

  app.post(
    '/inbox/read-all',
    { schema: { ...common, summary: '全部标为已读', querystring: noQuerystring, response: noContent } },
    async (request, reply) => {
      await markAllRead(app.db, currentUser(request).id)
      return reply.status(204).send()
    },
  )

  app.post<{ Params: { id: string } }>(
    '/inbox/:id/read',
    {
      schema: {
        ...common,
        summary: '标为已读',
        params: {
          type: 'object',
          required: ['id'],
          additionalProperties: false,
          properties: { id: { type: 'string', format: 'uuid', maxLength: 36 } },
        },
        querystring: noQuerystring,
        response: noContent,
      },
    },
    async (request, reply) => {
      if (!(await markRead(app.db, currentUser(request).id, request.params.id))) {
        throw new ApiError('NOT_FOUND', { message: '消息不存在' })
      }
      return reply.status(204).send()
    },
  )
}
