import fc from 'fast-check'
import {
  DEFAULT_SIGN_QR_HOST,
  buildSignQrContent,
  isSignTicket,
  parseSignQrContent,
} from '../../../src/domain/signing/signTicket'

const TICKET = 'AbCdEfGhIjKlMnOpQrStUvWxYz012-_9'

describe('sign ticket QR content', () => {
  it('builds https://<host>/s/<ticket> and reads it back', () => {
    const content = buildSignQrContent(TICKET)
    expect(content).toBe(`https://${DEFAULT_SIGN_QR_HOST}/s/${TICKET}`)
    expect(parseSignQrContent(content)).toEqual({ kind: 'sign-ticket', host: DEFAULT_SIGN_QR_HOST, ticket: TICKET })
  })

  it('round-trips every well-formed ticket on every configured host', () => {
    const ticketChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''))
    const ticket = fc.array(ticketChar, { minLength: 32, maxLength: 32 }).map((chars) => chars.join(''))
    const host = fc.constantFrom('zqt.example.gov.cn', 'sign.xuchang.gov.cn', '127.0.0.1:10086')
    fc.assert(
      fc.property(ticket, host, (t, h) => {
        const parsed = parseSignQrContent(buildSignQrContent(t, h), [
          'zqt.example.gov.cn',
          'sign.xuchang.gov.cn',
          '127.0.0.1:10086',
        ])
        return parsed.kind === 'sign-ticket' && parsed.ticket === t && parsed.host === h
      }),
    )
  })

  it('accepts a configured host in any letter case, and surrounding spaces', () => {
    expect(parseSignQrContent(` HTTPS://ZQT.Example.GOV.cn/s/${TICKET} `)).toMatchObject({
      kind: 'sign-ticket',
      ticket: TICKET,
    })
  })

  test.each([
    ['', 'not-a-url'],
    [TICKET, 'not-a-url'],
    ['weixin://dl/business/?t=abc', 'scheme'],
    [`http://${DEFAULT_SIGN_QR_HOST}/s/${TICKET}`, 'scheme'],
    [`https://evil.example.com/s/${TICKET}`, 'host'],
    [`https://${DEFAULT_SIGN_QR_HOST}.evil.example.com/s/${TICKET}`, 'host'],
    [`https://${DEFAULT_SIGN_QR_HOST}@evil.example.com/s/${TICKET}`, 'host'],
    [`https://user@${DEFAULT_SIGN_QR_HOST}/s/${TICKET}`, 'host'],
    [`https://${DEFAULT_SIGN_QR_HOST}:8443/s/${TICKET}`, 'host'],
    [`https://${DEFAULT_SIGN_QR_HOST}/x/${TICKET}`, 'path'],
    [`https://${DEFAULT_SIGN_QR_HOST}/s/${TICKET}/`, 'path'],
    [`https://${DEFAULT_SIGN_QR_HOST}/a/s/${TICKET}`, 'path'],
    [`https://${DEFAULT_SIGN_QR_HOST}/s/${TICKET}?doc=1`, 'path'],
    [`https://${DEFAULT_SIGN_QR_HOST}/s/${TICKET}#x`, 'path'],
    [`https://${DEFAULT_SIGN_QR_HOST}/s/${TICKET.slice(1)}`, 'ticket'],
    [`https://${DEFAULT_SIGN_QR_HOST}/s/${TICKET}A`, 'ticket'],
    [`https://${DEFAULT_SIGN_QR_HOST}/s/${TICKET.slice(1)}=`, 'ticket'],
    [`https://${DEFAULT_SIGN_QR_HOST}/s/${TICKET.slice(1)}%`, 'ticket'],
  ])('%j is not ours (%s)', (content, reason) => {
    expect(parseSignQrContent(content)).toEqual({ kind: 'not-ours', reason })
  })

  it('only trusts the hosts it is given', () => {
    const content = `https://sign.xuchang.gov.cn/s/${TICKET}`
    expect(parseSignQrContent(content).kind).toBe('not-ours')
    expect(parseSignQrContent(content, ['sign.xuchang.gov.cn']).kind).toBe('sign-ticket')
  })

  it('refuses to build a QR for a malformed ticket or host', () => {
    expect(() => buildSignQrContent('short')).toThrow()
    expect(() => buildSignQrContent(TICKET, 'evil.example/s')).toThrow()
    expect(() => buildSignQrContent(TICKET, 'user@host')).toThrow()
  })

  it('knows a ticket when it sees one', () => {
    expect(isSignTicket(TICKET)).toBe(true)
    expect(isSignTicket(`${TICKET} `)).toBe(false)
    expect(isSignTicket('+'.repeat(32))).toBe(false)
  })
})
