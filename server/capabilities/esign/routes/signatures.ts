import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/esign/endpoints'
import { ops } from '../../../../src/contract/esign/schemas'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { contractRoute } from '../../../kernel/http/contract-route'
import {
  claimPersonalSignature,
  liveSignatureOf,
  personalSignatureView,
  revokePersonalSignature,
} from '../seals/signature-repo'
import { revokeReason } from '../seals/seal-revoke'

const tags = ['signatures']

/** 个人电子签名: claim after face verification; see one's own; revoke or replace it. */
export async function signatureRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    endpoints.claimSignature,
    ops.claimSignature,
    { onRequest: requireUser, tags, summary: '刷脸后领取个人电子签名（手写或按姓名生成）并设置签署密码' },
    async (request, reply) => {
      const created = await claimPersonalSignature(app.esignCtx, { userId: currentUser(request).id, ...request.body })
      reply.status(201)
      return created
    },
  )

  contractRoute(
    app,
    endpoints.getMySignature,
    ops.getMySignature,
    { onRequest: requireUser, tags, summary: '我的个人电子签名' },
    async (request) => {
      const row = await liveSignatureOf(app.db, currentUser(request).id)
      return { signature: row ? personalSignatureView(row, app.clock()) : null }
    },
  )

  // 注销 / 重新签发 (issue #15 item 1): the owner only; the certificate goes on the CRL.
  contractRoute(
    app,
    endpoints.revokeMySignature,
    ops.revokeMySignature,
    { onRequest: requireUser, tags, summary: '注销本人的个人电子签名（签署密码或刷脸确认；此前的签名仍有效）' },
    async (request) =>
      revokePersonalSignature(app.esignCtx, {
        userId: currentUser(request).id,
        ...request.body,
        reason: revokeReason(request.body.reason),
      }),
  )

  contractRoute(
    app,
    endpoints.replaceMySignature,
    ops.replaceMySignature,
    {
      onRequest: requireUser,
      tags,
      summary: '重新签发个人电子签名：刷脸（领取签名用途）后注销原签名并领取新签名（新密钥、新证书），同一事务',
    },
    async (request, reply) => {
      const { reason, ...claim } = request.body
      const created = await claimPersonalSignature(app.esignCtx, {
        userId: currentUser(request).id,
        ...claim,
        replacing: { reason: revokeReason(reason) },
      })
      reply.status(201)
      return created
    },
  )
}
