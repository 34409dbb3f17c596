import type { FastifyRequest } from 'fastify'
import type { SystemPrincipal } from '../app-context'
import { ApiError } from '../http/api-error'
import { findActiveSystemByKey } from '../repos/systems'
import { bearerToken } from './tokens'

/**
 * Hook factory (use as onRequest or preHandler) for routes called by external systems (document platforms creating sign
 * tasks, licence registries importing records): `Authorization: Bearer <system API key>`.
 * With a scope, the system must have been granted it.
 */
export function requireSystem(scope?: string): (request: FastifyRequest) => Promise<void> {
  return async function requireSystemKey(request: FastifyRequest) {
    const key = bearerToken(request.headers.authorization)
    const system = key ? await findActiveSystemByKey(request.server.db, key) : null
    if (!system) throw new ApiError('SYSTEM_KEY_INVALID')
    if (scope && !system.scopes.includes(scope)) {
      throw new ApiError('FORBIDDEN', { message: `该系统未获授权：${scope}` })
    }
    request.system = system
  }
}

export function currentSystem(request: FastifyRequest): SystemPrincipal {
  if (!request.system) throw new Error('requireSystem hook missing on this route')
  return request.system
}
