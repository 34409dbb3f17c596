import { ApiError } from '../../../kernel/http/api-error'

/** A VALIDATION_FAILED naming one field, in the shape schema errors have. */
export function fieldError(field: string, message: string): ApiError {
  return new ApiError('VALIDATION_FAILED', { message: `请求参数有误：${message}`, details: [{ field, message }] })
}
