import type { FastifyInstance } from 'fastify'
import type {
  CompleteFaceSessionRequest,
  FaceSessionStarted,
  FaceTicketIssued,
  LinkEnterprisesRequest,
  LinkEnterprisesResponse,
  StartFaceSessionRequest,
  VerifiedIdentityResponse,
} from '../contract-seals'
import { requireEnterpriseAccess } from '../auth/enterprise-access'
import { currentUser, requireUser } from '../auth/require-user'
import { completeFaceSession, startFaceSession } from '../face/face-sessions'
import { linkEnterprisesOfVerifiedPerson } from '../face/link-enterprises'
import { parseFacePerson } from '../face/person-input'
import { verifiedIdentityOf, verifiedPersonOf } from '../face/verified-identity'
import { fieldError } from '../signing/field-error'
import { errorResponses, noQuerystring } from './schemas'
import type { EnterpriseAction } from '../../src/domain/access/permissions'
import {
  facePurposeSchema,
  faceSessionStartedSchema,
  faceTicketIssuedSchema,
  faceTicketSchema,
  linkEnterprisesResponseSchema,
} from './seal-schemas'

/** Who to verify: typed in full, or the identity on record; never both, never half of one. */
async function personToVerify(app: FastifyInstance, userId: string, body: StartFaceSessionRequest) {
  const typed = body.name !== undefined || body.idNumber !== undefined
  if (body.useVerifiedIdentity) {
    if (typed) throw fieldError('useVerifiedIdentity', '使用已核验身份时无需再填写姓名和身份证号')
    return verifiedPersonOf(app, userId)
  }
  if (body.name === undefined) throw fieldError('name', '请填写姓名')
  if (body.idNumber === undefined) throw fieldError('idNumber', '请填写身份证号')
  return parseFacePerson(body.name, body.idNumber)
}

const common = { tags: ['face'], security: [{ session: [] }], querystring: noQuerystring }

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
  app.post<{ Body: StartFaceSessionRequest }>(
    '/face/sessions',
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'enterprise:read' },
      schema: {
        ...common,
        summary: '发起刷脸认证（微信人脸核身 / 支付宝身份验证 / H5 体验沙箱）',
        body: {
          type: 'object',
          required: ['purpose', 'platform'],
          additionalProperties: false,
          properties: {
            purpose: facePurposeSchema,
            name: { type: 'string', minLength: 1, maxLength: 40 },
            idNumber: { type: 'string', minLength: 1, maxLength: 32 },
            useVerifiedIdentity: { type: 'boolean', enum: [true] },
            platform: { type: 'string', enum: ['weapp', 'alipay', 'h5'] },
            enterpriseId: { type: 'string', format: 'uuid' },
          },
        },
        response: { 201: faceSessionStartedSchema, ...errorResponses },
      },
    },
    async (request, reply): Promise<FaceSessionStarted> => {
      const { purpose, platform, enterpriseId } = request.body
      const person = await personToVerify(app, currentUser(request).id, request.body)
      if (enterpriseId) await requireEnterpriseAccess(request, enterpriseId, FACE_PURPOSE_ACTIONS[purpose])
      const started = await startFaceSession(app, {
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

  app.get(
    '/face/identity',
    {
      onRequest: requireUser,
      schema: {
        ...common,
        summary: '本人已核验的身份（脱敏），刷脸时可直接使用，无需再次填写',
        response: {
          200: {
            type: 'object',
            required: ['identity'],
            additionalProperties: false,
            properties: {
              identity: {
                type: ['object', 'null'],
                required: ['nameMasked', 'idNumberMasked', 'verifiedAt'],
                additionalProperties: false,
                properties: {
                  nameMasked: { type: 'string' },
                  idNumberMasked: { type: 'string' },
                  verifiedAt: { type: 'string', format: 'date-time' },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request): Promise<VerifiedIdentityResponse> => ({
      identity: await verifiedIdentityOf(app.db, currentUser(request).id),
    }),
  )

  app.post<{ Params: { sessionId: string }; Body: CompleteFaceSessionRequest | undefined }>(
    '/face/sessions/:sessionId/complete',
    {
      onRequest: requireUser,
      schema: {
        ...common,
        summary: '刷脸结束后由服务端向认证方查询结果，通过则签发一次性票据',
        params: {
          type: 'object',
          required: ['sessionId'],
          additionalProperties: false,
          properties: { sessionId: { type: 'string', format: 'uuid' } },
        },
        body: {
          type: ['object', 'null'],
          additionalProperties: false,
          properties: { clientResult: { type: 'object', maxProperties: 20 } },
        },
        response: { 200: faceTicketIssuedSchema, ...errorResponses },
      },
    },
    async (request): Promise<FaceTicketIssued> =>
      completeFaceSession(
        app,
        currentUser(request).id,
        request.params.sessionId.toLowerCase(),
        request.body?.clientResult,
        request.ip,
      ),
  )

  app.post<{ Body: LinkEnterprisesRequest }>(
    '/face/link-enterprises',
    {
      onRequest: requireUser,
      schema: {
        ...common,
        summary: '刷脸办事：关联本人担任法定代表人的企业（需 login 用途的刷脸票据）',
        body: {
          type: 'object',
          required: ['ticket'],
          additionalProperties: false,
          properties: { ticket: faceTicketSchema },
        },
        response: { 200: linkEnterprisesResponseSchema, ...errorResponses },
      },
    },
    async (request): Promise<LinkEnterprisesResponse> =>
      linkEnterprisesOfVerifiedPerson(app, currentUser(request).id, request.body.ticket),
  )
}
