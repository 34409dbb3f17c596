import { sm2, sm3 } from 'sm-crypto-v2'
import { EC_PUBLIC_KEY_OID, SM2_CURVE_OID, SM2_DEFAULT_USER_ID } from '../../../../src/domain/signing/tbs'

/**
 * SM2 (GB/T 32918) key pairs, signatures and SM3 digests over sm-crypto-v2, with keys as the
 * rest of the world reads them: the public key as an X.509 SubjectPublicKeyInfo PEM (built by
 * hand — Node's OpenSSL build does not export SM2 keys), signatures as DER SEQUENCE{r, s}.
 * Signing always hashes with Z = SM3(ENTL‖ID‖a‖b‖G‖P) for the default ID 1234567812345678, so
 * `openssl pkeyutl -verify … -digest sm3 -pkeyopt distid:1234567812345678` verifies the result.
 */

export interface Sm2KeyPair {
  /** 32-byte scalar, hex. Secret: encrypt before storing (key-vault.ts), never log or return. */
  privateKeyHex: string
  /** Uncompressed point 04‖x‖y, hex (130 characters). */
  publicKeyHex: string
}

export function generateSm2KeyPair(): Sm2KeyPair {
  const { privateKey, publicKey } = sm2.generateKeyPairHex()
  return { privateKeyHex: privateKey, publicKeyHex: publicKey }
}

export function sm3Hex(data: Uint8Array | Buffer): string {
  return sm3(new Uint8Array(data))
}

/** DER SEQUENCE{r INTEGER, s INTEGER}. */
export function sm2Sign(message: Uint8Array, keys: Sm2KeyPair): Buffer {
  const der = sm2.doSignature(new Uint8Array(message), keys.privateKeyHex, {
    hash: true,
    der: true,
    publicKey: keys.publicKeyHex,
    userId: SM2_DEFAULT_USER_ID,
  })
  return Buffer.from(der, 'hex')
}

type PrecomputedPoint = ReturnType<typeof sm2.precomputePublicKey>

/**
 * Verifying multiplies the public key point; with a window table built for it (≈10 ms, window 4)
 * each verification with that key is ≈5× faster (bench/sm2.ts). Seal keys are verified again
 * and again (验章, status pages), so the tables of recently used keys are kept, least recent
 * dropped first.
 */
const PRECOMPUTED_KEYS = 256
const precomputed = new Map<string, PrecomputedPoint>()

/** null for anything that is not an SM2 point (checked once, when the table is built). */
function verificationPoint(publicKeyHex: string): PrecomputedPoint | null {
  const cached = precomputed.get(publicKeyHex)
  if (cached) {
    precomputed.delete(publicKeyHex)
    precomputed.set(publicKeyHex, cached)
    return cached
  }
  if (!isPublicKeyHex(publicKeyHex)) return null
  const point = sm2.precomputePublicKey(publicKeyHex, 4)
  precomputed.set(publicKeyHex, point)
  if (precomputed.size > PRECOMPUTED_KEYS) precomputed.delete(precomputed.keys().next().value as string)
  return point
}

export function sm2Verify(message: Uint8Array, signatureDer: Uint8Array, publicKeyHex: string): boolean {
  try {
    const point = verificationPoint(publicKeyHex)
    if (!point) return false
    return sm2.doVerifySignature(new Uint8Array(message), Buffer.from(signatureDer).toString('hex'), point, {
      hash: true,
      der: true,
      userId: SM2_DEFAULT_USER_ID,
    })
  } catch {
    // Malformed DER or a point off the curve: not a valid signature, not a server error.
    return false
  }
}

// --- DER, just enough for SubjectPublicKeyInfo ---

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length])
  const bytes: number[] = []
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

function tlv(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body])
}

export function derOid(oid: string): Buffer {
  const arcs = oid.split('.').map(Number)
  const body: number[] = [arcs[0] * 40 + arcs[1]]
  for (const arc of arcs.slice(2)) {
    const base128: number[] = [arc & 0x7f]
    for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128))
      base128.unshift(0x80 | (rest & 0x7f))
    body.push(...base128)
  }
  return tlv(0x06, Buffer.from(body))
}

/** SEQUENCE{ SEQUENCE{ id-ecPublicKey, sm2 }, BIT STRING 04‖x‖y }. */
function spkiHeader(): Buffer {
  return tlv(0x30, Buffer.concat([derOid(EC_PUBLIC_KEY_OID), derOid(SM2_CURVE_OID)]))
}

function isPublicKeyHex(hex: string): boolean {
  if (!/^04[0-9a-f]{128}$/.test(hex)) return false
  try {
    return sm2.verifyPublicKey(hex)
  } catch {
    return false // not a point on the curve
  }
}

export function sm2PublicKeyDer(publicKeyHex: string): Buffer {
  if (!isPublicKeyHex(publicKeyHex)) throw new Error('not an uncompressed SM2 public key')
  const bitString = tlv(0x03, Buffer.concat([Buffer.from([0]), Buffer.from(publicKeyHex, 'hex')]))
  return tlv(0x30, Buffer.concat([spkiHeader(), bitString]))
}

export function sm2PublicKeyPem(publicKeyHex: string): string {
  const base64 = sm2PublicKeyDer(publicKeyHex).toString('base64')
  return `-----BEGIN PUBLIC KEY-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`
}

/**
 * The public key in a PEM, or null unless it is exactly an SM2 SubjectPublicKeyInfo with an
 * uncompressed point on the curve (a verifier must not be handed some other algorithm's key).
 */
export function parseSm2PublicKeyPem(pem: string): string | null {
  const match = /^-----BEGIN PUBLIC KEY-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END PUBLIC KEY-----\s*$/.exec(pem.trim())
  if (!match) return null
  const der = Buffer.from(match[1].replace(/\s+/g, ''), 'base64')
  const header = spkiHeader()
  // Fixed layout: 30 59 | 30 13 <header body> | 03 42 00 04‖x‖y  (0x59 = 89 bytes).
  const expectedPrefix = Buffer.concat([Buffer.from([0x30, 0x59]), header, Buffer.from([0x03, 0x42, 0x00])])
  if (der.length !== expectedPrefix.length + 65 || !der.subarray(0, expectedPrefix.length).equals(expectedPrefix))
    return null
  const publicKeyHex = der.subarray(expectedPrefix.length).toString('hex')
  return isPublicKeyHex(publicKeyHex) ? publicKeyHex : null
}
