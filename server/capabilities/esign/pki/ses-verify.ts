import { SM2_WITH_SM3_OID } from '../../../../src/domain/signing/tbs'
import { sm3Hex } from '../signing/sm2'
import { sm2VerifyFast } from './sm2-verify'
import { certificateSignedBy, readCertificate, type CertificateFacts } from './certificates'
import type { CertificateStatus } from './pki-store'
import { SES_VERSION } from './ses'
import { bitString, children, expectTag, isOid, smallInteger, TAG, text, time, whole } from './der-read'
import { verifyTimestamp } from './tsa'

/**
 * 验章 of a DER SES_Signature, step by step as GB/T 38540-2020 §8 lists them, each with a Chinese
 * reason. Pure: the trusted CA and TSA keys and a certificate-status lookup are passed in, so
 * the same code serves the API and the benchmark.
 */

export const VERIFICATION_STEPS = {
  signatureValue: '签章值',
  signerCertificate: '签章人证书与印章绑定',
  sealData: '印章数据与制章者签名',
  certificateStatus: '证书链、有效期与吊销',
  sealValidity: '印章有效期',
  documentHash: '原文杂凑',
  timestamp: '时间戳',
} as const

export type VerificationStepKey = keyof typeof VERIFICATION_STEPS

export interface VerificationStep {
  key: VerificationStepKey
  name: string
  ok: boolean
  /** Chinese, for anyone: what was found. */
  reason: string
}

export interface Trust {
  caCertificateDer: Buffer
  caPublicKeyHex: string
  tsaPublicKeyHex: string
}

export type StatusLookup = (serialHex: string) => Promise<CertificateStatus | null>

export interface SesVerification {
  steps: VerificationStep[]
  /** What the DER says, when it could be read. */
  facts: { esID: string; timeInfo: Date; dataHashHex: string; signatureHex: string } | null
}

/** How far the timestamp may be from the time the signer wrote (clock skew, a slow TSA). */
export const TIMESTAMP_TOLERANCE_MS = 10 * 60 * 1000

/** The fields of an SES_Signature that verification reads (layout: ses.ts), with the exact signed bytes. */
interface SesFacts {
  tbsBytes: Buffer
  sealBytes: Buffer
  sealInfoBytes: Buffer
  header: { id: string; version: number }
  esID: string
  certList: Buffer[]
  validStart: Date
  validEnd: Date
  makerCertificate: Buffer
  sealAlgorithmOk: boolean
  sealSignedValue: Buffer
  timeInfo: Date
  dataHash: Buffer
  certificate: Buffer
  signatureAlgorithmOk: boolean
  signature: Buffer
  timeStamp: Buffer | null
}

function readSes(der: Buffer): SesFacts {
  const [toSign, cert, signatureAlgId, signatureValue, timeStamp] = children(whole(der))
  const [version, eseal, timeInfo, dataHash] = children(toSign)
  if (smallInteger(version) !== SES_VERSION) throw new Error('not a version 4 SES_Signature')
  const [sealInfo, makerCert, signAlgId, signedValue] = children(eseal)
  const [header, esID, property] = children(sealInfo)
  const [headerId, headerVersion] = children(header)
  const propertyFields = children(property)
  if (timeStamp && timeStamp.tag !== 0x80) throw new Error('not a timeStamp [0]')
  return {
    tbsBytes: toSign.bytes,
    sealBytes: eseal.bytes,
    sealInfoBytes: sealInfo.bytes,
    header: { id: text(headerId, TAG.ia5String), version: smallInteger(headerVersion) },
    esID: text(esID, TAG.ia5String),
    certList: children(propertyFields[3]).map((entry) => expectTag(entry, TAG.octetString).contents),
    validStart: time(propertyFields[5]),
    validEnd: time(propertyFields[6]),
    makerCertificate: expectTag(makerCert, TAG.octetString).contents,
    sealAlgorithmOk: isOid(signAlgId, SM2_WITH_SM3_OID),
    sealSignedValue: bitString(signedValue),
    timeInfo: time(timeInfo),
    dataHash: bitString(dataHash),
    certificate: expectTag(cert, TAG.octetString).contents,
    signatureAlgorithmOk: isOid(signatureAlgId, SM2_WITH_SM3_OID),
    signature: bitString(signatureValue),
    // [0] IMPLICIT BIT STRING: the same contents as a BIT STRING.
    timeStamp: timeStamp ? bitString({ ...timeStamp, tag: TAG.bitString }) : null,
  }
}

const verifiedSeals = new Map<string, true>()

function sealSignedByMaker(ses: SesFacts, caPublicKeyHex: string): boolean {
  const key = `${sm3Hex(ses.sealBytes)}:${caPublicKeyHex}`
  if (verifiedSeals.has(key)) return true
  const ok = sm2VerifyFast(ses.sealInfoBytes, ses.sealSignedValue, caPublicKeyHex)
  if (ok) {
    verifiedSeals.set(key, true)
    if (verifiedSeals.size > 4096) verifiedSeals.delete(verifiedSeals.keys().next().value as string)
  }
  return ok
}

/** A moment as people read it on the 验章 page and in the 验章回执: China time, to the second. */
function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

const step = (key: VerificationStepKey, ok: boolean, reason: string): VerificationStep => ({
  key,
  name: VERIFICATION_STEPS[key],
  ok,
  reason,
})

export function failedSteps(reason: string, documentHash?: VerificationStep): VerificationStep[] {
  return (Object.keys(VERIFICATION_STEPS) as VerificationStepKey[]).map((key) =>
    key === 'documentHash' && documentHash ? documentHash : step(key, false, reason),
  )
}

const day = (date: Date) => date.toISOString().slice(0, 10)

export async function verifySesSignature(
  der: Buffer,
  documentSm3: string,
  trust: Trust,
  status: StatusLookup,
): Promise<SesVerification> {
  let ses: SesFacts
  let certificate: CertificateFacts
  try {
    ses = readSes(der)
    certificate = readCertificate(ses.certificate)
  } catch {
    return { steps: failedSteps('签章数据无法解析：不是 GB/T 38540 签章数据'), facts: null }
  }
  const signatureValue = ses.signature
  const dataHashHex = ses.dataHash.toString('hex')
  const steps: VerificationStep[] = []

  // 签章值: the signature over TBS_Sign verifies under the key of the certificate it carries.
  const signatureOk = ses.signatureAlgorithmOk && sm2VerifyFast(ses.tbsBytes, signatureValue, certificate.publicKeyHex)
  steps.push(
    step(
      'signatureValue',
      signatureOk,
      signatureOk ? 'SM2 签名值有效' : '签名值与签章人证书的公钥不符：签章数据可能被改动',
    ),
  )

  // 签章人证书与印章绑定: our CA issued it, for this seal, and the seal data lists it.
  const issuedByUs = certificateSignedBy(certificate, trust.caPublicKeyHex)
  const listed = ses.certList.some((entry) => entry.equals(ses.certificate))
  const known = issuedByUs ? await status(certificate.serialHex) : null
  const boundToSeal = known !== null && known.holder.id === ses.esID
  steps.push(
    step(
      'signerCertificate',
      issuedByUs && listed && boundToSeal,
      !issuedByUs
        ? '签章人证书不是本平台电子印章 CA 签发的'
        : !listed
          ? '签章人证书不在印章数据的证书列表中'
          : !boundToSeal
            ? '签章人证书不是为该印章签发的'
            : '签章人证书由本平台 CA 为该印章签发，并列于印章数据中',
    ),
  )

  // 印章数据与制章者签名: the seal data is as the maker (our CA) signed it.
  const makerIsOurs = ses.makerCertificate.equals(trust.caCertificateDer)
  const sealOk =
    ses.header.id === 'ES' &&
    ses.header.version === SES_VERSION &&
    ses.sealAlgorithmOk &&
    makerIsOurs &&
    sealSignedByMaker(ses, trust.caPublicKeyHex)
  steps.push(
    step(
      'sealData',
      sealOk,
      sealOk
        ? '印章数据完整，制章者签名有效'
        : makerIsOurs
          ? '印章数据被改动，或制章者签名无效'
          : '印章数据不是本平台制章者签发的',
    ),
  )

  // 时间戳 first: its time, when good, is the signing time every other date is judged by.
  const token = ses.timeStamp
  const timestamp = token
    ? verifyTimestamp(token, Buffer.from(sm3Hex(signatureValue), 'hex'), trust.tsaPublicKeyHex)
    : null
  const { timeInfo } = ses
  const timestampTime = timestamp?.ok ? timestamp.facts.genTime : null
  const timestampNear =
    timestampTime !== null && Math.abs(timestampTime.getTime() - timeInfo.getTime()) <= TIMESTAMP_TOLERANCE_MS
  const signingTime = timestampTime ?? timeInfo

  // 证书链、有效期与吊销, at the signing time.
  const withinCertificate =
    certificate.notBefore.getTime() <= signingTime.getTime() && signingTime.getTime() <= certificate.notAfter.getTime()
  const revokedAt = known?.revokedAt ?? null
  const revokedBefore = revokedAt !== null && revokedAt.getTime() <= signingTime.getTime()
  steps.push(
    step(
      'certificateStatus',
      issuedByUs && known !== null && withinCertificate && !revokedBefore,
      !issuedByUs
        ? '证书链无法验证到本平台电子印章 CA'
        : known === null
          ? '本平台没有该证书的记录，无法确认吊销状态'
          : !withinCertificate
            ? `签章时证书不在有效期内（${day(certificate.notBefore)} 至 ${day(certificate.notAfter)}）`
            : revokedBefore
              ? `证书已于 ${revokedAt!.toISOString()} 吊销，早于签章时间`
              : revokedAt
                ? `证书链有效；证书于 ${revokedAt.toISOString()} 吊销，晚于签章时间，不影响此次签章`
                : '证书链有效，签章时在有效期内且未吊销',
    ),
  )

  // 印章有效期 (SES_ESPropertyInfo validStart/validEnd), at the signing time.
  const property = ses
  const sealValid =
    property.validStart.getTime() <= signingTime.getTime() && signingTime.getTime() <= property.validEnd.getTime()
  steps.push(
    step(
      'sealValidity',
      sealValid,
      sealValid
        ? `签章时印章在有效期内（${day(property.validStart)} 至 ${day(property.validEnd)}）`
        : `签章时印章不在有效期内（${day(property.validStart)} 至 ${day(property.validEnd)}）`,
    ),
  )

  const hashOk = dataHashHex === documentSm3.toLowerCase()
  steps.push(
    step(
      'documentHash',
      hashOk,
      hashOk ? '文件与签章时一致，未被修改' : '文件与签章时不一致：文件可能被修改过，或不是签章的那份文件',
    ),
  )

  steps.push(
    step(
      'timestamp',
      timestamp?.ok === true && timestampNear,
      !timestamp
        ? '签章没有时间戳'
        : !timestamp.ok
          ? timestamp.problem === 'imprint'
            ? '时间戳不是针对该签名值签发的'
            : '时间戳不是本平台时间戳服务签发的，或已被改动'
          : !timestampNear
            ? '时间戳时间与签章时间相差超过 10 分钟'
            : `可信时间 ${beijingTime(timestampTime!)}（北京时间）`,
    ),
  )
  return {
    steps,
    facts: { esID: ses.esID, timeInfo, dataHashHex, signatureHex: signatureValue.toString('hex') },
  }
}
