import { randomBytes } from 'node:crypto'
import { AsnConvert, OctetString } from '@peculiar/asn1-schema'
import * as x509 from '@peculiar/asn1-x509'
import { sm2 } from 'sm-crypto-v2'
import { sm2PublicKeyDer, sm2Sign, sm3Hex, type Sm2KeyPair } from '../signing/sm2'
import { sm2VerifyFast } from './sm2-verify'
import { sm2WithSm3, toArrayBuffer } from './der'
import { bitString, children, expectTag, isOid, TAG, time, whole } from './der-read'
import { EC_PUBLIC_KEY_OID, SM2_CURVE_OID, SM2_WITH_SM3_OID } from '../../../../src/domain/signing/tbs'

/**
 * X.509 v3 certificates and v2 CRLs signed with SM2/SM3, encoded by @peculiar/asn1-x509 and signed
 * with sm-crypto-v2 (Z with ID 1234567812345678), so `openssl verify -vfyopt
 * distid:1234567812345678` accepts them.
 */

/** X.520 attribute types used in our names. */
export const ATTRIBUTE = {
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  /** X.520 organizationIdentifier: carries the 统一社会信用代码 (docs/decisions/gbt-38540-structures.md). */
  organizationIdentifier: '2.5.4.97',
} as const

export const ID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8'

export type NamePart = [type: string, value: string]

/** PrintableString for the country (RFC 5280), UTF8String for everything else (Chinese names). */
export function buildName(parts: NamePart[]): x509.Name {
  return new x509.Name(
    parts.map(
      ([type, value]) =>
        new x509.RelativeDistinguishedName([
          new x509.AttributeTypeAndValue({
            type,
            value: new x509.AttributeValue(
              type === ATTRIBUTE.country ? { printableString: value } : { utf8String: value },
            ),
          }),
        ]),
    ),
  )
}

function extension(extnID: string, critical: boolean, value: unknown): x509.Extension {
  return new x509.Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) })
}

/** RFC 5280 method 1 key identifier, with SM3 in place of SHA-1 (160 leftmost bits). */
export function keyIdentifier(publicKeyHex: string): Buffer {
  return Buffer.from(sm3Hex(Buffer.from(publicKeyHex, 'hex')), 'hex').subarray(0, 20)
}

/** A positive 127-bit serial, hex. */
export function newSerialHex(): string {
  const bytes = randomBytes(16)
  bytes[0] &= 0x7f
  if (bytes[0] === 0) bytes[0] = 1
  return bytes.toString('hex')
}

export interface CertificateRequest {
  serialHex: string
  subject: NamePart[]
  publicKeyHex: string
  notBefore: Date
  notAfter: Date
  profile: 'ca' | 'signer' | 'timestamping'
  /** Where the issuer publishes its CRL (not for the root itself). */
  crlUrl?: string
}

export interface Issuer {
  name: NamePart[]
  keys: Sm2KeyPair
}

export function issueCertificate(request: CertificateRequest, issuer: Issuer): Buffer {
  const extensions = [
    extension(
      x509.id_ce_subjectKeyIdentifier,
      false,
      new x509.SubjectKeyIdentifier(keyIdentifier(request.publicKeyHex)),
    ),
    extension(
      x509.id_ce_authorityKeyIdentifier,
      false,
      new x509.AuthorityKeyIdentifier({
        keyIdentifier: new x509.KeyIdentifier(keyIdentifier(issuer.keys.publicKeyHex)),
      }),
    ),
  ]
  if (request.profile === 'ca') {
    extensions.push(extension(x509.id_ce_basicConstraints, true, new x509.BasicConstraints({ cA: true })))
    extensions.push(
      extension(
        x509.id_ce_keyUsage,
        true,
        new x509.KeyUsage(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign),
      ),
    )
  } else {
    extensions.push(extension(x509.id_ce_basicConstraints, true, new x509.BasicConstraints({ cA: false })))
    extensions.push(extension(x509.id_ce_keyUsage, true, new x509.KeyUsage(x509.KeyUsageFlags.digitalSignature)))
  }
  if (request.profile === 'timestamping') {
    // RFC 3161 §2.3: the TSA certificate has exactly this one critical extended key usage.
    extensions.push(extension(x509.id_ce_extKeyUsage, true, new x509.ExtendedKeyUsage([ID_KP_TIME_STAMPING])))
  }
  if (request.crlUrl) {
    extensions.push(
      extension(
        x509.id_ce_cRLDistributionPoints,
        false,
        new x509.CRLDistributionPoints([
          new x509.DistributionPoint({
            distributionPoint: new x509.DistributionPointName({
              fullName: [new x509.GeneralName({ uniformResourceIdentifier: request.crlUrl })],
            }),
          }),
        ]),
      ),
    )
  }
  const tbs = new x509.TBSCertificate({
    version: x509.Version.v3,
    serialNumber: toArrayBuffer(Buffer.from(request.serialHex, 'hex')),
    signature: sm2WithSm3(),
    issuer: buildName(issuer.name),
    subject: buildName(request.subject),
    validity: new x509.Validity({ notBefore: request.notBefore, notAfter: request.notAfter }),
    subjectPublicKeyInfo: AsnConvert.parse(sm2PublicKeyDer(request.publicKeyHex), x509.SubjectPublicKeyInfo),
    extensions: new x509.Extensions(extensions),
  })
  return signWith(Buffer.from(AsnConvert.serialize(tbs)), issuer.keys)
}

/** SEQUENCE { tbs, SM2-with-SM3, BIT STRING signature }: a Certificate or a CertificateList. */
function signWith(tbsDer: Buffer, keys: Sm2KeyPair, signerId: CrlSignerId = 'default'): Buffer {
  const algorithm = Buffer.from(AsnConvert.serialize(sm2WithSm3()))
  const signature =
    signerId === 'default'
      ? sm2Sign(tbsDer, keys)
      : Buffer.from(
          sm2.doSignature(new Uint8Array(tbsDer), keys.privateKeyHex, {
            hash: true,
            der: true,
            publicKey: keys.publicKeyHex,
            userId: '',
          }),
          'hex',
        )
  const bitString = Buffer.concat([Buffer.from([0x03]), derLength(signature.length + 1), Buffer.from([0]), signature])
  const body = Buffer.concat([tbsDer, algorithm, bitString])
  return Buffer.concat([Buffer.from([0x30]), derLength(body.length), body])
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length])
  const bytes: number[] = []
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

export interface RevokedEntry {
  serialHex: string
  revokedAt: Date
}

/**
 * Which SM2 signer ID the CRL's Z uses: the GM/T 0009 default (1234567812345678), as for every
 * other signature here — or an empty one, because OpenSSL 3.0 checks a CRL's SM2 signature with
 * an empty ID and has no option to pass another (`-vfyopt distid:` reaches certificates only), so
 * `openssl verify -crl_check` needs that variant. Same entries either way.
 */
export type CrlSignerId = 'default' | 'empty'

export function issueCrl(
  issuer: Issuer,
  revoked: RevokedEntry[],
  thisUpdate: Date,
  nextUpdate: Date,
  crlNumber: number,
  signerId: CrlSignerId = 'default',
): Buffer {
  const tbs = new x509.TBSCertList({
    version: x509.Version.v2,
    signature: sm2WithSm3(),
    issuer: buildName(issuer.name),
    thisUpdate: new x509.Time(thisUpdate),
    nextUpdate: new x509.Time(nextUpdate),
    revokedCertificates: revoked.length
      ? revoked.map(
          (entry) =>
            new x509.RevokedCertificate({
              userCertificate: toArrayBuffer(Buffer.from(entry.serialHex, 'hex')),
              revocationDate: new x509.Time(entry.revokedAt),
            }),
        )
      : undefined,
    crlExtensions: new x509.Extensions([
      extension(
        x509.id_ce_authorityKeyIdentifier,
        false,
        new x509.AuthorityKeyIdentifier({
          keyIdentifier: new x509.KeyIdentifier(keyIdentifier(issuer.keys.publicKeyHex)),
        }),
      ),
      extension(x509.id_ce_cRLNumber, false, new x509.CRLNumber(crlNumber)),
    ]),
  })
  return signWith(Buffer.from(AsnConvert.serialize(tbs)), issuer.keys, signerId)
}

/** What a verifier reads from a certificate we issued (or one presented as ours). */
export interface CertificateFacts {
  serialHex: string
  publicKeyHex: string
  notBefore: Date
  notAfter: Date
  /** The exact signed bytes and the signature, to check against an issuer key. */
  tbsBytes: Buffer
  signature: Buffer
}

/** Throws on anything that is not an X.509 v3 certificate with an SM2 key, signed SM2-with-SM3. */
export function readCertificate(der: Buffer): CertificateFacts {
  const [tbs, algorithm, signature] = children(whole(der))
  if (!isOid(children(algorithm)[0], SM2_WITH_SM3_OID)) throw new Error('not an SM2-with-SM3 certificate')
  const fields = children(tbs)
  if (fields[0].tag !== 0xa0) throw new Error('not a v3 certificate')
  const [serial, , , validity, , spki] = fields.slice(1)
  const [notBefore, notAfter] = children(validity)
  const [keyAlgorithm, key] = children(spki)
  const [keyType, curve] = children(keyAlgorithm)
  if (!isOid(keyType, EC_PUBLIC_KEY_OID) || !isOid(curve, SM2_CURVE_OID)) throw new Error('not an SM2 key')
  return {
    serialHex: expectTag(serial, TAG.integer).contents.toString('hex'),
    publicKeyHex: bitString(key).toString('hex'),
    notBefore: time(notBefore),
    notAfter: time(notAfter),
    tbsBytes: tbs.bytes,
    signature: bitString(signature),
  }
}

/** The subject, for the CA's own name (read once, at start). */
export function certificateSubject(der: Buffer): NamePart[] {
  const { tbsCertificate } = AsnConvert.parse(der, x509.Certificate)
  return tbsCertificate.subject.flatMap((rdn) => rdn.map((atv): NamePart => [atv.type, atv.value.toString()]))
}

/** Whether `der` was signed by the holder of `issuerPublicKeyHex` (checked once per certificate). */
const verifiedCertificates = new Map<string, string>()
export function certificateSignedBy(facts: CertificateFacts, issuerPublicKeyHex: string): boolean {
  // Keyed by what was signed and the signature: a cached answer never covers other bytes.
  const key = `${sm3Hex(facts.tbsBytes)}:${facts.signature.toString('hex')}`
  if (verifiedCertificates.get(key) === issuerPublicKeyHex) return true
  const ok = sm2VerifyFast(facts.tbsBytes, facts.signature, issuerPublicKeyHex)
  if (ok) {
    verifiedCertificates.set(key, issuerPublicKeyHex)
    if (verifiedCertificates.size > 4096)
      verifiedCertificates.delete(verifiedCertificates.keys().next().value as string)
  }
  return ok
}
