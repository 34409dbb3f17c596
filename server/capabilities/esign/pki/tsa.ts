import { randomBytes } from 'node:crypto'
import { AsnConvert, AsnProp, AsnType, AsnTypeTypes, AsnArray, OctetString } from '@peculiar/asn1-schema'
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  EncapsulatedContent,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
  id_signedData,
  DigestAlgorithmIdentifiers,
} from '@peculiar/asn1-cms'
import { MessageImprint, TSTInfo, id_ct_tstInfo } from '@peculiar/asn1-tsp'
import { AlgorithmIdentifier, Certificate, SubjectKeyIdentifier } from '@peculiar/asn1-x509'
import { SM2_WITH_SM3_OID, SM3_OID } from '../../../../src/domain/signing/tbs'
import { children, expectTag, isOid, TAG, time, whole } from './der-read'
import { derOid, sm2Sign, sm3Hex, type Sm2KeyPair } from '../signing/sm2'
import { sm2VerifyFast } from './sm2-verify'
import { readCertificate } from './certificates'
import { childrenOf, readElement, sm2WithSm3, sm3Algorithm, toArrayBuffer } from './der'

/**
 * Trusted time (RFC 3161): a TimeStampToken — CMS SignedData over a TSTInfo — signed with SM2/SM3
 * by the timestamp service's own key, never a seal's or the CA's. The reference server runs a
 * local one (LocalTsa); a deployment may point at a licensed TSA through the same interface.
 */
export interface TimestampAuthority {
  readonly certificateDer: Buffer
  readonly publicKeyHex: string
  /** A token over `imprint` (an SM3 digest), with the TSA's time. */
  timestamp(imprint: Buffer): Promise<Buffer>
}

const ID_CONTENT_TYPE = '1.2.840.113549.1.9.3'
const ID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4'
const ID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47'
/** Our TSA policy (a private arc under the project's placeholder enterprise number; see the decision record). */
export const TSA_POLICY_OID = '1.3.6.1.4.1.61099.1.1'

// RFC 5035 ESSCertIDv2 / SigningCertificateV2: in no installed library, written here.
class EssCertIdV2 {
  hashAlgorithm = new AlgorithmIdentifier()
  certHash = new OctetString()
  constructor(params: Partial<EssCertIdV2> = {}) {
    Object.assign(this, params)
  }
}
AsnType({ type: AsnTypeTypes.Sequence })(EssCertIdV2)
AsnProp({ type: AlgorithmIdentifier })(EssCertIdV2.prototype, 'hashAlgorithm')
AsnProp({ type: OctetString })(EssCertIdV2.prototype, 'certHash')

class EssCertIdV2List extends AsnArray<EssCertIdV2> {
  constructor(items: EssCertIdV2[] = []) {
    super(items)
    Object.setPrototypeOf(this, EssCertIdV2List.prototype)
  }
}
AsnType({ type: AsnTypeTypes.Sequence, itemType: EssCertIdV2 })(EssCertIdV2List)

class SigningCertificateV2 {
  certs = new EssCertIdV2List()
  constructor(params: Partial<SigningCertificateV2> = {}) {
    Object.assign(this, params)
  }
}
AsnType({ type: AsnTypeTypes.Sequence })(SigningCertificateV2)
AsnProp({ type: EssCertIdV2List })(SigningCertificateV2.prototype, 'certs')

const attribute = (attrType: string, value: unknown) =>
  new Attribute({
    attrType,
    attrValues: [value instanceof Buffer ? toArrayBuffer(value) : AsnConvert.serialize(value)],
  })

/** The DER of the signed attributes as signed: a SET OF (tag 0x31), not the [0] IMPLICIT of SignerInfo. */
function signedAttributesDer(attributes: Attribute[]): Buffer {
  const info = Buffer.from(
    AsnConvert.serialize(
      new SignerInfo({
        signedAttrs: attributes,
        sid: new SignerIdentifier({ subjectKeyIdentifier: new SubjectKeyIdentifier() }),
      }),
    ),
  )
  const implicit = childrenOf(readElement(info)).find((child) => child.tag === 0xa0)
  if (!implicit) throw new Error('signed attributes missing')
  return asSet(implicit.bytes)
}

function asSet(implicitAttributes: Buffer): Buffer {
  const set = Buffer.from(implicitAttributes)
  set[0] = 0x31
  return set
}

export class LocalTsa implements TimestampAuthority {
  readonly publicKeyHex: string

  constructor(
    readonly certificateDer: Buffer,
    private readonly keys: Sm2KeyPair,
    private readonly clock: () => number = Date.now,
  ) {
    if (readCertificate(certificateDer).publicKeyHex !== keys.publicKeyHex) {
      throw new Error('the TSA key does not match the TSA certificate')
    }
    this.publicKeyHex = keys.publicKeyHex
  }

  async timestamp(imprint: Buffer): Promise<Buffer> {
    const tstInfo = new TSTInfo({
      policy: TSA_POLICY_OID,
      messageImprint: new MessageImprint({
        hashAlgorithm: sm3Algorithm(),
        hashedMessage: new OctetString(imprint),
      }),
      serialNumber: toArrayBuffer(Buffer.from([0x01, ...randomBytes(15)])),
      genTime: new Date(this.clock()),
    })
    const tstDer = Buffer.from(AsnConvert.serialize(tstInfo))
    const certificate = AsnConvert.parse(this.certificateDer, Certificate)
    const attributes = [
      attribute(ID_CONTENT_TYPE, derOid(id_ct_tstInfo)),
      attribute(ID_MESSAGE_DIGEST, new OctetString(Buffer.from(sm3Hex(tstDer), 'hex'))),
      attribute(
        ID_SIGNING_CERTIFICATE_V2,
        new SigningCertificateV2({
          certs: new EssCertIdV2List([
            new EssCertIdV2({
              hashAlgorithm: sm3Algorithm(),
              certHash: new OctetString(Buffer.from(sm3Hex(this.certificateDer), 'hex')),
            }),
          ]),
        }),
      ),
    ]
    const signature = sm2Sign(signedAttributesDer(attributes), this.keys)
    const signedData = new SignedData({
      version: 3,
      digestAlgorithms: new DigestAlgorithmIdentifiers([sm3Algorithm()]),
      encapContentInfo: new EncapsulatedContentInfo({
        eContentType: id_ct_tstInfo,
        eContent: new EncapsulatedContent({ single: new OctetString(tstDer) }),
      }),
      certificates: new CertificateSet([new CertificateChoices({ certificate })]),
      signerInfos: new SignerInfos([
        new SignerInfo({
          version: 1,
          sid: new SignerIdentifier({
            issuerAndSerialNumber: new IssuerAndSerialNumber({
              issuer: certificate.tbsCertificate.issuer,
              serialNumber: certificate.tbsCertificate.serialNumber,
            }),
          }),
          digestAlgorithm: sm3Algorithm(),
          signedAttrs: attributes,
          signatureAlgorithm: sm2WithSm3(),
          signature: new OctetString(signature),
        }),
      ]),
    })
    return Buffer.from(
      AsnConvert.serialize(new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) })),
    )
  }
}

export type TimestampProblem = 'unreadable' | 'signature' | 'imprint'

export interface TimestampFacts {
  genTime: Date
}

/**
 * Checks a token against the TSA key we trust and the imprint it must carry. Anything else — a
 * token of another TSA, a changed TSTInfo, a token for other bytes — is a problem, not an error.
 * Read by walking the DER (der-read.ts): the fields are at fixed places in the tokens we accept.
 */
export function verifyTimestamp(
  token: Buffer,
  imprint: Buffer,
  tsaPublicKeyHex: string,
): { ok: true; facts: TimestampFacts } | { ok: false; problem: TimestampProblem } {
  let tstDer: Buffer
  let signedAttributes: Buffer
  let messageDigest: Buffer | null = null
  let signatureAlgorithmOk: boolean
  let signature: Buffer
  let genTime: Date
  let imprintOk: boolean
  try {
    const [contentType, explicit] = children(whole(token))
    if (!isOid(contentType, id_signedData)) return { ok: false, problem: 'unreadable' }
    const signedData = children(children(explicit, 0xa0)[0])
    const [eContentType, eContent] = children(signedData[2])
    if (!isOid(eContentType, id_ct_tstInfo)) return { ok: false, problem: 'unreadable' }
    tstDer = expectTag(children(eContent, 0xa0)[0], TAG.octetString).contents
    const signerInfos = children(signedData[signedData.length - 1], TAG.set)
    if (signerInfos.length !== 1) return { ok: false, problem: 'unreadable' }
    const signer = children(signerInfos[0])
    const attributes = signer[3]
    expectTag(attributes, 0xa0)
    signedAttributes = asSet(attributes.bytes)
    for (const attribute of childrenOf(attributes)) {
      const [type, values] = children(attribute)
      if (isOid(type, ID_MESSAGE_DIGEST))
        messageDigest = expectTag(children(values, TAG.set)[0], TAG.octetString).contents
    }
    signatureAlgorithmOk = isOid(children(signer[4])[0], SM2_WITH_SM3_OID)
    signature = expectTag(signer[5], TAG.octetString).contents
    const tst = children(whole(tstDer))
    const [hashAlgorithm, hashedMessage] = children(tst[2])
    imprintOk =
      isOid(children(hashAlgorithm)[0], SM3_OID) && expectTag(hashedMessage, TAG.octetString).contents.equals(imprint)
    genTime = time(expectTag(tst[4], TAG.generalizedTime))
  } catch {
    return { ok: false, problem: 'unreadable' }
  }
  if (!messageDigest || messageDigest.toString('hex') !== sm3Hex(tstDer)) return { ok: false, problem: 'signature' }
  if (!signatureAlgorithmOk || !sm2VerifyFast(signedAttributes, signature, tsaPublicKeyHex)) {
    return { ok: false, problem: 'signature' }
  }
  if (!imprintOk) return { ok: false, problem: 'imprint' }
  return { ok: true, facts: { genTime } }
}
