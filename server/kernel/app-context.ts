import type { Platform } from '../../src/contract/account/schemas'
import type { Config } from './config'
import type { Db } from './db/db'
import type { LoginProviders } from './auth/providers/login-provider'
import type { EnterpriseRole } from '../../src/contract/account/schemas'
import type { MessageSenders } from './notify/default-senders'
import type { ConsentWithdrawal } from './auth/consent-withdrawal'
import type { EnterpriseAction } from '../../src/domain/access/permissions'

/** What Fastify carries for the server: shared services on the instance, principals on requests. */

export interface AuthenticatedUser {
  id: string
  platform: Platform
  /** SHA-256 of the bearer token, so logout can delete exactly this session. */
  sessionTokenHash: string
}

export interface SystemPrincipal {
  id: string
  name: string
  scopes: string[]
}

export interface EnterpriseAccess {
  enterpriseId: string
  role: EnterpriseRole
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    config: Config
    loginProviders: LoginProviders
    /** Milliseconds since the epoch; tests pin it to a date. */
    clock: () => number
    /** WeChat / Alipay senders of every notice (built from config, or injected by tests). */
    messageSenders: MessageSenders
    /** What each capability erases when a user withdraws consent (server/kernel/auth/consent-withdrawal.ts). */
    consentWithdrawal: ConsentWithdrawal
  }
  interface FastifyContextConfig {
    /** What an enterprise-scoped route does, checked against the permission table (server/kernel/auth/enterprise-access.ts). */
    enterpriseAction?: EnterpriseAction
  }
  interface FastifyRequest {
    user: AuthenticatedUser | null
    system: SystemPrincipal | null
    enterpriseAccess: EnterpriseAccess | null
  }
}
