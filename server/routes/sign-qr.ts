import type { FastifyInstance } from 'fastify'
import { isSignTicket } from '../../src/domain/signing/signTicket'
import { ApiError } from '../http/api-error'

/**
 * The path a sign-task QR carries (`https://<host>/s/<ticket>`, see buildSignQrContent). Opened in a
 * browser it lands on the H5 扫码签章 page with the ticket; the WeChat camera opens the
 * mini-program instead through the 普通链接二维码 rule registered for the same prefix.
 */
export const SIGN_PAGE_HASH_ROUTE = '/#/packages/seals/pages/sign/index'

export async function signQrRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { ticket: string } }>(
    '/s/:ticket',
    {
      schema: {
        tags: ['signing'],
        summary: '签章二维码落地页：跳转到 H5 扫码签章页面',
        params: { type: 'object', required: ['ticket'], properties: { ticket: { type: 'string', maxLength: 64 } } },
      },
    },
    async (request, reply) => {
      // Only the ticket format is checked here; whether it is live is the sign page's call to make.
      if (!isSignTicket(request.params.ticket)) throw new ApiError('NOT_FOUND', { message: '不是本平台的签章二维码' })
      return reply.redirect(`${SIGN_PAGE_HASH_ROUTE}?t=${encodeURIComponent(request.params.ticket)}`, 302)
    },
  )
}
