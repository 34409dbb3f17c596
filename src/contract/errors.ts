/**
 * THE error registry: every code the server answers with, its HTTP status and its Chinese message.
 * Each capability keeps its codes in src/contract/<capability>/errors.ts; this file composes them.
 * The server's ApiError (server/kernel/http/api-error.ts) reads it for defaults; the app takes the
 * `ErrorCode` type from here (`import type`), and a screen that words a code itself reads its
 * capability's file (e.g. src/features/signing/signErrors.ts ← ./esign/errors.ts) so that only
 * that capability's texts reach that subpackage.
 */

import { COMMON_ERRORS, type ErrorEntry } from './common-errors'
import { ACCOUNT_ERRORS } from './account/errors'
import { LICENCE_ERRORS } from './licences/errors'
import { ESIGN_ERRORS } from './esign/errors'
import { POLICY_ERRORS } from './policies/errors'
import { COMPLAINT_ERRORS } from './complaints/errors'
import { COMPLIANCE_ERRORS } from './compliance/errors'

export type { ErrorEntry }

export const ERROR_REGISTRY = {
  ...COMMON_ERRORS,
  ...ACCOUNT_ERRORS,
  ...LICENCE_ERRORS,
  ...ESIGN_ERRORS,
  ...POLICY_ERRORS,
  ...COMPLAINT_ERRORS,
  ...COMPLIANCE_ERRORS,
}

/** Every stable code an API error body may carry. */
export type ErrorCode = keyof typeof ERROR_REGISTRY

/** Every non-2xx response has this body. `message` is Chinese and safe to show. */
export interface ApiErrorBody {
  code: ErrorCode
  message: string
  /** Field-level details for VALIDATION_FAILED, when known. */
  details?: { field: string; message: string }[]
}

/** The default answer of a code. */
export function errorEntry(code: ErrorCode): ErrorEntry {
  return ERROR_REGISTRY[code]
}
