import * as endpoints from '../../contract/esign/endpoints'
import { fillPath } from '../../contract/endpoint'

/**
 * GET /api/v1/signature-records/:id/ses-signature (the GB/T 38540 signature file, DER) and
 * …/verification-qr (a PNG of the verification link): public, no login. The platform downloads or
 * shows them by URL, so these are paths (from the descriptors), not calls.
 */
export function signatureFilePath(recordId: string): string {
  return fillPath(endpoints.getSesSignature.path, { recordId })
}

export function verificationQrPath(recordId: string): string {
  return fillPath(endpoints.getVerificationQr.path, { recordId })
}
