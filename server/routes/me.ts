import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { SetCurrentEnterpriseRequest, UpdateConsentRequest, UserProfile } from '../contract'
import { enterpriseIdSchema, requireEnterpriseAccess } from '../auth/enterprise-access'
import { currentUser, requireUser } from '../auth/require-user'
import { deleteUserSessions } from '../auth/sessions'
import { deleteUserFeeds } from '../calendar-feed/feed-repo'
import { forgetVerifiedIdentity } from '../face/verified-identity'
import type { Queryable } from '../db/db'
import { ApiError } from '../http/api-error'
import { getUserProfile, recordConsent, setCurrentEnterprise } from '../repos/users'
import { errorResponses, noQuerystring, userProfileSchema } from './schemas'

const consentBodySchema = {
  type: 'object',
  required: ['accepted', 'version'],
  additionalProperties: false,
  properties: {
    accepted: { type: 'boolean' },
    version: { type: 'string', minLength: 1, maxLength: 64, pattern: '\\S' },
  },
} as const

const currentEnterpriseBodySchema = {
  type: 'object',
  required: ['enterpriseId'],
  additionalProperties: false,
  properties: { enterpriseId: enterpriseIdSchema },
} as const

const common = {
  tags: ['me'],
  security: [{ session: [] }],
  querystring: noQuerystring,
  response: { 200: userProfileSchema, ...errorResponses },
}

async function profileOf(db: Queryable, request: FastifyRequest): Promise<UserProfile> {
  const profile = await getUserProfile(db, currentUser(request).id)
  // The session cascades away with its user, so this only happens in a race with deletion.
  if (!profile) throw new ApiError('SESSION_EXPIRED')
  return profile
}

export async function meRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireUser)

  app.get('/me', { schema: { ...common, summary: '当前用户（手机号、身份证号已脱敏）' } }, (request) =>
    profileOf(app.db, request),
  )

  app.put<{ Body: UpdateConsentRequest }>(
    '/me/consent',
    { schema: { ...common, summary: '同意或撤回隐私政策；撤回后所有会话失效，需重新登录', body: consentBodySchema } },
    async (request) => {
      const { accepted, version } = request.body
      const userId = currentUser(request).id
      return app.db.transaction(async (tx) => {
        await recordConsent(tx, userId, version.trim(), accepted)
        // Without consent we may not process the user's data (PIPL art. 15), so no session may remain.
        if (!accepted) await deleteUserSessions(tx, userId)
        // Nor may a calendar keep reading the user's deadlines through a secret link.
        if (!accepted) await deleteUserFeeds(tx, userId)
        // Nor keep the verified identity (name and sealed 身份证号) kept to spare retyping it.
        if (!accepted) await forgetVerifiedIdentity(tx, userId)
        return profileOf(tx, request)
      })
    },
  )

  app.put<{ Body: SetCurrentEnterpriseRequest }>(
    '/me/current-enterprise',
    {
      config: { enterpriseAction: 'enterprise:read' },
      schema: { ...common, summary: '切换当前企业', body: currentEnterpriseBodySchema },
    },
    async (request) => {
      const access = await requireEnterpriseAccess(request, request.body.enterpriseId)
      await setCurrentEnterprise(app.db, currentUser(request).id, access.enterpriseId)
      return profileOf(app.db, request)
    },
  )
}
