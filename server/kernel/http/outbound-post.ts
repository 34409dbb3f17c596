import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import type { CheckedTarget } from './outbound-url'

/**
 * POSTs JSON to a checked target, connecting to the checked address only (the socket's DNS
 * lookup is replaced by it, so the name is not resolved a second time; TLS still verifies the
 * certificate against the host name). Never follows a redirect — a 3xx is just a status, so
 * `Location: http://169.254.169.254/` goes nowhere —, gives up after `timeoutMs` for the whole
 * exchange, and reads at most `maxResponseBytes` of the answer before hanging up.
 */

export interface OutboundLimits {
  timeoutMs: number
  maxResponseBytes: number
}

export interface OutboundResult {
  /** The HTTP status, or null when no answer came (refused, timed out, reset). */
  status: number | null
  /** The body was longer than the limit and was cut off unread. */
  truncated: boolean
  error?: string
}

export const DEFAULT_OUTBOUND_LIMITS: OutboundLimits = { timeoutMs: 5_000, maxResponseBytes: 64 * 1024 }

function pinnedLookup(target: CheckedTarget): LookupFunction {
  const { address, family } = target.address
  return (_hostname, options, callback) => {
    // Node's happy-eyeballs connect asks for every address (all: true) and wants a list.
    if ((options as { all?: boolean }).all) {
      ;(callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, [
        { address, family },
      ])
    } else {
      callback(null, address, family)
    }
  }
}

export function postJson(target: CheckedTarget, body: unknown, limits: OutboundLimits): Promise<OutboundResult> {
  const payload = Buffer.from(JSON.stringify(body), 'utf8')
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise<OutboundResult>((resolve) => {
    let settled = false
    let status: number | null = null
    const finish = (result: OutboundResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      request.destroy()
      resolve(result)
    }
    const request = send({
      method: 'POST',
      host: target.hostname,
      port: target.url.port || undefined,
      path: `${target.url.pathname}${target.url.search}`,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(payload.length),
        connection: 'close',
      },
      lookup: pinnedLookup(target),
      // A fresh socket each time: no pooled connection made to some other address is reused.
      agent: false,
    })
    const timer = setTimeout(() => finish({ status, truncated: false, error: 'timeout' }), limits.timeoutMs)
    request.on('error', (error) => finish({ status, truncated: false, error: error.message }))
    request.on('response', (response: IncomingMessage) => {
      status = response.statusCode ?? null
      let received = 0
      response.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received > limits.maxResponseBytes) finish({ status, truncated: true })
      })
      response.on('end', () => finish({ status, truncated: false }))
      response.on('error', (error) => finish({ status, truncated: false, error: error.message }))
    })
    request.end(payload)
  })
}
