import { createHmac, randomBytes } from 'node:crypto'

/** 32 random bytes (256 bits) in base64url: 43 characters of [A-Za-z0-9_-]. */
const TOKEN_BYTES = 32
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/

export function newFeedToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url')
}

export function isFeedToken(text: string): boolean {
  return TOKEN_FORMAT.test(text)
}

/**
 * What is stored of a token: HMAC-SHA256 under the server secret. A feed is found by an index
 * lookup of this hash, so the time a lookup takes depends on the hash, never on how much of a
 * guessed token was right; and a copy of the table opens no feed without the secret.
 */
export function feedTokenHash(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`calendar-feed:${token}`).digest('hex')
}
