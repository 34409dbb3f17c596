import type { FastifyInstance } from 'fastify'
import type { ClaimSignatureRequest, MySignatureResponse, PersonalSignatureView } from '../contract-seals'
import { currentUser, requireUser } from '../auth/require-user'
import { claimPersonalSignature, liveSignatureOf, personalSignatureView } from '../seals/signature-repo'
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

/** 个人电子签名: claim after face verification; see one's own. */
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
            image: {
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
            },
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
}
