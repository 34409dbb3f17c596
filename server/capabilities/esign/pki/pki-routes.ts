import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/esign/endpoints'
import { ops } from '../../../../src/contract/esign/schemas'
import { contractRoute } from '../../../kernel/http/contract-route'
import type { CrlSignerId } from './certificates'
import { toPem } from './der'
import { revokedCertificates } from './pki-store'

/**
 * What a third party needs to check our certificates with standard tools, without an account:
 * the CA and TSA certificates (PEM) and the CRL (DER) named in every certificate's
 * CRLDistributionPoints — plus the same CRL signed for OpenSSL 3.0 (see CrlSignerId).
 */

/** A CRL is re-signed when the revocations change, or after this long (its nextUpdate is a day). */
const CRL_REFRESH_MS = 3600 * 1000

const tags = ['pki']

export async function pkiRoutes(app: FastifyInstance): Promise<void> {
  const cache = new Map<CrlSignerId, { key: string; at: number; der: Buffer }>()

  async function currentCrl(signerId: CrlSignerId): Promise<Buffer> {
    const revoked = await revokedCertificates(app.db)
    const key = revoked.map((entry) => `${entry.serialHex}@${entry.revokedAt.getTime()}`).join(',')
    const now = app.clock()
    const cached = cache.get(signerId)
    if (cached && cached.key === key && now - cached.at < CRL_REFRESH_MS) return cached.der
    const der = await app.pki.ca.crl(revoked, new Date(now), signerId)
    cache.set(signerId, { key, at: now, der })
    return der
  }

  contractRoute(
    app,
    endpoints.getCaCertificate,
    ops.getCaCertificate,
    { tags, summary: '电子印章 CA 证书（PEM，无需登录）' },
    async (_request, reply) =>
      reply.type('application/x-pem-file').send(toPem('CERTIFICATE', app.pki.ca.certificateDer)),
  )
  contractRoute(
    app,
    endpoints.getTsaCertificate,
    ops.getTsaCertificate,
    { tags, summary: '时间戳服务证书（PEM，无需登录）' },
    async (_request, reply) =>
      reply.type('application/x-pem-file').send(toPem('CERTIFICATE', app.pki.tsa.certificateDer)),
  )
  contractRoute(
    app,
    endpoints.getCrl,
    ops.getCrl,
    { tags, summary: '证书吊销列表 CRL（DER，SM2 签名者标识 1234567812345678）' },
    async (_request, reply) => reply.type('application/pkix-crl').send(await currentCrl('default')),
  )
  contractRoute(
    app,
    endpoints.getOpensslCrl,
    ops.getOpensslCrl,
    { tags, summary: '同一 CRL，按 OpenSSL 3.0 的方式签名（空签名者标识），供 openssl verify -crl_check 使用' },
    async (_request, reply) => reply.type('application/pkix-crl').send(await currentCrl('empty')),
  )
}
