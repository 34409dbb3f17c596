import { createPrivateKey, createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto'

/**
 * RSA2 (SHA256withRSA) signing for the Alipay open platform:
 * https://opendocs.alipay.com/common/02kf5q (签名) and 02mse7 (验签).
 */

/** Alipay's key tools print bare base64 (PKCS#8/PKCS#1 private, X.509 public); PEM also accepted. */
export function parsePrivateKey(raw: string): KeyObject {
  const text = raw.replace(/\\n/g, '\n').trim()
  if (text.includes('-----BEGIN')) return createPrivateKey(text)
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64')
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
  } catch {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs1' })
  }
}

export function parsePublicKey(raw: string): KeyObject {
  const text = raw.replace(/\\n/g, '\n').trim()
  if (text.includes('-----BEGIN')) return createPublicKey(text)
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64')
  try {
    return createPublicKey({ key: der, format: 'der', type: 'spki' })
  } catch {
    return createPublicKey({ key: der, format: 'der', type: 'pkcs1' })
  }
}

/** `k1=v1&k2=v2` over non-empty params except `sign`, keys in ASCII order, values not URL-encoded. */
export function signingString(params: Record<string, string | undefined>): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && params[key] !== undefined && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&')
}

export function signParams(params: Record<string, string | undefined>, privateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(signingString(params), 'utf8').sign(privateKey, 'base64')
}

export function verifyText(text: string, signature: string, publicKey: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(text, 'utf8').verify(publicKey, signature, 'base64')
  } catch {
    return false
  }
}

/**
 * The exact source text of each top-level member of a JSON object. Alipay signs the response
 * node as it appears on the wire, so it must be verified before (and independently of) parsing.
 * Returns null when the text is not a JSON object.
 */
export function topLevelMemberTexts(json: string): Map<string, string> | null {
  const members = new Map<string, string>()
  let i = skipSpace(json, 0)
  if (json[i] !== '{') return null
  i = skipSpace(json, i + 1)
  if (json[i] === '}') return members
  while (i < json.length) {
    if (json[i] !== '"') return null
    const keyEnd = endOfString(json, i)
    if (keyEnd < 0) return null
    const key = JSON.parse(json.slice(i, keyEnd)) as string
    i = skipSpace(json, keyEnd)
    if (json[i] !== ':') return null
    const start = skipSpace(json, i + 1)
    const end = endOfValue(json, start)
    if (end < 0) return null
    members.set(key, json.slice(start, end))
    i = skipSpace(json, end)
    if (json[i] === '}') return members
    if (json[i] !== ',') return null
    i = skipSpace(json, i + 1)
  }
  return null
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && ' \t\r\n'.includes(text[i])) i++
  return i
}

/** Index just past the string starting at i (which is a quote), or -1. */
function endOfString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++
    else if (text[j] === '"') return j + 1
  }
  return -1
}

/** Index just past the value starting at i, or -1. Nested objects and arrays are matched by depth. */
function endOfValue(text: string, i: number): number {
  if (text[i] === '"') return endOfString(text, i)
  if (text[i] !== '{' && text[i] !== '[') {
    const match = /^[^,}\]\s]+/.exec(text.slice(i))
    return match ? i + match[0].length : -1
  }
  let depth = 0
  for (let j = i; j < text.length; j++) {
    const c = text[j]
    if (c === '"') {
      j = endOfString(text, j) - 1
      if (j < 0) return -1
    } else if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') {
      depth--
      if (depth === 0) return j + 1
    }
  }
  return -1
}
