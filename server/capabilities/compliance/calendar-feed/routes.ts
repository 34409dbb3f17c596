import { promisify } from 'node:util'
import { gzip as gzipCallback } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { requireEnterpriseAccess } from '../../../kernel/auth/enterprise-access'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { ApiError } from '../../../kernel/http/api-error'
import { todayInChina } from '../../../kernel/http/today'
import * as endpoints from '../../../../src/contract/compliance/reminder-endpoints'
import { ops, type CalendarFeedView } from '../../../../src/contract/compliance/schemas'
import { contractRoute, noContent, notModified } from '../../../kernel/http/contract-route'
import { FeedBodyCache } from './body-cache'
import { clientHasCurrent, planFeed } from './feed-content'
import { feedInputs } from './feed-inputs'
import { renderIcs } from './render-ics'
import { deleteFeed, findFeedByTokenHash, listFeeds, upsertFeed, type FeedRow } from './feed-repo'
import { feedTokenHash, isFeedToken, newFeedToken } from './feed-token'
import { feedBaseUrl, feedUrls, uidHost } from './feed-urls'

/** Per client address and minute in production (a calendar polls every few hours); looser in the sandbox. */
export const FEED_LIMIT_PER_MINUTE = 30
const SANDBOX_LIMIT_PER_MINUTE = 1000
/** Plans and rendered bodies kept per instance (an agent's 50-enterprise feed is about 1.8 MB). */
export const FEED_BODY_CACHE_BYTES = 32 * 1024 * 1024

const gzipAsync = promisify(gzipCallback)

/** Whether Accept-Encoding takes gzip: named (or x-gzip) with a q above 0, else by `*` with a q above 0. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false
  const weights = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [coding, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase())
    const q = params.find((param) => param.startsWith('q='))
    weights.set(coding === 'x-gzip' ? 'gzip' : coding, q === undefined ? 1 : Number(q.slice(2)) || 0)
  }
  return (weights.get('gzip') ?? weights.get('*') ?? 0) > 0
}

const tags = ['calendar']

const viewOf = (row: FeedRow): CalendarFeedView => ({
  scope: row.scope,
  createdAt: new Date(row.created_at).toISOString(),
})

/** The signed-in user's own feeds: list, create or regenerate, revoke. */
async function feedManagementRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireUser)

  contractRoute(
    app,
    endpoints.listCalendarFeeds,
    ops.listCalendarFeeds,
    { tags, summary: '我的日历订阅（链接只在生成时返回一次）' },
    async (request) => ({ feeds: (await listFeeds(app.db, currentUser(request).id)).map(viewOf) }),
  )

  contractRoute(
    app,
    endpoints.createCalendarFeed,
    ops.createCalendarFeed,
    {
      // Licences are the only deadlines so far; a later kind with another action widens this.
      config: { enterpriseAction: 'licences:read' },
      tags,
      summary: '生成（或重新生成）日历订阅链接：一个企业或全部企业；旧链接立即失效',
    },
    async (request, reply) => {
      const user = currentUser(request)
      const baseUrl = feedBaseUrl(app.config)
      if (!baseUrl) throw new ApiError('CALENDAR_FEED_UNAVAILABLE')
      const scope = request.params.scope.toLowerCase()
      const enterpriseId = scope === 'all' ? null : scope
      // A feed of one enterprise is for someone who may read its deadlines (the same check and 403
      // as every enterprise route); what it shows is decided again at every read.
      if (enterpriseId) await requireEnterpriseAccess(request, enterpriseId)
      // Not an idempotent write (no Idempotency-Key replay): a stored answer would keep the token in
      // clear. A repeated request regenerates again, and the latest answer's link is the one that works.
      const token = newFeedToken()
      const row = await upsertFeed(app.db, {
        userId: user.id,
        enterpriseId,
        scope,
        tokenHash: feedTokenHash(app.signing.idHashSecret, token),
        createdAt: new Date(app.clock()),
      })
      reply.code(201)
      return { ...viewOf(row), ...feedUrls(baseUrl, token) }
    },
  )

  contractRoute(
    app,
    endpoints.deleteCalendarFeed,
    ops.deleteCalendarFeed,
    { tags, summary: '停止日历订阅：链接立即失效' },
    async (request, reply) => {
      const found = await deleteFeed(app.db, currentUser(request).id, request.params.scope.toLowerCase())
      if (!found) throw new ApiError('CALENDAR_FEED_NOT_FOUND', { message: '没有可停止的日历订阅' })
      return noContent(reply)
    },
  )
}

/**
 * GET /calendar/feed/<token>.ics — read by calendar apps, which carry no session: the token is the
 * credential. Unknown, revoked and replaced tokens are the same 404. `private, no-cache`: a
 * calendar may keep its copy and ask again with If-None-Match (304 when nothing changed), no shared
 * cache may keep it.
 */
async function publicFeedRoute(app: FastifyInstance): Promise<void> {
  const bodies = new FeedBodyCache(FEED_BODY_CACHE_BYTES)
  contractRoute(
    app,
    endpoints.getCalendarFeed,
    ops.getCalendarFeed,
    {
      config: {
        rateLimit: {
          max: app.config.sandbox ? SANDBOX_LIMIT_PER_MINUTE : FEED_LIMIT_PER_MINUTE,
          timeWindow: '1 minute',
          errorResponseBuilder: () => new ApiError('RATE_LIMITED'),
        },
      },
      tags,
      summary: '日历订阅内容（text/calendar；无需登录，凭链接中的密钥；支持 ETag 条件请求）',
    },
    async (request, reply) => {
      const token = request.params.file.replace(/\.ics$/, '')
      const feed =
        request.params.file.endsWith('.ics') && isFeedToken(token)
          ? await findFeedByTokenHash(app.db, feedTokenHash(app.signing.idHashSecret, token))
          : null
      if (!feed) throw new ApiError('CALENDAR_FEED_NOT_FOUND')
      // Roles, links and the stamps of every input are read at every read (feedInputs); planning
      // (events, versions) only when they, or the day, moved since this instance last planned the
      // feed, and rendering only when a client lacking the ETag asks and no body is here.
      const today = todayInChina(app)
      const host = uidHost(feedBaseUrl(app.config))
      const inputs = await feedInputs(app.db, feed, { today, uidHost: host, now: app.clock() })
      const ifNoneMatch = request.headers['if-none-match']
      let entry = bodies.get(feed.id, inputs.key)
      if (entry === undefined || (entry.body === undefined && !clientHasCurrent(ifNoneMatch, entry.etag))) {
        const planned = await planFeed(app.db, feed, {
          today,
          now: new Date(app.clock()),
          uidHost: host,
          links: inputs.links,
        })
        let body: Buffer | undefined
        let gzipped: Buffer | undefined
        if (!clientHasCurrent(ifNoneMatch, planned.etag)) {
          body = Buffer.from(renderIcs(planned.name, planned.events), 'utf8')
          gzipped = await gzipAsync(body)
        }
        entry = { inputKey: inputs.key, etag: planned.etag, body, gzipped }
        bodies.set(feed.id, entry)
      }
      // Compressed for a client that takes gzip (calendar apps do: an agent's feed is 1.8 MB, about
      // 10% of it gzipped), with the ETag made weak, as nginx does: the bytes differ from the
      // identity body's, the content does not, and If-None-Match compares weakly either way.
      const gzip = acceptsGzip(request.headers['accept-encoding'])
      reply
        .header('etag', gzip ? `W/${entry.etag}` : entry.etag)
        .header('vary', 'accept-encoding')
        .header('cache-control', 'private, no-cache')
        .header('x-robots-tag', 'noindex')
      if (entry.body === undefined || clientHasCurrent(ifNoneMatch, entry.etag)) return notModified(reply)
      if (gzip && entry.gzipped) reply.header('content-encoding', 'gzip')
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="zhengqitong.ics"')
        .send(gzip && entry.gzipped ? entry.gzipped : entry.body)
    },
  )
}

/** 订阅到日历: the management routes under the API prefix, the feed itself at /calendar/feed/. */
export async function calendarFeedRoutes(app: FastifyInstance, options: { apiPrefix: string }): Promise<void> {
  await app.register(feedManagementRoutes, { prefix: options.apiPrefix })
  await app.register(publicFeedRoute)
}
