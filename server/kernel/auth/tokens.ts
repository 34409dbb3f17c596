import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 32 random bytes, base64url: unguessable, URL- and header-safe. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Tokens and API keys are stored only as this hash, so a database leak yields no usable credential. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex')
}

/** Compares secrets in constant time; hashing first makes lengths equal without leaking them. */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest()
  const b = createHash('sha256').update(expected, 'utf8').digest()
  return timingSafeEqual(a, b)
}

/** The token from `Authorization: Bearer <token>`, or null when absent or not a bearer header. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match ? match[1] : null
}
