import { ERROR_REGISTRY, type ApiErrorBody, type ErrorCode, type ErrorEntry } from '../../../src/contract/errors'

/** Default HTTP status and Chinese message for each error code: the one registry in src/contract/errors.ts. */
export const ERROR_DEFAULTS: Record<ErrorCode, ErrorEntry> = ERROR_REGISTRY

export interface ApiErrorOptions {
  /** Overrides the default Chinese message. */
  message?: string
  details?: ApiErrorBody['details']
  status?: number
  /** What really went wrong (provider error code…), for the logs only; never sent to the client. */
  cause?: unknown
}

/** Thrown by routes and helpers for every expected failure; the error handler turns it into ApiErrorBody. */
export class ApiError extends Error {
  readonly name = 'ApiError'
  readonly statusCode: number
  readonly details?: ApiErrorBody['details']

  constructor(
    readonly code: ErrorCode,
    options: ApiErrorOptions = {},
  ) {
    super(options.message ?? ERROR_DEFAULTS[code].message, { cause: options.cause })
    this.statusCode = options.status ?? ERROR_DEFAULTS[code].status
    this.details = options.details
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message }
    if (this.details) body.details = this.details
    return body
  }
}

/** The ApiError body's schema, registered once by server/app.ts (src/contract/common.ts). */
export { ApiErrorSchema as apiErrorSchema } from '../../../src/contract/common'
