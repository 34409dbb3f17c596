import { createPublicKey, createVerify, type KeyObject } from 'node:crypto'
import { sm2, sm3 } from 'sm-crypto-v2'
import { SM2_DEFAULT_USER_ID } from '../../../../src/domain/signing/tbs'
import { sm2PublicKeyDer } from '../signing/sm2'
import { childrenOf, readElement } from './der'

/**
 * SM2 verification (GB/T 32918.2 §7) for the public verifier's hot path. Every check is ours or
 * OpenSSL's, never skipped: the public key is an uncompressed point on the curve (checked once per
 * key), r and s are strict DER integers in [1, n-1], t = (r + s) mod n is not 0, Z is computed
 * here with the standard distinguishing ID 1234567812345678 (GM/T 0009), e = SM3(Z‖M), and
 * R = (e + x1) mod n must equal r.
 *
 * Two engines compute the last step; the choice is made once, by a known-answer self-test:
 *
 * - **OpenSSL** (Node's bundled libcrypto, 3.x): a key imported from an SM2 SubjectPublicKeyInfo is
 *   an SM2 key. Node has no way to set the distinguishing ID, and `crypto.verify` computes Z with
 *   OpenSSL 3's default, the *empty* ID — wrong for us. But `createVerify('sm3')` hashes what it is
 *   fed and hands the digest to EVP_PKEY_verify, which for an SM2 key is the raw verification of
 *   a precomputed e (no Z added: nodejs/node#53761 reports exactly this as a bug). Fed Z‖M, it
 *   verifies e = SM3(Z‖M) with our Z: the standard verification, natively (≈ openssl speed).
 * - **JavaScript** (fallback where that self-test fails — an OpenSSL without SM2, or a Node that
 *   one day adds Z inside createVerify): sm-crypto-v2's curve arithmetic, s·G + t·P with
 *   variable-time multiplications (everything here is public) and window tables for busy keys.
 *
 * tests/server/pki-sm2-verify.test.ts checks both engines against sm-crypto-v2's
 * doVerifySignature; figures in bench/sm2.ts.
 */

/** The order n of the SM2 base point (GB/T 32918.5). */
const N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123')

export type Sm2VerifyEngine = 'openssl' | 'javascript'

type Point = ReturnType<typeof sm2.precomputePublicKey>
interface VerifyingKey {
  publicKeyHex: string
  z: Uint8Array
  /** OpenSSL's key object (engine 'openssl'), made on first use. */
  native: KeyObject | null
  /** sm-crypto-v2's point with its window table (engine 'javascript'), made on first use. */
  point: Point | null
  uses: number
  window: number
}

/**
 * Window tables (JavaScript engine): 4 bits on first sight (≈10 ms to build), 6 bits once a key
 * is used again and again (≈60 ms; ≈1.5× faster multiplications) — the CA, the TSA and busy seals.
 */
const FIRST_WINDOW = 4
const BUSY_WINDOW = 6
const BUSY_AFTER_USES = 4
const KEYS = 256
const keys = new Map<string, VerifyingKey | null>()

/** The key, checked on the curve once, with its Z; null for anything that is not an SM2 point. */
function verifyingKey(publicKeyHex: string): VerifyingKey | null {
  const cached = keys.get(publicKeyHex)
  if (cached !== undefined) {
    if (cached) cached.uses++
    return cached
  }
  let key: VerifyingKey | null = null
  if (/^04[0-9a-f]{128}$/.test(publicKeyHex)) {
    try {
      if (sm2.verifyPublicKey(publicKeyHex)) {
        key = {
          publicKeyHex,
          z: sm2.getZ(publicKeyHex, SM2_DEFAULT_USER_ID) as unknown as Uint8Array,
          native: null,
          point: null,
          uses: 1,
          window: 0,
        }
      }
    } catch {
      key = null // not a point on the curve
    }
  }
  keys.set(publicKeyHex, key)
  if (keys.size > KEYS) keys.delete(keys.keys().next().value as string)
  return key
}

function positiveInteger(element: { tag: number; contents: Buffer }): bigint | null {
  const { contents } = element
  if (element.tag !== 0x02 || contents.length === 0 || contents.length > 33 || contents[0] & 0x80) return null
  return BigInt(`0x${contents.toString('hex')}`)
}

/** DER SEQUENCE{r, s} → r, s in [1, n-1], or null. */
function signatureValues(signatureDer: Uint8Array): [bigint, bigint] | null {
  const der = Buffer.from(signatureDer)
  const outer = readElement(der)
  if (outer.tag !== 0x30 || outer.bytes.length !== der.length) return null
  const parts = childrenOf(outer)
  if (parts.length !== 2) return null
  const r = positiveInteger(parts[0])
  const s = positiveInteger(parts[1])
  if (r === null || s === null || r < 1n || r >= N || s < 1n || s >= N) return null
  return [r, s]
}

/** OpenSSL: e = SM3(Z‖M) hashed natively, then the raw SM2 verification of e. */
function verifyNative(key: VerifyingKey, message: Uint8Array, signatureDer: Uint8Array): boolean {
  if (!key.native) {
    key.native = createPublicKey({ key: sm2PublicKeyDer(key.publicKeyHex), format: 'der', type: 'spki' })
  }
  return createVerify('sm3').update(key.z).update(message).verify(key.native, signatureDer)
}

/** sm-crypto-v2's arithmetic: x1 of s·G + t·P, R = (e + x1) mod n. */
function verifyJavaScript(key: VerifyingKey, message: Uint8Array, r: bigint, s: bigint): boolean {
  if (!key.point || (key.uses >= BUSY_AFTER_USES && key.window < BUSY_WINDOW)) {
    key.window = key.point ? BUSY_WINDOW : FIRST_WINDOW
    key.point = sm2.precomputePublicKey(key.publicKeyHex, key.window)
  }
  const t = (r + s) % N
  if (t === 0n) return false
  const zm = new Uint8Array(key.z.length + message.length)
  zm.set(key.z)
  zm.set(message, key.z.length)
  const e = BigInt(`0x${sm3(zm)}`)
  const base = (key.point.constructor as unknown as { BASE: Point }).BASE
  const sum = base.multiplyUnsafe(s).add(key.point.multiplyUnsafe(t))
  if (sum.equals(base.subtract(base))) return false
  return (e + sum.toAffine().x) % N === r
}

function verifyWith(
  engine: Sm2VerifyEngine,
  message: Uint8Array,
  signatureDer: Uint8Array,
  publicKeyHex: string,
): boolean {
  try {
    const key = verifyingKey(publicKeyHex)
    const values = key ? signatureValues(signatureDer) : null
    if (!key || !values) return false
    return engine === 'openssl'
      ? verifyNative(key, message, signatureDer)
      : verifyJavaScript(key, message, values[0], values[1])
  } catch {
    return false
  }
}

/**
 * Known answer, made with sm-crypto-v2 (ID 1234567812345678): OpenSSL is used only if it accepts
 * this signature and refuses the same signature over another message and under the empty ID's Z
 * (what `crypto.verify` would use), so a libcrypto that hashes differently falls back to JavaScript.
 */
const SELF_TEST = {
  publicKeyHex:
    '045cd03eb94a382e57774fd4165fa740d2196c91d9dee2b2ed5e33764c2b21bb1bdd2c5faf7aa290004802b493ef619cdd6619833a020b002d3f42ffd0c2995468',
  message: Buffer.from('政企通 SM2 self-test'),
  signatureDer: Buffer.from(
    '3044022033dde307cd636ed2e7842011ea008b2fb9d70f045afdb7666aeb9bbe41b35672022033adb5bb6635d666c593f35b9fa8a00f8cb52e8fe519d3592be5a9a113336ed5',
    'hex',
  ),
}

function opensslPassesSelfTest(): boolean {
  try {
    const { publicKeyHex, message, signatureDer } = SELF_TEST
    const key = createPublicKey({ key: sm2PublicKeyDer(publicKeyHex), format: 'der', type: 'spki' })
    const digestVerifies = (z: Uint8Array, m: Uint8Array) =>
      createVerify('sm3').update(z).update(m).verify(key, signatureDer)
    const z = sm2.getZ(publicKeyHex, SM2_DEFAULT_USER_ID) as unknown as Uint8Array
    const emptyIdZ = sm2.getZ(publicKeyHex, '') as unknown as Uint8Array
    return (
      digestVerifies(z, message) &&
      !digestVerifies(z, Buffer.from('政企通 SM2 self-tesT')) &&
      !digestVerifies(emptyIdZ, message)
    )
  } catch {
    return false // no SM3, no SM2 curve, or no SM2 key type in this libcrypto
  }
}

let engine: Sm2VerifyEngine | null = null

/** The engine sm2VerifyFast uses here, decided once (the self-test runs on first call). */
export function sm2VerifyEngine(): Sm2VerifyEngine {
  if (engine === null) engine = opensslPassesSelfTest() ? 'openssl' : 'javascript'
  return engine
}

/** SM2 with SM3 and signer ID 1234567812345678 over `message`; false for anything malformed. */
export function sm2VerifyFast(message: Uint8Array, signatureDer: Uint8Array, publicKeyHex: string): boolean {
  return verifyWith(sm2VerifyEngine(), message, signatureDer, publicKeyHex)
}

/** The JavaScript engine alone: the fallback, kept callable for tests and the benchmark. */
export function sm2VerifyJavaScript(message: Uint8Array, signatureDer: Uint8Array, publicKeyHex: string): boolean {
  return verifyWith('javascript', message, signatureDer, publicKeyHex)
}
