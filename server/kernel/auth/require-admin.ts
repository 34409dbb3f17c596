import type { FastifyRequest } from 'fastify'
import { ApiError } from '../http/api-error'
import { bearerToken, secretsEqual } from './tokens'

/** onRequest hook for /admin routes: `Authorization: Bearer <ADMIN_API_KEY>`. */
export async function requireAdmin(request: FastifyRequest): Promise<void> {
  const expected = request.server.config.adminApiKey
  // No key configured means no admin surface at all, rather than an empty key that matches.
  if (!expected) throw new ApiError('ADMIN_DISABLED')
  const given = bearerToken(request.headers.authorization)
  if (!given || !secretsEqual(given, expected)) throw new ApiError('ADMIN_KEY_INVALID')
}
