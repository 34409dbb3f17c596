import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as endpoints from '../../../../src/contract/account/endpoints'
import { ops, type UserProfile } from '../../../../src/contract/account/schemas'
import { requireEnterpriseAccess } from '../../../kernel/auth/enterprise-access'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { deleteUserSessions } from '../../../kernel/auth/sessions'
import type { Queryable } from '../../../kernel/db/db'
import { ApiError } from '../../../kernel/http/api-error'
import { getUserProfile, recordConsent, setCurrentEnterprise } from '../../../kernel/repos/users'
import { contractRoute } from '../../../kernel/http/contract-route'

const tags = ['me']

async function profileOf(db: Queryable, request: FastifyRequest): Promise<UserProfile> {
  const profile = await getUserProfile(db, currentUser(request).id)
  // The session cascades away with its user, so this only happens in a race with deletion.
  if (!profile) throw new ApiError('SESSION_EXPIRED')
  return profile
}

export async function meRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireUser)

  contractRoute(app, endpoints.getMe, ops.getMe, { tags, summary: '当前用户（手机号、身份证号已脱敏）' }, (request) =>
    profileOf(app.db, request),
  )

  contractRoute(
    app,
    endpoints.updateConsent,
    ops.updateConsent,
    { tags, summary: '同意或撤回隐私政策；撤回后所有会话失效，需重新登录' },
    async (request) => {
      const { accepted, version } = request.body
      const userId = currentUser(request).id
      return app.db.transaction(async (tx) => {
        await recordConsent(tx, userId, version.trim(), accepted)
        // Without consent we may not process the user's data (PIPL art. 15), so no session may remain.
        if (!accepted) await deleteUserSessions(tx, userId)
        // Nor may any capability keep what it holds about the user (a calendar's secret link to
        // the user's deadlines, the verified identity kept to spare retyping it): each capability's
        // plugin adds its eraser (server/kernel/auth/consent-withdrawal.ts).
        if (!accepted) await app.consentWithdrawal.eraseAll(tx, userId)
        return profileOf(tx, request)
      })
    },
  )

  contractRoute(
    app,
    endpoints.setCurrentEnterprise,
    ops.setCurrentEnterprise,
    { config: { enterpriseAction: 'enterprise:read' }, tags, summary: '切换当前企业' },
    async (request) => {
      const access = await requireEnterpriseAccess(request, request.body.enterpriseId)
      await setCurrentEnterprise(app.db, currentUser(request).id, access.enterpriseId)
      return profileOf(app.db, request)
    },
  )
}
