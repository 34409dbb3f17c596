import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { API_PREFIX } from '../../../src/contract/endpoint'
import type { AttachmentStorage } from '../../kernel/storage/attachment-storage'
import { forgetVerifiedIdentity } from './face/verified-identity'
import { pkiRoutes } from './pki/pki-routes'
import { memberRoutes } from './routes/members'
import { adminSignTaskRoutes } from './routes/admin-sign-tasks'
import { faceRoutes } from './routes/face'
import { sealGrantRoutes } from './routes/seal-grants'
import { sealReportRoutes } from './routes/seal-reports'
import { sealVerificationRoutes } from './routes/seal-verifications'
import { sealRoutes } from './routes/seals'
import { signQrRoutes } from './routes/sign-qr'
import { signTaskRoutes } from './routes/sign-tasks'
import { signatureFileRoutes } from './routes/signature-files'
import { signatureRoutes } from './routes/signatures'

export interface EsignPluginOptions {
  /** Where sign-task documents are kept (the same storage as complaint photos). */
  storage: AttachmentStorage
}

/**
 * 电子印章 / 签名 / 刷脸 (one bounded context). Its services (`app.signing`, `app.pki`) are
 * decorated by server/app.ts before any plugin loads (decorateSigning, decoratePki): they refuse a
 * production config without keys, and buildApp must throw that at once, not at ready().
 */
async function esign(app: FastifyInstance, options: EsignPluginOptions): Promise<void> {
  // Withdrawn consent: the verified identity (name, sealed 身份证号) kept to spare retyping it goes.
  app.consentWithdrawal.add(forgetVerifiedIdentity)
  await app.register(
    async (api) => {
      await api.register(faceRoutes)
      await api.register(sealRoutes)
      await api.register(sealGrantRoutes)
      // 企业成员: each member's identity and seal grants (the grants end when a member is removed).
      await api.register(memberRoutes)
      await api.register(signatureRoutes)
      await api.register(signTaskRoutes, { storage: options.storage })
      await api.register(sealVerificationRoutes)
      await api.register(sealReportRoutes)
      await api.register(signatureFileRoutes)
      await api.register(pkiRoutes)
      await api.register(adminSignTaskRoutes)
    },
    { prefix: API_PREFIX },
  )
  // Outside /api: the landing path printed in sign-task QR codes.
  await app.register(signQrRoutes)
}

export const esignPlugin = fp(esign, {
  name: 'esign',
  decorators: { fastify: ['db', 'config', 'clock', 'signing', 'pki', 'messageSenders', 'consentWithdrawal'] },
})
