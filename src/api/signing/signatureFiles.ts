/**
 * GET /api/v1/signature-records/:id/ses-signature (the GB/T 38540 signature file, DER) and
 * …/verification-qr (a PNG of the verification link): public, no login. The platform downloads or
 * shows them by URL, so these are paths, not calls.
 */
export function signatureFilePath(recordId: string): string {
  return `/api/v1/signature-records/${encodeURIComponent(recordId)}/ses-signature`
}

export function verificationQrPath(recordId: string): string {
  return `/api/v1/signature-records/${encodeURIComponent(recordId)}/verification-qr`
}
