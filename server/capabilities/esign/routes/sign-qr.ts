import type { FastifyInstance } from 'fastify'
import { isSignTicket } from '../../../../src/domain/signing/signTicket'
import { isUuid } from '../../../kernel/http/input-door'

/**
 * The path a sign-task QR carries (`https://<host>/s/<ticket>`, see buildSignQrContent). Opened in a
 * browser it lands on the H5 扫码签章 page with the ticket; the WeChat camera opens the
 * mini-program instead through the 普通链接二维码 rule registered for the same prefix.
 */
export const SIGN_PAGE_HASH_ROUTE = '/#/packages/seals/pages/sign/index'

/** Where a verification link lands: the H5 验章 page, which reads `record` and `hash`. */
export const VERIFY_PAGE_HASH_ROUTE = '/#/packages/seals/pages/verify/index'

/** The sign page's marker for a link that is not one of ours (the page explains it in Chinese). */
export const SIGN_LINK_NOT_OURS = 'not-ours'

/** The 验章 page's marker for a verification link that cannot be used (verificationLink.ts reads it). */
export const VERIFY_LINK_BROKEN = 'broken'

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

  // The verification link signing produces (/verify?record=<id>&hash=<sm3>), shown and shared after
  // signing: only well-formed values are passed on. A link that names a record or a hash that is not
  // well formed (cut short by a chat app, mistyped, junk) lands marked broken, and the page says so.
  app.get<{ Querystring: Record<string, string | string[] | undefined> }>(
    '/verify',
    {
      config: { landingQueryCheckedByRoute: true },
      schema: {
        tags: ['signing'],
        summary: '验章链接落地页：跳转到 H5 验章页面（携带签章记录编号与文件 SM3；链接不完整时由页面说明）',
      },
    },
    async (request, reply) => {
      const { record, hash, sm3 } = request.query
      const query = new URLSearchParams()
      const named = record !== undefined || hash !== undefined || sm3 !== undefined
      if (typeof record === 'string' && isUuid(record) && typeof hash === 'string' && SM3_HEX.test(hash)) {
        query.set('record', record.toLowerCase())
        query.set('hash', hash.toLowerCase())
      } else if (named) {
        query.set('e', VERIFY_LINK_BROKEN)
      }
      const suffix = query.toString()
      return reply.redirect(`${VERIFY_PAGE_HASH_ROUTE}${suffix ? `?${suffix}` : ''}`, 302)
    },
  )
}

const SM3_HEX = /^[0-9a-fA-F]{64}$/
