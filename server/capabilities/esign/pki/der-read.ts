import { childrenOf, readElement, type DerElement } from './der'
import { derOid } from '../signing/sm2'

/**
 * Reading DER on the public verifier's hot path. @peculiar/asn1-schema parses an SES_Signature
 * in ≈11 ms and a timestamp token in ≈7 ms here (it builds and schema-checks every node), which
 * alone would cap 验章 near 50/s; verification needs a dozen fields at known places, so it walks
 * the elements instead (the library still encodes everything, and tests parse our output with
 * it and with openssl). Anything out of shape throws; callers treat that as unreadable.
 */

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  utf8String: 0x0c,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
} as const

export function expectTag(element: DerElement, tag: number): DerElement {
  if (element.tag !== tag) throw new Error(`DER: expected tag ${tag.toString(16)}, got ${element.tag.toString(16)}`)
  return element
}

export function children(element: DerElement, tag: number = TAG.sequence): DerElement[] {
  return childrenOf(expectTag(element, tag))
}

export function whole(der: Buffer): DerElement {
  const element = readElement(der)
  if (element.bytes.length !== der.length) throw new Error('DER: trailing bytes')
  return element
}

const oidCache = new Map<string, Buffer>()
export function isOid(element: DerElement, oid: string): boolean {
  let encoded = oidCache.get(oid)
  if (!encoded) {
    encoded = derOid(oid)
    oidCache.set(oid, encoded)
  }
  return element.tag === TAG.oid && element.bytes.equals(encoded)
}

export function smallInteger(element: DerElement): number {
  const { contents } = expectTag(element, TAG.integer)
  if (contents.length === 0 || contents.length > 4 || contents[0] & 0x80) throw new Error('DER: not a small integer')
  return contents.readUIntBE(0, contents.length)
}

/** BIT STRING contents without the unused-bits byte (which must be 0). */
export function bitString(element: DerElement): Buffer {
  const { contents } = expectTag(element, TAG.bitString)
  if (contents.length === 0 || contents[0] !== 0) throw new Error('DER: bit string with unused bits')
  return contents.subarray(1)
}

export function text(element: DerElement, tag: number): string {
  return expectTag(element, tag).contents.toString(tag === TAG.utf8String ? 'utf8' : 'latin1')
}

/** UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSS[.fff]Z, as DER allows them. */
export function time(element: DerElement): Date {
  const value = element.contents.toString('latin1')
  const match =
    element.tag === TAG.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(value)
      : element.tag === TAG.generalizedTime
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d{1,3})?Z$/.exec(value)
        : null
  if (!match) throw new Error('DER: not a time')
  let year = Number(match[1])
  if (element.tag === TAG.utcTime) year += year < 50 ? 2000 : 1900
  const ms = match[7] ? Math.round(Number(`0${match[7]}`) * 1000) : 0
  const date = new Date(
    Date.UTC(year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6]), ms),
  )
  if (Number.isNaN(date.getTime())) throw new Error('DER: not a time')
  return date
}
