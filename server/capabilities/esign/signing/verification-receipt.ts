import type { SealVerificationResult, VerificationReceipt } from '../../../../src/contract/esign/schemas'
import type { SealCa } from '../pki/ca'
import { toPem } from '../pki/der'
import { verdictLine } from '../../../../src/domain/signing/verificationLink'
import { SM2_DEFAULT_USER_ID } from '../../../../src/domain/signing/tbs'
import { generateSm2KeyPair, sm2Sign, type Sm2KeyPair } from './sm2'

/**
 * 验章回执: the verification result, signed, so a court or a bank can keep it and re-check it offline
 * with OpenSSL (README「在本机用 OpenSSL 复核」).
 *
 * The receipt key is neither a seal key nor the CA or TSA key. It is generated in memory when the
 * first receipt is signed and never leaves the process (not stored, not logged); the seal CA issues
 * it a certificate with its own subject, which every receipt carries, so a receipt signed before a
 * restart still verifies against the CA certificate (GET /api/v1/pki/ca). Each server process has
 * its own; nothing else needs the key, so there is nothing to rotate or to leak at rest.
 */

export const RECEIPT_FORMAT = 'zqt-verification-receipt/1'

/** Long enough for a receipt to be re-checked years later without -attime. */
const RECEIPT_CERTIFICATE_YEARS = 10
const YEAR_MS = 365.25 * 24 * 3600 * 1000

export const RECEIPT_SUBJECT = {
  kind: 'service',
  organisation: '政企通',
  unit: '验章服务',
  name: '政企通验章回执签名',
} as const

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined }

/**
 * Canonical JSON (the RFC 8785 shape for what a receipt holds): object keys sorted by UTF-16 code
 * units, no whitespace, strings as JSON.stringify writes them, integers only, undefined members left out.
 */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error('canonicalJson: integers only')
    return String(value)
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const members = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as Json)}`)
  return `{${members.join(',')}}`
}

export interface ReceiptContent {
  result: SealVerificationResult
  recordId: string | null
  documentSm3: string
}

/** What the payload says, as an object (tests and the app read it back with JSON.parse). */
export function receiptPayload(content: ReceiptContent, verifiedAt: Date): Json {
  const { result } = content
  return {
    format: RECEIPT_FORMAT,
    verifiedAt: verifiedAt.toISOString(),
    recordId: content.recordId,
    documentSm3: content.documentSm3,
    valid: result.valid,
    verdict: verdictLine(result),
    seal: result.seal,
    signedAt: result.signedAt,
    steps: result.steps.map((step) => ({ key: step.key, name: step.name, passed: step.passed, text: step.text })),
  }
}

export class ReceiptSigner {
  private signer: Promise<{ keys: Sm2KeyPair; certificatePem: string }> | null = null

  constructor(
    private readonly ca: SealCa,
    private readonly clock: () => number,
  ) {}

  private key(): Promise<{ keys: Sm2KeyPair; certificatePem: string }> {
    if (!this.signer) {
      const keys = generateSm2KeyPair()
      const now = this.clock()
      this.signer = this.ca
        .issue({
          holder: RECEIPT_SUBJECT,
          publicKeyHex: keys.publicKeyHex,
          notBefore: new Date(now - 3600 * 1000),
          notAfter: new Date(now + RECEIPT_CERTIFICATE_YEARS * YEAR_MS),
        })
        .then((issued) => ({ keys, certificatePem: toPem('CERTIFICATE', issued.der) }))
      // A CA that failed once is asked again next time, not remembered as failed.
      this.signer.catch(() => (this.signer = null))
    }
    return this.signer
  }

  async sign(content: ReceiptContent): Promise<VerificationReceipt> {
    const { keys, certificatePem } = await this.key()
    const payload = canonicalJson(receiptPayload(content, new Date(this.clock())))
    return {
      format: RECEIPT_FORMAT,
      payload,
      signature: sm2Sign(Buffer.from(payload, 'utf8'), keys).toString('base64'),
      signatureAlgorithm: 'SM2-with-SM3',
      signerId: SM2_DEFAULT_USER_ID,
      certificate: certificatePem,
    }
  }
}
