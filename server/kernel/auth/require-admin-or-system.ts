import type { FastifyRequest } from 'fastify'
import { requireSystem } from './require-system'
import { bearerToken, secretsEqual } from './tokens'

/**
 * Hook for routes open to operators (the admin key) and to external systems granted `scope`
 * (e.g. a licence registry feeding imports): the admin key first, else a system key.
 */
export function requireAdminOrSystem(scope: string): (request: FastifyRequest) => Promise<void> {
  const systemKey = requireSystem(scope)
  return async function requireAdminOrSystemKey(request: FastifyRequest) {
    const expected = request.server.config.adminApiKey
    const given = bearerToken(request.headers.authorization)
    if (expected && given && secretsEqual(given, expected)) return
    await systemKey(request)
  }
}
