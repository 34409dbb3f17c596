import { AsnArray, AsnConvert, AsnProp, AsnPropTypes, AsnType, AsnTypeTypes, OctetString } from '@peculiar/asn1-schema'
import { SM2_WITH_SM3_OID } from '../../../../src/domain/signing/tbs'
import { childrenOf, firstChildBytes, readElement, toArrayBuffer, toPem } from './der'

/**
 * GB/T 38540-2020 印章数据 (SES_Seal) and 签章数据 (SES_Signature), version 4. No maintained
 * library has these schemas, so they are written here — as @peculiar/asn1-schema classes (the
 * decorators applied as plain calls), which do the encoding. Deviations and readings of the
 * standard: docs/decisions/gbt-38540-structures.md.
 *
 *   SES_Seal      ::= SEQUENCE { eSealInfo SES_SealInfo, cert OCTET STRING, signAlgID OID, signedValue BIT STRING }
 *   SES_SealInfo  ::= SEQUENCE { header SES_Header, esID IA5String, property SES_ESPropertyInfo, picture SES_ESPictrueInfo }
 *   SES_Header    ::= SEQUENCE { ID IA5String ("ES"), version INTEGER (4), Vid IA5String }
 *   SES_ESPropertyInfo ::= SEQUENCE { type INTEGER, name UTF8String, certListType INTEGER (1),
 *                    certList SEQUENCE OF OCTET STRING, createDate, validStart, validEnd GeneralizedTime }
 *   SES_ESPictrueInfo  ::= SEQUENCE { type IA5String, data OCTET STRING, width INTEGER, height INTEGER }
 *   SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING, signatureAlgID OID,
 *                    signature BIT STRING, timeStamp [0] IMPLICIT BIT STRING OPTIONAL }
 *   TBS_Sign      ::= SEQUENCE { version INTEGER (4), eseal SES_Seal, timeInfo GeneralizedTime,
 *                    dataHash BIT STRING, propertyInfo IA5String }
 */

export const SES_VERSION = 4
export const SES_VENDOR_ID = 'ZQT'
/** SES_ESPropertyInfo.type: 1 单位印章, 2 个人印章 (GB/T 38540-2020 §… see the decision record). */
export const SES_SEAL_TYPE = { organisation: 1, personal: 2 } as const
const CERT_LIST_TYPE_CERTIFICATES = 1

function sequence(target: new (...args: never[]) => unknown, props: [string, Parameters<typeof AsnProp>[0]][]) {
  AsnType({ type: AsnTypeTypes.Sequence })(target)
  for (const [name, options] of props) AsnProp(options)(target.prototype as object, name)
}

export class SesHeader {
  id = 'ES'
  version = SES_VERSION
  vid = SES_VENDOR_ID
  constructor(params: Partial<SesHeader> = {}) {
    Object.assign(this, params)
  }
}
sequence(SesHeader, [
  ['id', { type: AsnPropTypes.IA5String }],
  ['version', { type: AsnPropTypes.Integer }],
  ['vid', { type: AsnPropTypes.IA5String }],
])

export class CertInfoList extends AsnArray<OctetString> {
  constructor(items: OctetString[] = []) {
    super(items)
    Object.setPrototypeOf(this, CertInfoList.prototype)
  }
}
AsnType({ type: AsnTypeTypes.Sequence, itemType: OctetString })(CertInfoList)

export class SesPropertyInfo {
  type = 1
  name = ''
  certListType = CERT_LIST_TYPE_CERTIFICATES
  certList = new CertInfoList()
  createDate = new Date(0)
  validStart = new Date(0)
  validEnd = new Date(0)
  constructor(params: Partial<SesPropertyInfo> = {}) {
    Object.assign(this, params)
  }
}
sequence(SesPropertyInfo, [
  ['type', { type: AsnPropTypes.Integer }],
  ['name', { type: AsnPropTypes.Utf8String }],
  ['certListType', { type: AsnPropTypes.Integer }],
  ['certList', { type: CertInfoList }],
  ['createDate', { type: AsnPropTypes.GeneralizedTime }],
  ['validStart', { type: AsnPropTypes.GeneralizedTime }],
  ['validEnd', { type: AsnPropTypes.GeneralizedTime }],
])

export class SesPictureInfo {
  type = 'svg'
  data = new OctetString()
  /** Millimetres. */
  width = 40
  height = 40
  constructor(params: Partial<SesPictureInfo> = {}) {
    Object.assign(this, params)
  }
}
sequence(SesPictureInfo, [
  ['type', { type: AsnPropTypes.IA5String }],
  ['data', { type: OctetString }],
  ['width', { type: AsnPropTypes.Integer }],
  ['height', { type: AsnPropTypes.Integer }],
])

export class SesSealInfo {
  header = new SesHeader()
  esID = ''
  property = new SesPropertyInfo()
  picture = new SesPictureInfo()
  constructor(params: Partial<SesSealInfo> = {}) {
    Object.assign(this, params)
  }
}
sequence(SesSealInfo, [
  ['header', { type: SesHeader }],
  ['esID', { type: AsnPropTypes.IA5String }],
  ['property', { type: SesPropertyInfo }],
  ['picture', { type: SesPictureInfo }],
])

export class SesSeal {
  eSealInfo = new SesSealInfo()
  cert = new OctetString()
  signAlgID = SM2_WITH_SM3_OID
  signedValue: ArrayBuffer = new ArrayBuffer(0)
  constructor(params: Partial<SesSeal> = {}) {
    Object.assign(this, params)
  }
}
sequence(SesSeal, [
  ['eSealInfo', { type: SesSealInfo }],
  ['cert', { type: OctetString }],
  ['signAlgID', { type: AsnPropTypes.ObjectIdentifier }],
  ['signedValue', { type: AsnPropTypes.BitString }],
])

export class TbsSignDer {
  version = SES_VERSION
  eseal = new SesSeal()
  timeInfo = new Date(0)
  dataHash: ArrayBuffer = new ArrayBuffer(0)
  propertyInfo = ''
  constructor(params: Partial<TbsSignDer> = {}) {
    Object.assign(this, params)
  }
}
sequence(TbsSignDer, [
  ['version', { type: AsnPropTypes.Integer }],
  ['eseal', { type: SesSeal }],
  ['timeInfo', { type: AsnPropTypes.GeneralizedTime }],
  ['dataHash', { type: AsnPropTypes.BitString }],
  ['propertyInfo', { type: AsnPropTypes.IA5String }],
])

export class SesSignature {
  toSign = new TbsSignDer()
  cert = new OctetString()
  signatureAlgID = SM2_WITH_SM3_OID
  signature: ArrayBuffer = new ArrayBuffer(0)
  timeStamp?: ArrayBuffer
  constructor(params: Partial<SesSignature> = {}) {
    Object.assign(this, params)
  }
}
sequence(SesSignature, [
  ['toSign', { type: TbsSignDer }],
  ['cert', { type: OctetString }],
  ['signatureAlgID', { type: AsnPropTypes.ObjectIdentifier }],
  ['signature', { type: AsnPropTypes.BitString }],
  ['timeStamp', { type: AsnPropTypes.BitString, context: 0, implicit: true, optional: true }],
])

export interface SealInfoInput {
  esID: string
  kind: 'seal' | 'personal'
  name: string
  /** The holder's certificate (the only entry of certList). */
  certificateDer: Buffer
  createdAt: Date
  validFrom: Date
  validTo: Date
  imageSvg: string
}

export function sealInfo(input: SealInfoInput): SesSealInfo {
  const personal = input.kind === 'personal'
  return new SesSealInfo({
    esID: input.esID,
    property: new SesPropertyInfo({
      type: personal ? SES_SEAL_TYPE.personal : SES_SEAL_TYPE.organisation,
      name: input.name,
      certList: new CertInfoList([new OctetString(input.certificateDer)]),
      createDate: input.createdAt,
      validStart: input.validFrom,
      validEnd: input.validTo,
    }),
    picture: new SesPictureInfo({
      data: new OctetString(Buffer.from(input.imageSvg, 'utf8')),
      width: personal ? 30 : 40,
      height: personal ? 12 : 40,
    }),
  })
}

/** SES_Seal: the seal info signed by the maker (makerSignature over the DER of SES_SealInfo). */
export async function makeSesSeal(
  info: SesSealInfo,
  makerCertificateDer: Buffer,
  sign: (sealInfoDer: Buffer) => Promise<Buffer>,
): Promise<Buffer> {
  const infoDer = Buffer.from(AsnConvert.serialize(info))
  const seal = new SesSeal({
    eSealInfo: info,
    cert: new OctetString(makerCertificateDer),
    signedValue: toArrayBuffer(await sign(infoDer)),
  })
  return Buffer.from(AsnConvert.serialize(seal))
}

/** IA5String carries ASCII only: everything else as JSON \u escapes (JSON.parse reads it back). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** TBS_Sign in DER, to be signed by the seal's key. */
export function tbsSignDer(input: {
  sesSealDer: Buffer
  signedAt: Date
  documentSm3: string
  propertyInfo: unknown
}): Buffer {
  const tbs = new TbsSignDer({
    eseal: AsnConvert.parse(input.sesSealDer, SesSeal),
    timeInfo: input.signedAt,
    dataHash: toArrayBuffer(Buffer.from(input.documentSm3, 'hex')),
    propertyInfo: asciiJson(input.propertyInfo),
  })
  const der = Buffer.from(AsnConvert.serialize(tbs))
  // The seal must travel byte for byte: its maker's signature covers exactly those bytes.
  if (!childrenOf(readElement(der))[1].bytes.equals(input.sesSealDer)) throw new Error('SES_Seal did not re-encode')
  return der
}

export function sesSignatureDer(input: {
  tbsDer: Buffer
  signerCertificateDer: Buffer
  signature: Buffer
  timestampToken: Buffer
}): Buffer {
  const signature = new SesSignature({
    toSign: AsnConvert.parse(input.tbsDer, TbsSignDer),
    cert: new OctetString(input.signerCertificateDer),
    signature: toArrayBuffer(input.signature),
    timeStamp: toArrayBuffer(input.timestampToken),
  })
  const der = Buffer.from(AsnConvert.serialize(signature))
  if (!firstChildBytes(der).equals(input.tbsDer)) throw new Error('TBS_Sign did not re-encode')
  return der
}

/** What a verifier needs from an SES_Signature: the parsed fields and the exact signed bytes. */
export interface ParsedSesSignature {
  signature: SesSignature
  tbsBytes: Buffer
  sealBytes: Buffer
  sealInfoBytes: Buffer
}

/** Throws on anything that is not an SES_Signature as encoded here. */
export function parseSesSignature(der: Buffer): ParsedSesSignature {
  const signature = AsnConvert.parse(der, SesSignature)
  const tbsBytes = firstChildBytes(der)
  const sealBytes = childrenOf(readElement(tbsBytes))[1].bytes
  return { signature, tbsBytes, sealBytes, sealInfoBytes: firstChildBytes(sealBytes) }
}

/** The signer's certificate inside an SES_Signature we made, as PEM. */
export function signerCertificatePem(sesSignatureDer: Buffer): string {
  return toPem('CERTIFICATE', childrenOf(readElement(sesSignatureDer))[1].contents)
}
