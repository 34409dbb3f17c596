import type { FastifyInstance } from 'fastify'
import type {
  CompleteFaceSessionRequest,
  FaceSessionStarted,
  FaceTicketIssued,
  LinkEnterprisesRequest,
  LinkEnterprisesResponse,
  StartFaceSessionRequest,
} from '../contract-seals'
import { requireEnterpriseAccess } from '../auth/enterprise-access'
import { currentUser, requireUser } from '../auth/require-user'
import { completeFaceSession, startFaceSession } from '../face/face-sessions'
import { linkEnterprisesOfVerifiedPerson } from '../face/link-enterprises'
import { parseFacePerson } from '../face/person-input'
import { errorResponses, noQuerystring } from './schemas'
import type { EnterpriseAction } from '../../src/domain/access/permissions'
import {
  facePurposeSchema,
  faceSessionStartedSchema,
  faceTicketIssuedSchema,
  faceTicketSchema,
  linkEnterprisesResponseSchema,
} from './seal-schemas'

const common = { tags: ['face'], security: [{ session: [] }], querystring: noQuerystring }

/**
 * A face session may name an enterprise (its failures go into that enterprise's 用章记录): naming
 * it needs the right the verification is for; other purposes only need to be linked.
 */
const FACE_PURPOSE_ACTIONS: Record<string, EnterpriseAction | undefined> = {
  'claim-seal': 'seals:claim',
  grant: 'grants:manage',
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
          required: ['purpose', 'name', 'idNumber', 'platform'],
          additionalProperties: false,
          properties: {
            purpose: facePurposeSchema,
            name: { type: 'string', minLength: 1, maxLength: 40 },
            idNumber: { type: 'string', minLength: 1, maxLength: 32 },
            platform: { type: 'string', enum: ['weapp', 'alipay', 'h5'] },
            enterpriseId: { type: 'string', format: 'uuid' },
          },
        },
        response: { 201: faceSessionStartedSchema, ...errorResponses },
      },
    },
    async (request, reply): Promise<FaceSessionStarted> => {
      const { purpose, name, idNumber, platform, enterpriseId } = request.body
      const person = parseFacePerson(name, idNumber)
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
