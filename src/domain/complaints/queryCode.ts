/**
 * The query code an anonymous submitter keeps to follow a case (anonymous cases get no return
 * call, so this code is their only way back). Ten characters: nine random, one check character.
 *
 * The alphabet leaves out 0, 1, I and O, which people misread and mistype; with those gone L is
 * unambiguous and there are exactly 32 symbols, so one random byte's low 5 bits pick one without
 * bias. Nine symbols give 45 bits, far beyond guessing at the rate limit the server applies.
 * The check character (Luhn mod N, which catches every single mistyped character) lets the form
 * say "查询码有误" before asking the server, and keeps typos from landing on someone else's case.
 *
 * Generation takes the random bytes as input so this module stays pure: the server passes
 * `crypto.randomBytes(QUERY_CODE_RANDOM_BYTES)`.
 */

export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const QUERY_CODE_LENGTH = 10
export const QUERY_CODE_RANDOM_BYTES = QUERY_CODE_LENGTH - 1

const N = QUERY_CODE_ALPHABET.length

/** Luhn mod N check symbol for `payload` (symbols of the alphabet). */
function checkSymbol(payload: string): string {
  let sum = 0
  let double = true
  for (let i = payload.length - 1; i >= 0; i--) {
    let value = QUERY_CODE_ALPHABET.indexOf(payload[i])
    if (double) {
      value *= 2
      value = Math.floor(value / N) + (value % N)
    }
    sum += value
    double = !double
  }
  return QUERY_CODE_ALPHABET[(N - (sum % N)) % N]
}

/** A fresh code from at least QUERY_CODE_RANDOM_BYTES random bytes; throws RangeError on fewer. */
export function queryCodeFromBytes(bytes: ArrayLike<number>): string {
  if (bytes.length < QUERY_CODE_RANDOM_BYTES)
    throw new RangeError(`A query code needs ${QUERY_CODE_RANDOM_BYTES} random bytes, got ${bytes.length}`)
  let payload = ''
  for (let i = 0; i < QUERY_CODE_RANDOM_BYTES; i++) payload += QUERY_CODE_ALPHABET[bytes[i] & (N - 1)]
  return payload + checkSymbol(payload)
}

/** What a person typed, made comparable: upper case, without spaces or hyphens. */
export function normaliseQueryCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase()
}

/** Whether the text (after {@link normaliseQueryCode}) is a well-formed code with a correct check. */
export function isValidQueryCode(typed: string): boolean {
  const code = normaliseQueryCode(typed)
  if (code.length !== QUERY_CODE_LENGTH) return false
  for (const symbol of code) if (!QUERY_CODE_ALPHABET.includes(symbol)) return false
  return checkSymbol(code.slice(0, -1)) === code[QUERY_CODE_LENGTH - 1]
}

/** ABCDE-FGHJK: two groups of five are easier to read out and copy down. */
export function formatQueryCode(code: string): string {
  const normal = normaliseQueryCode(code)
  return `${normal.slice(0, 5)}-${normal.slice(5)}`
}
