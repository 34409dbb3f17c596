import {
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  generateKeyPairSync,
  getCurves,
  sign,
  verify,
} from 'node:crypto'
import fc from 'fast-check'
import { sm2 } from 'sm-crypto-v2'
import { sm2VerifyEngine, sm2VerifyFast, sm2VerifyJavaScript } from '../../server/capabilities/esign/pki/sm2-verify'
import { generateSm2KeyPair, sm2PublicKeyDer, sm2Sign } from '../../server/capabilities/esign/signing/sm2'

/** The verifier's SM2 path must say exactly what sm-crypto-v2 says, except where it is stricter. */
const KEYS = [generateSm2KeyPair(), generateSm2KeyPair()]
const N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123')
const library = (message: Uint8Array, signature: Buffer, publicKeyHex: string) => {
  try {
    return sm2.doVerifySignature(message, signature.toString('hex'), publicKeyHex, {
      hash: true,
      der: true,
      userId: '1234567812345678',
    })
  } catch {
    return false
  }
}

function derInteger(value: bigint): Buffer {
  let hex = value.toString(16)
  if (hex.length % 2) hex = `0${hex}`
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`
  const body = Buffer.from(hex, 'hex')
  return Buffer.concat([Buffer.from([0x02, body.length]), body])
}
const derSignature = (r: bigint, s: bigint) => {
  const body = Buffer.concat([derInteger(r), derInteger(s)])
  return Buffer.concat([Buffer.from([0x30, body.length]), body])
}

describe('sm2VerifyFast', () => {
  it("verifies with Node's OpenSSL where it has SM2 (this Node: OpenSSL 3 with the SM2 curve)", () => {
    const nodeHasSm2 = /^3\./.test(process.versions.openssl) && getCurves().includes('SM2')
    expect(nodeHasSm2).toBe(true)
    expect(sm2VerifyEngine()).toBe('openssl')
  })

  it('agrees with sm-crypto-v2 on fresh keys and random messages, on both engines', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.nat(), fc.boolean(), (message, at, alter) => {
        const key = generateSm2KeyPair()
        const signature = sm2Sign(message, key)
        const checked = Uint8Array.from(message)
        if (alter && message.length > 0) checked[at % message.length] ^= 1 << (at % 8)
        const expected = library(checked, signature, key.publicKeyHex)
        expect(expected).toBe(!alter || message.length === 0)
        expect(sm2VerifyFast(checked, signature, key.publicKeyHex)).toBe(expected)
        expect(sm2VerifyJavaScript(checked, signature, key.publicKeyHex)).toBe(expected)
      }),
      { numRuns: 40 },
    )
  })

  it('refuses a signature made with another distinguishing ID, or over a digest without Z', () => {
    const message = Buffer.from('许昌瑞丰食品有限公司 采购合同')
    const key = generateSm2KeyPair()
    for (const userId of ['', '1234567812345679', 'ALICE123@YAHOO.COM']) {
      const other = Buffer.from(
        sm2.doSignature(new Uint8Array(message), key.privateKeyHex, { hash: true, der: true, userId }),
        'hex',
      )
      expect(library(message, other, key.publicKeyHex)).toBe(false)
      expect(sm2VerifyFast(message, other, key.publicKeyHex)).toBe(false)
      expect(sm2VerifyJavaScript(message, other, key.publicKeyHex)).toBe(false)
    }

    // Node's own SM2 signatures: crypto.sign hashes with OpenSSL 3's default (empty) ID, and
    // createSign signs SM3(M) with no Z at all. Both verify by their own paths, never by ours.
    const generated = generateKeyPairSync('ec', { namedCurve: 'SM2' })
    const privateKey = createPrivateKey({
      key: generated.privateKey.export({ type: 'pkcs8', format: 'der' }),
      format: 'der',
      type: 'pkcs8',
    })
    const spki = generated.publicKey.export({ type: 'spki', format: 'der' })
    const publicKeyHex = spki.subarray(spki.length - 65).toString('hex')
    const publicKey = createPublicKey({ key: sm2PublicKeyDer(publicKeyHex), format: 'der', type: 'spki' })
    const emptyId = sign('sm3', message, privateKey)
    expect(verify('sm3', message, publicKey, emptyId)).toBe(true)
    expect(sm2VerifyFast(message, emptyId, publicKeyHex)).toBe(false)
    const noZ = createSign('sm3').update(message).sign(privateKey)
    expect(createVerify('sm3').update(message).verify(publicKey, noZ)).toBe(true)
    expect(sm2VerifyFast(message, noZ, publicKeyHex)).toBe(false)
    expect(sm2VerifyJavaScript(message, noZ, publicKeyHex)).toBe(false)
  })

  it('agrees with sm-crypto-v2 on genuine, altered and misattributed signatures', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 2 }),
        (message, at, bit, mode) => {
          const key = KEYS[at % 2]
          const signature = sm2Sign(message, key)
          let checkedMessage = message
          let checkedSignature = signature
          let checkedKey = key.publicKeyHex
          if (mode === 1 && message.length > 0) {
            checkedMessage = Uint8Array.from(message)
            checkedMessage[at % message.length] ^= 1 << (bit % 8)
          } else if (mode === 2) {
            checkedKey = KEYS[(at + 1) % 2].publicKeyHex
          }
          const expected = library(checkedMessage, checkedSignature, checkedKey)
          expect(sm2VerifyFast(checkedMessage, checkedSignature, checkedKey)).toBe(expected)
          expect(sm2VerifyJavaScript(checkedMessage, checkedSignature, checkedKey)).toBe(expected)
          if (mode === 0) expect(expected).toBe(true)
          checkedSignature = Buffer.from(signature)
          checkedSignature[at % signature.length] ^= 1 << (bit % 8)
          // Never more lenient than the library (which, for one, reads a SET tag 0x31 as a SEQUENCE).
          for (const engine of [sm2VerifyFast, sm2VerifyJavaScript]) {
            if (engine(message, checkedSignature, key.publicKeyHex)) {
              expect(library(message, checkedSignature, key.publicKeyHex)).toBe(true)
            }
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  it('refuses s + n, r + n, r or s of zero, t = 0, keys off the curve and anything that is not DER', () => {
    const message = Buffer.from('采购合同')
    const key = KEYS[0]
    const signature = sm2Sign(message, key)
    const [r, s] = [signature, signature].map((_, i) => {
      const der = Buffer.from(signature)
      let offset = 2
      for (let k = 0; k < i; k++) offset += 2 + der[offset + 1]
      return BigInt(`0x${der.subarray(offset + 2, offset + 2 + der[offset + 1]).toString('hex')}`)
    })
    // A point off the curve: the key's y with its last bit flipped.
    const offCurve = key.publicKeyHex.slice(0, -1) + (parseInt(key.publicKeyHex.slice(-1), 16) ^ 1).toString(16)
    for (const engine of [sm2VerifyFast, sm2VerifyJavaScript]) {
      expect(engine(message, derSignature(r, s), key.publicKeyHex)).toBe(true)
      expect(engine(message, derSignature(r, s + N), key.publicKeyHex)).toBe(false)
      expect(engine(message, derSignature(r + N, s), key.publicKeyHex)).toBe(false)
      expect(engine(message, derSignature(0n, s), key.publicKeyHex)).toBe(false)
      expect(engine(message, derSignature(r, 0n), key.publicKeyHex)).toBe(false)
      expect(engine(message, derSignature(r, N - r), key.publicKeyHex)).toBe(false) // t = 0
      expect(engine(message, Buffer.concat([signature, Buffer.from([0])]), key.publicKeyHex)).toBe(false)
      expect(engine(message, Buffer.from('not der'), key.publicKeyHex)).toBe(false)
      expect(engine(message, signature, `04${'00'.repeat(64)}`)).toBe(false)
      expect(engine(message, signature, offCurve)).toBe(false)
      expect(engine(message, signature, 'zz')).toBe(false)
    }
  })
})

describe('sm2VerifyFast without a usable OpenSSL SM2', () => {
  it('falls back to JavaScript when the self-test fails, and still verifies', () => {
    // A libcrypto whose SM2 digest path adds Z itself (as crypto.verify does, with the empty ID).
    jest.isolateModules(() => {
      jest.doMock('node:crypto', () => {
        const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto')
        return { ...actual, createVerify: () => ({ update: () => ({ update: () => ({ verify: () => true }) }) }) }
      })
      const isolated =
        require('../../server/capabilities/esign/pki/sm2-verify') as typeof import('../../server/capabilities/esign/pki/sm2-verify')
      expect(isolated.sm2VerifyEngine()).toBe('javascript')
      const key = KEYS[0]
      const message = Buffer.from('采购合同')
      const signature = sm2Sign(message, key)
      expect(isolated.sm2VerifyFast(message, signature, key.publicKeyHex)).toBe(true)
      expect(isolated.sm2VerifyFast(Buffer.from('采购合同2'), signature, key.publicKeyHex)).toBe(false)
    })
    jest.dontMock('node:crypto')
  })
})
