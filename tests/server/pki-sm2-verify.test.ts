import fc from 'fast-check'
import { sm2 } from 'sm-crypto-v2'
import { sm2VerifyFast } from '../../server/pki/sm2-verify'
import { generateSm2KeyPair, sm2Sign } from '../../server/signing/sm2'

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
          if (mode === 0) expect(expected).toBe(true)
          checkedSignature = Buffer.from(signature)
          checkedSignature[at % signature.length] ^= 1 << (bit % 8)
          // Never more lenient than the library (which, for one, reads a SET tag 0x31 as a SEQUENCE).
          if (sm2VerifyFast(message, checkedSignature, key.publicKeyHex)) {
            expect(library(message, checkedSignature, key.publicKeyHex)).toBe(true)
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  it('refuses s + n, r or s of zero, and anything that is not DER', () => {
    const message = Buffer.from('采购合同')
    const key = KEYS[0]
    const signature = sm2Sign(message, key)
    const [r, s] = [signature, signature].map((_, i) => {
      const der = Buffer.from(signature)
      let offset = 2
      for (let k = 0; k < i; k++) offset += 2 + der[offset + 1]
      return BigInt(`0x${der.subarray(offset + 2, offset + 2 + der[offset + 1]).toString('hex')}`)
    })
    expect(sm2VerifyFast(message, derSignature(r, s), key.publicKeyHex)).toBe(true)
    expect(sm2VerifyFast(message, derSignature(r, s + N), key.publicKeyHex)).toBe(false)
    expect(sm2VerifyFast(message, derSignature(0n, s), key.publicKeyHex)).toBe(false)
    expect(sm2VerifyFast(message, derSignature(r, 0n), key.publicKeyHex)).toBe(false)
    expect(sm2VerifyFast(message, Buffer.concat([signature, Buffer.from([0])]), key.publicKeyHex)).toBe(false)
    expect(sm2VerifyFast(message, Buffer.from('not der'), key.publicKeyHex)).toBe(false)
    expect(sm2VerifyFast(message, signature, `04${'00'.repeat(64)}`)).toBe(false)
    expect(sm2VerifyFast(message, signature, 'zz')).toBe(false)
  })
})
