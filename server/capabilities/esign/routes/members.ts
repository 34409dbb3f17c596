import type { FastifyInstance } from 'fastify'
import { currentEnterprise } from '../../../kernel/auth/enterprise-access'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { listMembers, removeMember } from '../members'
import * as endpoints from '../../../../src/contract/esign/endpoints'
import { ops } from '../../../../src/contract/esign/schemas'
import { contractRoute, noContent } from '../../../kernel/http/contract-route'
const tags = ['enterprises']
const managed = { onRequest: requireUser, config: { enterpriseAction: 'members:manage' } } as const

/** 企业成员 (legal representative): who is linked, with their grants; removing one ends all they had. */
export async function memberRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    endpoints.listEnterpriseMembers,
    ops.listEnterpriseMembers,
    { ...managed, tags, summary: '企业成员（关联该企业的人、身份与印章授权）' },
    async (request) => listMembers(app.ctx, currentEnterprise(request).enterpriseId, currentUser(request).id),
  )

  contractRoute(
    app,
    endpoints.removeEnterpriseMember,
    ops.removeEnterpriseMember,
    { ...managed, tags, summary: '移除企业成员：解除关联并立即撤销其全部印章授权（可重复调用）' },
    async (request, reply) => {
      await removeMember(app.ctx, {
        actorUserId: currentUser(request).id,
        enterpriseId: currentEnterprise(request).enterpriseId,
        userId: request.params.userId.toLowerCase(),
      })
      return noContent(reply)
    },
  )
}
