import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/esign/endpoints'
import { ops } from '../../../../src/contract/esign/schemas'
import { currentEnterprise } from '../../../kernel/auth/enterprise-access'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { contractRoute } from '../../../kernel/http/contract-route'
import { claimSeals, sealsVisibleTo } from '../seals/seal-repo'
import { saveSealRules, sealRulesView } from '../seals/seal-rules'
import { revokeSeal } from '../seals/seal-revoke'

const tags = ['seals']

/** 电子印章: the legal representative claims the seal set; everyone linked sees what they may use. */
export async function sealRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    endpoints.claimSeals,
    ops.claimSeals,
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'seals:claim' },
      tags,
      summary: '法定代表人刷脸领取电子印章（公章、财务专用章、合同专用章、法定代表人名章）并设置签署密码',
    },
    async (request, reply) => {
      const seals = await claimSeals(app.esignCtx, {
        userId: currentUser(request).id,
        enterpriseId: currentEnterprise(request).enterpriseId,
        ticket: request.body.ticket,
        pin: request.body.pin,
      })
      reply.status(201)
      return { seals }
    },
  )

  contractRoute(
    app,
    endpoints.listSeals,
    ops.listSeals,
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'seals:view' },
      tags,
      summary: '企业电子印章（法定代表人看全部；经办人只看已授权且有效的）',
    },
    async (request) => sealsVisibleTo(app.esignCtx, currentUser(request).id, currentEnterprise(request)),
  )

  // 用章规则 (issue #15 items 7, 8): the legal representative only (grants:manage), a handler gets 403.
  contractRoute(
    app,
    endpoints.getSealRules,
    ops.getSealRules,
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'grants:manage' },
      tags,
      summary: '印章的用章规则（允许的业务系统、文件类型、用章时间、每日次数、双人审批）',
    },
    async (request) =>
      sealRulesView(app.ctx, currentEnterprise(request).enterpriseId, request.params.sealId.toLowerCase()),
  )

  contractRoute(
    app,
    endpoints.saveSealRules,
    ops.saveSealRules,
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'grants:manage' },
      tags,
      summary: '法定代表人设置印章的用章规则（整体替换）',
    },
    async (request) =>
      saveSealRules(app.ctx, {
        enterpriseId: currentEnterprise(request).enterpriseId,
        sealId: request.params.sealId.toLowerCase(),
        userId: currentUser(request).id,
        rules: request.body,
      }),
  )

  // 注销印章 / 重新制章 (issue #15 item 1): the legal representative only (seals:revoke), PIN or face confirmed.
  for (const [operation, replace, summary] of [
    ['revokeSeal', false, '法定代表人注销印章：证书吊销、授权结束、待签任务拒绝（此前的签章仍有效）'],
    ['replaceSeal', true, '法定代表人重新制章：注销原印章，生成同类新印章（新密钥、新证书），授权不沿用'],
  ] as const) {
    contractRoute(
      app,
      endpoints[operation],
      ops[operation],
      { onRequest: requireUser, config: { enterpriseAction: 'seals:revoke' }, tags, summary },
      async (request) =>
        revokeSeal(app.esignCtx, {
          userId: currentUser(request).id,
          enterpriseId: currentEnterprise(request).enterpriseId,
          sealId: request.params.sealId.toLowerCase(),
          replace,
          ...request.body,
        }),
    )
  }
}
