import type { FastifyReply, FastifyRequest } from 'fastify'
import { maskPersonalDataInText } from '../../src/domain/mask'

/**
 * PIPL treats phone and ID numbers as sensitive: they must never reach the logs. Every string a
 * log call receives is masked, request URLs are masked and their secrets (tickets, query codes,
 * tokens) redacted, headers are not logged, and credentials are redacted in case some code logs
 * headers anyway.
 */

const MAX_DEPTH = 6

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * Masks strings in plain objects and arrays; other objects are left to the serializers. Deeper
 * than MAX_DEPTH (or cyclic) data is cut rather than logged unmasked.
 */
export function maskLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalDataInText(value)
  if (value === null || typeof value !== 'object') return value
  if (!Array.isArray(value) && !isPlainObject(value)) return value
  if (depth >= MAX_DEPTH) return '[Truncated]'
  if (Array.isArray(value)) return value.map((item) => maskLogValue(item, depth + 1))
  const masked: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) masked[key] = maskLogValue(item, depth + 1)
  return masked
}

/**
 * Path segments that are bearer secrets: whoever reads them can act with them. A sign-task ticket
 * (`/s/<ticket>`, the QR landing path), an anonymous complaint's query code
 * (`/complaints/by-code/<code>`) and a calendar feed token (`/calendar/feed/<token>.ics`) go into
 * logs as `[REDACTED]`.
 */
const SECRET_PATH_SEGMENTS: RegExp[] = [
  /^(\/s\/)[^?#]*/i,
  /(\/complaints\/by-code\/)[^/?#]*/i,
  /(\/calendar\/feed\/)[^/?#]*/i,
]

/** Query parameters whose values are credentials or codes (names compared case-insensitively). */
const SECRET_QUERY_PARAMETERS = new Set([
  'access_token',
  'apikey',
  'api_key',
  'code',
  'invite',
  'invitecode',
  'key',
  'password',
  'pin',
  'querycode',
  'secret',
  'sig',
  'signature',
  't',
  'ticket',
  'token',
])

/** A request URL fit for a log line: secret path segments and query values redacted, then personal data masked. */
export function redactUrl(url: string): string {
  let redacted = url
  for (const pattern of SECRET_PATH_SEGMENTS) redacted = redacted.replace(pattern, '$1[REDACTED]')
  const queryStart = redacted.indexOf('?')
  if (queryStart >= 0) {
    const query = redacted
      .slice(queryStart + 1)
      .split('&')
      .map((pair) => {
        const equals = pair.indexOf('=')
        const rawName = equals < 0 ? pair : pair.slice(0, equals)
        let name = rawName
        try {
          name = decodeURIComponent(rawName.replace(/\+/g, ' '))
        } catch {
          // A malformed escape is logged as sent (and still masked below).
        }
        return equals >= 0 && SECRET_QUERY_PARAMETERS.has(name.trim().toLowerCase()) ? `${rawName}=[REDACTED]` : pair
      })
      .join('&')
    redacted = `${redacted.slice(0, queryStart)}?${query}`
  }
  return maskPersonalDataInText(redacted)
}

function serializeError(error: Error & { code?: string; statusCode?: number }) {
  return {
    type: error.name,
    message: maskPersonalDataInText(String(error.message)),
    code: error.code,
    statusCode: error.statusCode,
    stack: maskPersonalDataInText(error.stack ?? ''),
  }
}

export interface LogOptions {
  level?: string
  /** Where JSON log lines go (tests capture them); defaults to stdout. */
  stream?: { write(line: string): void }
}

/** pino options for Fastify's `logger`. */
export function buildLoggerOptions(options: LogOptions = {}) {
  return {
    level: options.level ?? 'info',
    ...(options.stream ? { stream: options.stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        'authorization',
        'token',
        'apiKey',
      ],
      censor: '[REDACTED]',
    },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
      res: (reply: Pick<FastifyReply, 'statusCode'>) => ({ statusCode: reply.statusCode }),
      err: serializeError,
    },
    hooks: {
      logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => maskLogValue(arg)),
        )
      },
    },
  }
}
