import { ESIGN_ERRORS, type SignErrorEntry } from '../../contract/esign/errors'
import { isApiError, userMessage } from '../../api/errors'

// 扫码签章 errors each say what to do next. The texts are the registry's (src/contract/esign/errors.ts,
// `signStep`): the server sends the same codes, and these keep them apart even when an older
// server sends a generic message.
const SIGN_ERRORS: { [code: string]: SignErrorEntry | undefined } = ESIGN_ERRORS

/** Chinese text for a failed scan, confirm or reject. */
export function signErrorMessage(error: unknown): string {
  if (isApiError(error) && error.name === 'BusinessError') {
    const entry = Object.prototype.hasOwnProperty.call(SIGN_ERRORS, error.code) ? SIGN_ERRORS[error.code] : undefined
    if (entry?.signStep === true) return entry.message
    if (typeof entry?.signStep === 'string') return entry.signStep
  }
  return userMessage(error)
}
