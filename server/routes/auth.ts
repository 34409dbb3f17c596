import type { FastifyInstance } from 'fastify'
import type { LoginRequest, LoginResponse } from '../contract'
import type { LoginIdentity } from '../auth/providers/login-provider'
import { currentUser, requireUser } from '../auth/require-user'
import { createSession, deleteSession } from '../auth/sessions'
import type { Queryable } from '../db/db'
import { ApiError } from '../http/api-error'
import { findOrCreateUserByIdentity, findOrCreateUserByPhone, getUserProfile, recordConsent } from '../repos/users'
import { errorResponses, noQuerystring, userProfileSchema } from './schemas'

const loginBodySchema = {
  type: 'object',
  required: ['platform', 'code', 'consentVersion'],
  additionalProperties: false,
  properties: {
    platform: { type: 'string', enum: ['weapp', 'alipay', 'h5'] },
    code: { type: 'string', minLength: 1, maxLength: 512 },
    consentVersion: { type: 'string', minLength: 1, maxLength: 64, pattern: '\\S' },
  },
} as const

const loginResponseSchema = {
  type: 'object',
  required: ['token', 'expiresAt', 'user'],
  additionalProperties: false,
  properties: {
    token: { type: 'string' },
    expiresAt: { type: 'string', format: 'date-time' },
    user: userProfileSchema,
  },
} as const

function userIdFor(tx: Queryable, identity: LoginIdentity): Promise<string> {
  return identity.kind === 'sandbox-phone'
    ? findOrCreateUserByPhone(tx, identity.phone)
    : findOrCreateUserByIdentity(tx, identity.platform, identity.subject, identity.unionId)
}

/**
 * Login attempts per client address and minute. The sandbox (development, tests, e2e: many logins
 * from one address) is looser; production never runs with the sandbox.
 */
export const LOGIN_LIMIT_PER_MINUTE = 10
const SANDBOX_LOGIN_LIMIT_PER_MINUTE = 1000
export const LOGIN_RATE_LIMITED_MESSAGE = '登录尝试过于频繁，请稍后再试'

const PLATFORM_LOGIN_NAMES: Record<Exclude<LoginRequest['platform'], 'h5'>, string> = {
  weapp: '微信登录',
  alipay: '支付宝登录',
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: LoginRequest }>(
    '/auth/login',
    {
      config: {
        rateLimit: {
          max: app.config.sandbox ? SANDBOX_LOGIN_LIMIT_PER_MINUTE : LOGIN_LIMIT_PER_MINUTE,
          timeWindow: '1 minute',
          errorResponseBuilder: () => new ApiError('RATE_LIMITED', { message: LOGIN_RATE_LIMITED_MESSAGE }),
        },
      },
      schema: {
        tags: ['auth'],
        summary: '登录（微信 / 支付宝 code，H5 体验环境为 sandbox:手机号）',
        querystring: noQuerystring,
        body: loginBodySchema,
        response: { 200: loginResponseSchema, ...errorResponses },
      },
    },
    async (request): Promise<LoginResponse> => {
      const { platform, code, consentVersion } = request.body
      const provider = app.loginProviders[platform]
      if (!provider) {
        if (platform === 'h5') throw new ApiError('SANDBOX_DISABLED', { cause: 'no h5 provider configured' })
        throw new ApiError('LOGIN_PLATFORM_UNAVAILABLE', {
          message: `当前服务未开通${PLATFORM_LOGIN_NAMES[platform]}，请改用其他方式登录`,
          cause: `no ${platform} provider configured`,
        })
      }
      // The platform call happens outside the transaction: it can take seconds.
      const identity = await provider.exchangeCode(code)
      return app.db.transaction(async (tx) => {
        const userId = await userIdFor(tx, identity)
        await recordConsent(tx, userId, consentVersion.trim(), true)
        const session = await createSession(tx, userId, platform, app.config.sessionTtlHours)
        const user = await getUserProfile(tx, userId)
        if (!user) throw new Error('user vanished during login')
        request.log.info({ userId, platform }, 'user logged in')
        return { token: session.token, expiresAt: session.expiresAt.toISOString(), user }
      })
    },
  )

  app.post(
    '/auth/logout',
    {
      onRequest: requireUser,
      schema: {
        tags: ['auth'],
        summary: '退出登录（删除当前会话）',
        security: [{ session: [] }],
        querystring: noQuerystring,
        response: { 204: { type: 'null' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteSession(app.db, currentUser(request).sessionTokenHash)
      return reply.status(204).send()
    },
  )
}
