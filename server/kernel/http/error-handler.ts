import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorCode } from '../../../src/contract/errors'
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

/** The router's refusals of a request path, which reach us only through `frameworkErrors`. */
const URL_ERRORS: Record<string, { status: number; message: string }> = {
  // A percent-escape that is not UTF-8 (%ED%A0%80 encodes a lone surrogate, %FF nothing).
  FST_ERR_BAD_URL: { status: 400, message: '请求地址含有无法识别的字符编码' },
  // A path segment over the router's maxParamLength (100 characters).
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, message: '请求地址中的参数过长' },
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
  const url = fastifyError.code ? URL_ERRORS[fastifyError.code] : undefined
  if (url) return new ApiError('VALIDATION_FAILED', url)
  const status = fastifyError.statusCode ?? 500
  // Other 4xx from Fastify or a plugin (bad URL encoding, 404 from static files…) are the client's doing.
  if (status === 404) return new ApiError('NOT_FOUND')
  if (status >= 400 && status < 500) return new ApiError('VALIDATION_FAILED', { status })
  return new ApiError('INTERNAL')
}

/**
 * Fastify's `frameworkErrors` option: errors raised before routing (a bad percent-escape, an
 * over-long path parameter) would otherwise be answered in Fastify's own English shape.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  answer(error, request, reply)
}

function answer(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const apiError = toApiError(error)
  if (apiError.code === 'INTERNAL') {
    request.log.error({ err: error }, 'unexpected error')
  } else if (apiError.statusCode >= 500) {
    request.log.warn({ err: error, cause: describeCause(error.cause), code: apiError.code }, 'dependency failure')
  } else {
    request.log.info({ code: apiError.code }, apiError.message)
  }
  return reply.status(apiError.statusCode).type('application/json; charset=utf-8').send(apiError.toBody())
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    answer(error, request, reply),
  )

  app.setNotFoundHandler((_request, reply) => {
    const apiError = new ApiError('NOT_FOUND')
    return reply.status(404).type('application/json; charset=utf-8').send(apiError.toBody())
  })
}

function describeCause(cause: unknown): unknown {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : cause
}
