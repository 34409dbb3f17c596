import type { FastifyInstance } from 'fastify'
import type {
  ClaimSealsRequest,
  RevokeSealRequest,
  SealListResponse,
  SealRevokeResult,
  SealRulesView,
  SealView,
} from '../contract-seals'
import { currentEnterprise, enterpriseIdParamsSchema } from '../auth/enterprise-access'
import { currentUser, requireUser } from '../auth/require-user'
import { claimSeals, sealsVisibleTo } from '../seals/seal-repo'
import { errorResponses, noQuerystring } from './schemas'
import { faceTicketSchema, pinSchema, sealRulesSchema, sealRulesViewSchema, sealViewSchema } from './seal-schemas'
import { saveSealRules, sealRulesView } from '../seals/seal-rules'
import type { SealRules } from '../../src/domain/signing/sealRules'
import { revokeSeal } from '../seals/seal-revoke'

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

  // 用章规则 (issue #15 items 7, 8): the legal representative only (grants:manage), a handler gets 403.
  const rulesParams = {
    type: 'object',
    required: ['enterpriseId', 'sealId'],
    additionalProperties: false,
    properties: { ...enterpriseIdParamsSchema.properties, sealId: { type: 'string', format: 'uuid' } },
  } as const
  app.get<{ Params: { enterpriseId: string; sealId: string } }>(
    '/enterprises/:enterpriseId/seals/:sealId/rules',
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'grants:manage' },
      schema: {
        ...common,
        params: rulesParams,
        summary: '印章的用章规则（允许的业务系统、文件类型、用章时间、每日次数、双人审批）',
        response: { 200: sealRulesViewSchema, ...errorResponses },
      },
    },
    async (request): Promise<SealRulesView> =>
      sealRulesView(app.db, currentEnterprise(request).enterpriseId, request.params.sealId.toLowerCase()),
  )

  app.put<{ Params: { enterpriseId: string; sealId: string }; Body: SealRules }>(
    '/enterprises/:enterpriseId/seals/:sealId/rules',
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'grants:manage' },
      schema: {
        ...common,
        params: rulesParams,
        summary: '法定代表人设置印章的用章规则（整体替换）',
        body: sealRulesSchema,
        response: { 200: sealRulesViewSchema, ...errorResponses },
      },
    },
    async (request): Promise<SealRulesView> =>
      saveSealRules(app.db, {
        enterpriseId: currentEnterprise(request).enterpriseId,
        sealId: request.params.sealId.toLowerCase(),
        userId: currentUser(request).id,
        rules: request.body,
      }),
  )

  // 注销印章 / 重新制章 (issue #15 item 1): the legal representative only (seals:revoke), PIN or face confirmed.
  const revokeBody = {
    type: 'object',
    required: ['reason'],
    additionalProperties: false,
    properties: {
      reason: { type: 'string', maxLength: 400, description: '原因，1–200 字' },
      pin: pinSchema,
      ticket: faceTicketSchema,
    },
  } as const
  const revokeResult = {
    type: 'object',
    required: ['revoked', 'replacement', 'refusedTasks', 'endedGrants'],
    additionalProperties: false,
    properties: {
      revoked: sealViewSchema,
      replacement: { anyOf: [sealViewSchema, { type: 'null' }] },
      refusedTasks: { type: 'integer' },
      endedGrants: { type: 'integer' },
    },
  } as const
  for (const [path, replace, summary] of [
    ['revoke', false, '法定代表人注销印章：证书吊销、授权结束、待签任务拒绝（此前的签章仍有效）'],
    ['replace', true, '法定代表人重新制章：注销原印章，生成同类新印章（新密钥、新证书），授权不沿用'],
  ] as const) {
    app.post<{ Params: { enterpriseId: string; sealId: string }; Body: RevokeSealRequest }>(
      `/enterprises/:enterpriseId/seals/:sealId/${path}`,
      {
        onRequest: requireUser,
        config: { enterpriseAction: 'seals:revoke' },
        schema: {
          ...common,
          params: rulesParams,
          summary,
          body: revokeBody,
          response: { 200: revokeResult, ...errorResponses },
        },
      },
      async (request): Promise<SealRevokeResult> =>
        revokeSeal(app, {
          userId: currentUser(request).id,
          enterpriseId: currentEnterprise(request).enterpriseId,
          sealId: request.params.sealId.toLowerCase(),
          replace,
          ...request.body,
        }),
    )
  }
}
