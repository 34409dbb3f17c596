import type { FastifyRequest } from 'fastify'
import type { AuthenticatedUser } from '../app-context'
import { ApiError } from '../http/api-error'
import { findSession } from './sessions'
import { bearerToken } from './tokens'

/** onRequest hook for every route that needs a logged-in user (before the body is even parsed); sets request.user. */
export async function requireUser(request: FastifyRequest): Promise<void> {
  const token = bearerToken(request.headers.authorization)
  if (!token) throw new ApiError('UNAUTHORIZED')
  const session = await findSession(request.server.db, token, request.server.clock())
  // Unknown and expired look the same to the client: either way the app must log in again.
  if (session.status !== 'valid') throw new ApiError('SESSION_EXPIRED')
  request.user = { id: session.userId, platform: session.platform, sessionTokenHash: session.tokenHash }
}

/** The user set by requireUser; a route that forgot the hook fails loudly instead of leaking. */
export function currentUser(request: FastifyRequest): AuthenticatedUser {
  if (!request.user) throw new Error('requireUser hook missing on this route')
  return request.user
}
