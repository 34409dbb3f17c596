import type { FastifyReply, FastifyRequest } from 'fastify'
import { maskPersonalDataInText } from '../src/domain/mask'

/**
 * PIPL treats phone and ID numbers as sensitive: they must never reach the logs. Every string a
 * log call receives is masked, request URLs are masked, headers are not logged, and credentials
 * are redacted in case some code logs headers anyway.
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
        url: maskPersonalDataInText(request.url),
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
