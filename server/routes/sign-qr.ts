import type { FastifyInstance } from 'fastify'
import { isSignTicket } from '../../src/domain/signing/signTicket'

/**
 * The path a sign-task QR carries (`https://<host>/s/<ticket>`, see buildSignQrContent). Opened in a
 * browser it lands on the H5 扫码签章 page with the ticket; the WeChat camera opens the
 * mini-program instead through the 普通链接二维码 rule registered for the same prefix.
 */
export const SIGN_PAGE_HASH_ROUTE = '/#/packages/seals/pages/sign/index'

/** The sign page's marker for a link that is not one of ours (the page explains it in Chinese). */
export const SIGN_LINK_NOT_OURS = 'not-ours'

export async function signQrRoutes(app: FastifyInstance): Promise<void> {
  // A wildcard rather than `:ticket`: a person holds a phone camera to this URL, so whatever follows
  // /s/ (too long, a stray slash, not a ticket) must still land on a page that explains it, never on
  // a JSON error (a `:param` longer than the router's maxParamLength would not even match).
  app.get<{ Params: { '*': string } }>(
    '/s/*',
    {
      schema: {
        tags: ['signing'],
        summary: '签章二维码落地页：跳转到 H5 扫码签章页面（无效的码也跳转，由页面说明原因）',
      },
    },
    async (request, reply) => {
      // Only the ticket format is checked here; whether it is live is the sign page's call to make.
      const ticket = request.params['*']
      const query = isSignTicket(ticket) ? `t=${encodeURIComponent(ticket)}` : `e=${SIGN_LINK_NOT_OURS}`
      return reply.redirect(`${SIGN_PAGE_HASH_ROUTE}?${query}`, 302)
    },
  )
}
