import { SM2_WITH_SM3_OID, SM3_OID } from '../../../../src/domain/signing/tbs'
import { AlgorithmIdentifier } from '@peculiar/asn1-x509'

/**
 * The few DER facts the PKI code needs beyond @peculiar/asn1-schema: the exact bytes of an
 * element inside a structure (what a signature covers must be the bytes received, not a
 * re-encoding), and PEM armour.
 */

export interface DerElement {
  tag: number
  /** The whole element: tag, length and contents. */
  bytes: Buffer
  contents: Buffer
}

/** Reads one element at `offset`; throws on anything truncated or in indefinite/long-tag form. */
export function readElement(der: Buffer, offset = 0): DerElement {
  if (offset + 2 > der.length) throw new Error('DER: truncated')
  const tag = der[offset]
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: long tags are not used here')
  let length = der[offset + 1]
  let header = 2
  if (length & 0x80) {
    const count = length & 0x7f
    if (count === 0 || count > 4 || offset + 2 + count > der.length) throw new Error('DER: bad length')
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + der[offset + 2 + i]
    header += count
  }
  const end = offset + header + length
  if (end > der.length) throw new Error('DER: truncated')
  return { tag, bytes: der.subarray(offset, end), contents: der.subarray(offset + header, end) }
}

/** The elements directly inside a constructed element. */
export function childrenOf(element: DerElement): DerElement[] {
  const children: DerElement[] = []
  for (let offset = 0; offset < element.contents.length;) {
    const child = readElement(element.contents, offset)
    children.push(child)
    offset += child.bytes.length
  }
  return children
}

/** The exact bytes of the first element inside a SEQUENCE (TBSCertificate, TBSCertList, TBS_Sign…). */
export function firstChildBytes(der: Buffer): Buffer {
  const outer = readElement(der)
  if (outer.tag !== 0x30 || outer.bytes.length !== der.length) throw new Error('DER: not one SEQUENCE')
  return readElement(outer.contents).bytes
}

export function toPem(label: string, der: Buffer): string {
  return `-----BEGIN ${label}-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END ${label}-----\n`
}

/** The DER inside a PEM of that label, or a bare base64 DER. */
export function fromPem(label: string, text: string): Buffer {
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(text)
  const body = (match ? match[1] : text).replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new Error(`not a ${label} PEM or base64`)
  return Buffer.from(body, 'base64')
}

/** SM2 signature with SM3 (GM/T 0006), no parameters — what OpenSSL reads as SM2-with-SM3. */
export const sm2WithSm3 = () => new AlgorithmIdentifier({ algorithm: SM2_WITH_SM3_OID })
export const sm3Algorithm = () => new AlgorithmIdentifier({ algorithm: SM3_OID })

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
}
