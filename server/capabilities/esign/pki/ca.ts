import type { Sm2KeyPair } from '../signing/sm2'
import { sm2Sign } from '../signing/sm2'
import {
  ATTRIBUTE,
  certificateSubject,
  issueCertificate,
  issueCrl,
  newSerialHex,
  readCertificate,
  type CrlSignerId,
  type NamePart,
  type RevokedEntry,
} from './certificates'

/**
 * The seal CA: issues each seal's and each personal signature's certificate, publishes the CRL,
 * and — as 制章者 (GB/T 38540 seal maker) — signs the seal data. The reference server runs a
 * small local one (LocalSealCa); a deployment with a licensed CA implements this interface
 * against that CA's API and passes it instead, nothing else changes.
 */
export interface SealCa {
  /** The certificate verifiers trust (root or intermediate), DER. */
  readonly certificateDer: Buffer
  readonly publicKeyHex: string
  /** Written into every certificate (CRLDistributionPoints). */
  readonly crlUrl: string
  issue(request: CertificateSubject): Promise<IssuedCertificate>
  /** A CRL listing these revocations, valid from `now` for a day (signer ID: see CrlSignerId). */
  crl(revoked: RevokedEntry[], now: Date, signerId?: CrlSignerId): Promise<Buffer>
  /** 制章者签名: SM2 over the DER of SES_SealInfo. */
  signSealInfo(sealInfoDer: Buffer): Promise<Buffer>
}

export type HolderSubject =
  | { kind: 'seal'; enterpriseName: string; uscc: string; sealName: string; sealTypeLabel: string }
  | { kind: 'personal'; name: string; idMasked: string }
  /** A key of the platform itself (the 验章回执 key): C=CN, O=<organisation>, OU=<unit>, CN=<name>. */
  | { kind: 'service'; organisation: string; unit: string; name: string }

export interface CertificateSubject {
  holder: HolderSubject
  publicKeyHex: string
  notBefore: Date
  notAfter: Date
}

export interface IssuedCertificate {
  serialHex: string
  der: Buffer
}

/**
 * Subjects: an enterprise seal is C=CN, O=<enterprise>, organizationIdentifier=<USCC>,
 * OU=<seal type>, CN=<seal name>; a personal signature is C=CN, CN=<name>, serialNumber=<masked ID>
 * (the full number never leaves the server).
 */
export function subjectOf(holder: HolderSubject): NamePart[] {
  if (holder.kind === 'seal') {
    return [
      [ATTRIBUTE.country, 'CN'],
      [ATTRIBUTE.organization, holder.enterpriseName],
      [ATTRIBUTE.organizationIdentifier, holder.uscc],
      [ATTRIBUTE.organizationalUnit, holder.sealTypeLabel],
      [ATTRIBUTE.commonName, holder.sealName],
    ]
  }
  if (holder.kind === 'service') {
    return [
      [ATTRIBUTE.country, 'CN'],
      [ATTRIBUTE.organization, holder.organisation],
      [ATTRIBUTE.organizationalUnit, holder.unit],
      [ATTRIBUTE.commonName, holder.name],
    ]
  }
  return [
    [ATTRIBUTE.country, 'CN'],
    [ATTRIBUTE.commonName, holder.name],
    [ATTRIBUTE.serialNumber, holder.idMasked],
  ]
}

export class LocalSealCa implements SealCa {
  readonly publicKeyHex: string
  private readonly name: NamePart[]

  constructor(
    readonly certificateDer: Buffer,
    private readonly keys: Sm2KeyPair,
    readonly crlUrl: string,
  ) {
    if (readCertificate(certificateDer).publicKeyHex !== keys.publicKeyHex) {
      throw new Error('the CA key does not match the CA certificate')
    }
    this.publicKeyHex = keys.publicKeyHex
    this.name = certificateSubject(certificateDer)
  }

  async issue(request: CertificateSubject): Promise<IssuedCertificate> {
    const serialHex = newSerialHex()
    const der = issueCertificate(
      {
        serialHex,
        subject: subjectOf(request.holder),
        publicKeyHex: request.publicKeyHex,
        notBefore: request.notBefore,
        notAfter: request.notAfter,
        profile: 'signer',
        crlUrl: this.crlUrl,
      },
      { name: this.name, keys: this.keys },
    )
    return { serialHex, der }
  }

  async crl(revoked: RevokedEntry[], now: Date, signerId: CrlSignerId = 'default'): Promise<Buffer> {
    const nextUpdate = new Date(now.getTime() + 24 * 3600 * 1000)
    const crlNumber = Math.floor(now.getTime() / 1000)
    return issueCrl({ name: this.name, keys: this.keys }, revoked, now, nextUpdate, crlNumber, signerId)
  }

  async signSealInfo(sealInfoDer: Buffer): Promise<Buffer> {
    return sm2Sign(sealInfoDer, this.keys)
  }
}
