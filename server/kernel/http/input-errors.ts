import type { ApiErrorBody } from '../../../src/contract/errors'
import { isIsoDate, type IsoDate } from '../../../src/domain/calendar/dates'
import { ApiError } from './api-error'

/** The generic 400s a route's handler throws after the schema passed (any capability uses them). */

type Details = NonNullable<ApiErrorBody['details']>

export function validationError(details: Details): ApiError {
  return new ApiError('VALIDATION_FAILED', {
    message: `请求参数有误：${details.map((d) => d.message).join('；')}`,
    details,
  })
}

/** A 'YYYY-MM-DD' that names a real day (JSON-schema `format: date` lets 2026-02-30 through). */
export function requireIsoDate(value: string, field: string): IsoDate {
  if (!isIsoDate(value)) throw validationError([{ field, message: `${field} 应为有效日期（格式：2026-01-31）` }])
  return value
}
