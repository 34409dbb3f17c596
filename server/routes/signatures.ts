import type { FastifyInstance } from 'fastify'
import type { ClaimSignatureRequest, MySignatureResponse, PersonalSignatureView } from '../contract-seals'
import { currentUser, requireUser } from '../auth/require-user'
import {
  claimPersonalSignature,
  liveSignatureOf,
  personalSignatureView,
  revokePersonalSignature,
} from '../seals/signature-repo'
import { revokeReason } from '../seals/seal-revoke'
import { STROKE_LIMITS } from '../../src/domain/signing/strokes'
import { errorResponses, noQuerystring } from './schemas'
import { faceTicketSchema, personalSignatureViewSchema, pinSchema } from './seal-schemas'

const common = { tags: ['signatures'], security: [{ session: [] }], querystring: noQuerystring }

// Shape only; bounds, counts and scaling are normaliseStrokes's (the same rules as the app's).
const strokesSchema = {
  type: 'array',
  maxItems: STROKE_LIMITS.maxStrokes,
  items: {
    type: 'array',
    maxItems: STROKE_LIMITS.maxPointsPerStroke,
    items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number' } },
  },
} as const

// 手写 (strokes) or 按姓名生成.
const imageSchema = {
  oneOf: [
    {
      type: 'object',
      required: ['kind', 'strokes'],
      additionalProperties: false,
      properties: { kind: { const: 'drawn' }, strokes: strokesSchema },
    },
    {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: { kind: { const: 'name' } },
    },
  ],
} as const

/** 个人电子签名: claim after face verification; see one's own; revoke or replace it. */
export async function signatureRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: ClaimSignatureRequest }>(
    '/signatures/claim',
    {
      onRequest: requireUser,
      schema: {
        ...common,
        summary: '刷脸后领取个人电子签名（手写或按姓名生成）并设置签署密码',
        body: {
          type: 'object',
          required: ['ticket', 'pin', 'image'],
          additionalProperties: false,
          properties: {
            ticket: faceTicketSchema,
            pin: pinSchema,
            image: imageSchema,
          },
        },
        response: { 201: personalSignatureViewSchema, ...errorResponses },
      },
    },
    async (request, reply): Promise<PersonalSignatureView> => {
      const created = await claimPersonalSignature(app, { userId: currentUser(request).id, ...request.body })
      reply.status(201)
      return created
    },
  )

  app.get(
    '/signatures/mine',
    {
      onRequest: requireUser,
      schema: {
        ...common,
        summary: '我的个人电子签名',
        response: {
          200: {
            type: 'object',
            required: ['signature'],
            additionalProperties: false,
            properties: { signature: { oneOf: [{ type: 'null' }, personalSignatureViewSchema] } },
          },
          ...errorResponses,
        },
      },
    },
    async (request): Promise<MySignatureResponse> => {
      const row = await liveSignatureOf(app.db, currentUser(request).id)
      return { signature: row ? personalSignatureView(row) : null }
    },
  )

  // 注销 / 重新签发 (issue #15 item 1): the owner only; the certificate goes on the CRL.
  const reasonSchema = { type: 'string', maxLength: 400, description: '原因，1–200 字' } as const
  app.post<{ Body: { reason: string; pin?: string; ticket?: string } }>(
    '/signatures/mine/revoke',
    {
      onRequest: requireUser,
      schema: {
        ...common,
        summary: '注销本人的个人电子签名（签署密码或刷脸确认；此前的签名仍有效）',
        body: {
          type: 'object',
          required: ['reason'],
          additionalProperties: false,
          properties: { reason: reasonSchema, pin: pinSchema, ticket: faceTicketSchema },
        },
        response: { 200: personalSignatureViewSchema, ...errorResponses },
      },
    },
    async (request): Promise<PersonalSignatureView> =>
      revokePersonalSignature(app, {
        userId: currentUser(request).id,
        ...request.body,
        reason: revokeReason(request.body.reason),
      }),
  )

  app.post<{ Body: ClaimSignatureRequest & { reason: string } }>(
    '/signatures/mine/replace',
    {
      onRequest: requireUser,
      schema: {
        ...common,
        summary: '重新签发个人电子签名：刷脸（领取签名用途）后注销原签名并领取新签名（新密钥、新证书），同一事务',
        body: {
          type: 'object',
          required: ['reason', 'ticket', 'pin', 'image'],
          additionalProperties: false,
          properties: { reason: reasonSchema, ticket: faceTicketSchema, pin: pinSchema, image: imageSchema },
        },
        response: { 201: personalSignatureViewSchema, ...errorResponses },
      },
    },
    async (request, reply): Promise<PersonalSignatureView> => {
      const { reason, ...claim } = request.body
      const created = await claimPersonalSignature(app, {
        userId: currentUser(request).id,
        ...claim,
        replacing: { reason: revokeReason(reason) },
      })
      reply.status(201)
      return created
    },
  )
}
