import type { FastifyInstance } from 'fastify'
import type { ClaimSealsRequest, SealListResponse, SealView } from '../contract-seals'
import { currentEnterprise, enterpriseIdParamsSchema } from '../auth/enterprise-access'
import { currentUser, requireUser } from '../auth/require-user'
import { claimSeals, sealsVisibleTo } from '../seals/seal-repo'
import { errorResponses, noQuerystring } from './schemas'
import { faceTicketSchema, pinSchema, sealViewSchema } from './seal-schemas'

const common = {
  tags: ['seals'],
  security: [{ session: [] }],
  params: enterpriseIdParamsSchema,
  querystring: noQuerystring,
}

/** 电子印章: the legal representative claims the seal set; everyone linked sees what they may use. */
export async function sealRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Params: { enterpriseId: string }; Body: ClaimSealsRequest }>(
    '/enterprises/:enterpriseId/seals/claim',
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'seals:claim' },
      schema: {
        ...common,
        summary: '法定代表人刷脸领取电子印章（公章、财务专用章、合同专用章、法定代表人名章）并设置签署密码',
        body: {
          type: 'object',
          required: ['ticket', 'pin'],
          additionalProperties: false,
          properties: { ticket: faceTicketSchema, pin: pinSchema },
        },
        response: {
          201: {
            type: 'object',
            required: ['seals'],
            additionalProperties: false,
            properties: { seals: { type: 'array', items: sealViewSchema } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply): Promise<{ seals: SealView[] }> => {
      const seals = await claimSeals(app, {
        userId: currentUser(request).id,
        enterpriseId: currentEnterprise(request).enterpriseId,
        ticket: request.body.ticket,
        pin: request.body.pin,
      })
      reply.status(201)
      return { seals }
    },
  )

  app.get<{ Params: { enterpriseId: string } }>(
    '/enterprises/:enterpriseId/seals',
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'seals:view' },
      schema: {
        ...common,
        summary: '企业电子印章（法定代表人看全部；经办人只看已授权且有效的）',
        response: {
          200: {
            type: 'object',
            required: ['seals', 'claimed', 'canManage'],
            additionalProperties: false,
            properties: {
              seals: { type: 'array', items: sealViewSchema },
              claimed: { type: 'boolean' },
              canManage: { type: 'boolean' },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request): Promise<SealListResponse> =>
      sealsVisibleTo(app, currentUser(request).id, currentEnterprise(request)),
  )
}
