import type { FastifyInstance } from 'fastify'
import type { SealVerificationRequest, SealVerificationResult } from '../contract-seals'
import { verifySealSignature } from '../signing/verification'
import { errorResponses, noQuerystring } from './schemas'

const BODY_LIMIT = 15 * 1024 * 1024

/** 验章: anyone may check a signature record against a document; no login. */
export async function sealVerificationRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: SealVerificationRequest }>(
    '/seal-verifications',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['seal-verifications'],
        summary: '验章：校验文件摘要、SM2 签名、印章有效期、签章人授权与印章状态（无需登录）',
        querystring: noQuerystring,
        body: {
          type: 'object',
          required: ['signatureRecord'],
          additionalProperties: false,
          properties: {
            // The whole record as received may be passed; only these three fields are relied on.
            signatureRecord: {
              type: 'object',
              required: ['tbs', 'signature', 'signerPublicKey'],
              properties: {
                tbs: { type: 'string', minLength: 1, maxLength: 65536 },
                signature: { type: 'string', minLength: 1, maxLength: 512 },
                signerPublicKey: { type: 'string', minLength: 1, maxLength: 2048 },
              },
            },
            document: { type: 'string', maxLength: 14 * 1024 * 1024 },
            documentSm3: { type: 'string', maxLength: 64 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['valid', 'checks', 'seal', 'signedAt', 'problems'],
            additionalProperties: false,
            properties: {
              valid: { type: 'boolean' },
              checks: {
                type: 'object',
                required: [
                  'hashMatches',
                  'signatureValid',
                  'sealValidAtSigningTime',
                  'signerAuthorisedAtSigningTime',
                  'sealNotRevoked',
                ],
                additionalProperties: false,
                properties: {
                  hashMatches: { type: 'boolean' },
                  signatureValid: { type: 'boolean' },
                  sealValidAtSigningTime: { type: 'boolean' },
                  signerAuthorisedAtSigningTime: { type: 'boolean' },
                  sealNotRevoked: { type: 'boolean' },
                },
              },
              seal: {
                type: ['object', 'null'],
                required: ['id', 'kind', 'name', 'holder'],
                additionalProperties: false,
                properties: {
                  id: { type: 'string' },
                  kind: { type: 'string', enum: ['seal', 'personal'] },
                  name: { type: 'string' },
                  holder: { type: 'string' },
                },
              },
              signedAt: { type: ['string', 'null'] },
              problems: { type: 'array', items: { type: 'string' } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request): Promise<SealVerificationResult> => verifySealSignature(app.db, request.body),
  )
}
