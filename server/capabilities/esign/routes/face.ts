import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/esign/endpoints'
import { ops, type StartFaceSessionRequest } from '../../../../src/contract/esign/schemas'
import { requireEnterpriseAccess } from '../../../kernel/auth/enterprise-access'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { completeFaceSession, startFaceSession } from '../face/face-sessions'
import { linkEnterprisesOfVerifiedPerson } from '../face/link-enterprises'
import { parseFacePerson } from '../face/person-input'
import { verifiedIdentityOf, verifiedPersonOf } from '../face/verified-identity'
import { contractRoute } from '../../../kernel/http/contract-route'
import { fieldError } from '../signing/field-error'
import type { EnterpriseAction } from '../../../../src/domain/access/permissions'

/** Who to verify: typed in full, or the identity on record; never both, never half of one. */
async function personToVerify(app: FastifyInstance, userId: string, body: StartFaceSessionRequest) {
  const typed = body.name !== undefined || body.idNumber !== undefined
  if (body.useVerifiedIdentity) {
    if (typed) throw fieldError('useVerifiedIdentity', '使用已核验身份时无需再填写姓名和身份证号')
    return verifiedPersonOf(app.ctx, userId)
  }
  if (body.name === undefined) throw fieldError('name', '请填写姓名')
  if (body.idNumber === undefined) throw fieldError('idNumber', '请填写身份证号')
  return parseFacePerson(body.name, body.idNumber, app.clock())
}

const tags = ['face']

/**
 * A face session may name an enterprise (its failures go into that enterprise's 用章记录): naming
 * it needs the right the verification is for; other purposes only need to be linked.
 */
const FACE_PURPOSE_ACTIONS: Record<string, EnterpriseAction | undefined> = {
  'claim-seal': 'seals:claim',
  grant: 'grants:manage',
  'seal-revoke': 'seals:revoke',
}

/** 刷脸: start a verification, let the server ask the provider how it ended, and 刷脸办事 linking. */
export async function faceRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    endpoints.startFaceSession,
    ops.startFaceSession,
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'enterprise:read' },
      tags,
      summary: '发起刷脸认证（微信人脸核身 / 支付宝身份验证 / H5 体验沙箱）',
    },
    async (request, reply) => {
      const { purpose, platform, enterpriseId } = request.body
      const person = await personToVerify(app, currentUser(request).id, request.body)
      if (enterpriseId) await requireEnterpriseAccess(request, enterpriseId, FACE_PURPOSE_ACTIONS[purpose])
      const started = await startFaceSession(app.esignCtx, {
        userId: currentUser(request).id,
        platform,
        purpose,
        person,
        enterpriseId: enterpriseId?.toLowerCase() ?? null,
        address: request.ip,
      })
      reply.status(201)
      return started
    },
  )

  contractRoute(
    app,
    endpoints.getVerifiedIdentity,
    ops.getVerifiedIdentity,
    { onRequest: requireUser, tags, summary: '本人已核验的身份（脱敏），刷脸时可直接使用，无需再次填写' },
    async (request) => ({ identity: await verifiedIdentityOf(app.db, currentUser(request).id) }),
  )

  contractRoute(
    app,
    endpoints.completeFaceSession,
    ops.completeFaceSession,
    { onRequest: requireUser, tags, summary: '刷脸结束后由服务端向认证方查询结果，通过则签发一次性票据' },
    async (request) =>
      completeFaceSession(
        app.esignCtx,
        currentUser(request).id,
        request.params.sessionId.toLowerCase(),
        request.body?.clientResult,
        request.ip,
      ),
  )

  contractRoute(
    app,
    endpoints.linkEnterprises,
    ops.linkEnterprises,
    { onRequest: requireUser, tags, summary: '刷脸办事：关联本人担任法定代表人的企业（需 login 用途的刷脸票据）' },
    async (request) => linkEnterprisesOfVerifiedPerson(app.ctx, currentUser(request).id, request.body.ticket),
  )
}
