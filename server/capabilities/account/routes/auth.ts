import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/account/endpoints'
import { ops, type LoginRequest } from '../../../../src/contract/account/schemas'
import type { LoginIdentity } from '../../../kernel/auth/providers/login-provider'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { createSession, deleteSession } from '../../../kernel/auth/sessions'
import type { Queryable } from '../../../kernel/db/db'
import { ApiError } from '../../../kernel/http/api-error'
import {
  findOrCreateUserByIdentity,
  findOrCreateUserByPhone,
  getUserProfile,
  recordConsent,
} from '../../../kernel/repos/users'
import { contractRoute, noContent } from '../../../kernel/http/contract-route'

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
  contractRoute(
    app,
    endpoints.login,
    ops.login,
    {
      config: {
        rateLimit: {
          max: app.config.sandbox ? SANDBOX_LOGIN_LIMIT_PER_MINUTE : LOGIN_LIMIT_PER_MINUTE,
          timeWindow: '1 minute',
          errorResponseBuilder: () => new ApiError('RATE_LIMITED', { message: LOGIN_RATE_LIMITED_MESSAGE }),
        },
      },
      tags: ['auth'],
      summary: '登录（微信 / 支付宝 code，H5 体验环境为 sandbox:手机号）',
    },
    async (request) => {
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
        const session = await createSession(tx, userId, platform, app.config.sessionTtlHours, app.clock())
        const user = await getUserProfile(tx, userId)
        if (!user) throw new Error('user vanished during login')
        request.log.info({ userId, platform }, 'user logged in')
        return { token: session.token, expiresAt: session.expiresAt.toISOString(), user }
      })
    },
  )

  contractRoute(
    app,
    endpoints.logout,
    ops.logout,
    { onRequest: requireUser, tags: ['auth'], summary: '退出登录（删除当前会话）' },
    async (request, reply) => {
      await deleteSession(app.db, currentUser(request).sessionTokenHash)
      return noContent(reply)
    },
  )
}
