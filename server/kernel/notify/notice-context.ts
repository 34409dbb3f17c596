import type { FastifyInstance } from 'fastify'
import type { NoticeContext, NoticeTally } from './notice-delivery'

/** The app's message senders (built from config, or injected by tests): the same for every notice. */
export function noticeContextOf(app: FastifyInstance): NoticeContext {
  return { db: app.db, senders: app.messageSenders, log: app.log }
}

/**
 * Sends notices whose rows a request has just committed. The request has succeeded either way:
 * a send that fails (or a crash) leaves its row unsent, and the hourly retry job
 * (./notice-retries.ts) sends it later.
 */
export async function deliverAfterCommit(
  app: FastifyInstance,
  what: string,
  deliver: (ctx: NoticeContext) => Promise<NoticeTally>,
): Promise<NoticeTally | null> {
  try {
    return await deliver(app.ctx.outbox)
  } catch (error) {
    app.log.error({ err: error, what }, 'subscribe messages not sent now; the retry sweep will')
    return null
  }
}
