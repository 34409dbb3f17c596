import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorCode } from '../contract'
import { ApiError } from './api-error'
import { describeViolations, type SchemaViolation } from './validation-messages'

/** Fastify's own errors for bad requests, mapped to our codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
}

/** Any error → ApiError. Only errors we do not understand become INTERNAL. */
export function toApiError(error: FastifyError | Error): ApiError {
  if (error instanceof ApiError) return error
  const fastifyError = error as FastifyError
  if (fastifyError.validation) {
    const { message, details } = describeViolations(
      fastifyError.validation as unknown as SchemaViolation[],
      fastifyError.validationContext ?? 'body',
    )
    return new ApiError('VALIDATION_FAILED', { message, details })
  }
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined
  if (mapped) return new ApiError(mapped)
  const status = fastifyError.statusCode ?? 500
  // Other 4xx from Fastify or a plugin (bad URL encoding, 404 from static files…) are the client's doing.
  if (status === 404) return new ApiError('NOT_FOUND')
  if (status >= 400 && status < 500) return new ApiError('VALIDATION_FAILED', { status })
  return new ApiError('INTERNAL')
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = toApiError(error)
    if (apiError.code === 'INTERNAL') {
      request.log.error({ err: error }, 'unexpected error')
    } else if (apiError.statusCode >= 500) {
      request.log.warn({ err: error, cause: describeCause(error.cause), code: apiError.code }, 'dependency failure')
    } else {
      request.log.info({ code: apiError.code }, apiError.message)
    }
    return reply.status(apiError.statusCode).type('application/json; charset=utf-8').send(apiError.toBody())
  })

  app.setNotFoundHandler((_request, reply) => {
    const apiError = new ApiError('NOT_FOUND')
    return reply.status(404).type('application/json; charset=utf-8').send(apiError.toBody())
  })
}

function describeCause(cause: unknown): unknown {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : cause
}
