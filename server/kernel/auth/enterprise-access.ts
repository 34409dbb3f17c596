import type { FastifyRequest, RouteOptions } from 'fastify'
import type { EnterpriseAccess } from '../app-context'
import type { EnterpriseRole } from '../../../src/contract/account/schemas'
import type { Queryable } from '../db/db'
import { ApiError } from '../http/api-error'
import { currentUser } from './require-user'
import { isGrantBound, refusalMessage, roleMay, type EnterpriseAction } from '../../../src/domain/access/permissions'
import { liveGrant } from './live-grant'
/**
 * The one authorization check for enterprise-scoped data. Every enterprise route declares what it
 * does as `config.enterpriseAction` (an action of src/domain/access/permissions.ts):
 * - a route with an `:enterpriseId` param gets the check as its first preHandler from the onRoute
 *   hook below, which refuses to register such a route without an action;
 * - a route that reaches an enterprise through something else (a licence, a body field) calls
 *   requireEnterpriseAccess, which checks the action the route declared.
 * Unknown and unlinked enterprises get the same 403, so the answer never reveals whether an
 * enterprise exists; a linked person whose role lacks the action gets a 403 naming it.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const enterpriseIdSchema = { type: 'string', format: 'uuid', maxLength: 36 } as const

/** Route params schema for `/…/:enterpriseId/…`. */
export const enterpriseIdParamsSchema = {
  type: 'object',
  required: ['enterpriseId'],
  additionalProperties: false,
  properties: { enterpriseId: enterpriseIdSchema },
} as const

const NOT_LINKED = 'not linked to the enterprise'

/** The refusal was for not being linked at all (not for a role lacking the action). */
export function isNotLinked(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'ENTERPRISE_FORBIDDEN' && error.cause === NOT_LINKED
}

interface LinkRow {
  role: EnterpriseRole
  has_live_grant: boolean
}

/** The user's link to the enterprise and whether they hold a live grant there at `now` (app clock); null when not linked. */
export async function findLink(
  db: Queryable,
  userId: string,
  enterpriseId: string,
  now: number,
): Promise<LinkRow | null> {
  const { rows } = await db.query<LinkRow>(
    `select l.role, exists (select 1 from seal_grants g
       where g.enterprise_id = l.enterprise_id and g.grantee_user_id = l.user_id and ${liveGrant(now)}) as has_live_grant
     from user_enterprises l where l.user_id = $1 and l.enterprise_id = $2`,
    [userId, enterpriseId],
  )
  return rows[0] ?? null
}

function declaredAction(request: FastifyRequest): EnterpriseAction {
  const action = request.routeOptions.config.enterpriseAction
  if (!action)
    throw new Error(
      `${request.method} ${request.routeOptions.url} checks enterprise access without config.enterpriseAction`,
    )
  return action
}

/**
 * Checks that the signed-in user may do `action` (by default the action the route declared) for
 * the enterprise; sets request.enterpriseAccess.
 */
export async function requireEnterpriseAccess(
  request: FastifyRequest,
  enterpriseId: string,
  action: EnterpriseAction = declaredAction(request),
): Promise<EnterpriseAccess> {
  const user = currentUser(request)
  if (!UUID.test(enterpriseId)) {
    const message = 'enterpriseId 格式不正确'
    throw new ApiError('VALIDATION_FAILED', {
      message: `请求参数有误：${message}`,
      details: [{ field: 'enterpriseId', message }],
    })
  }
  const id = enterpriseId.toLowerCase()
  const link = await findLink(request.server.db, user.id, id, request.server.clock())
  // A handler whose last grant was revoked or ran out is, from that instant, not linked at all.
  if (!link || (isGrantBound(link.role) && !link.has_live_grant)) {
    throw new ApiError('ENTERPRISE_FORBIDDEN', { cause: NOT_LINKED })
  }
  if (!roleMay(link.role, action, link.has_live_grant)) {
    throw new ApiError('ENTERPRISE_FORBIDDEN', { message: refusalMessage(link.role, action) })
  }
  const access = { enterpriseId: id, role: link.role }
  request.enterpriseAccess = access
  return access
}

/** preValidation hook for routes with an `:enterpriseId` param (added by guardEnterpriseRoutes). */
async function enterpriseFromParams(request: FastifyRequest): Promise<void> {
  const { enterpriseId } = request.params as { enterpriseId?: string }
  await requireEnterpriseAccess(request, enterpriseId ?? '')
}

/**
 * onRoute hook: every route with an `:enterpriseId` param must declare its action, and runs the
 * access check before anything else of its own (as the first preValidation hook: someone who may
 * not act for the enterprise learns nothing, not even which field of the body was wrong). A route
 * without an action fails at start-up, not in review.
 */
export function guardEnterpriseRoutes(route: RouteOptions): void {
  if (!/(^|\/):enterpriseId(\/|$)/.test(route.url)) return
  const action = (route.config as { enterpriseAction?: EnterpriseAction } | undefined)?.enterpriseAction
  if (!action) throw new Error(`${String(route.method)} ${route.url} has :enterpriseId but no config.enterpriseAction`)
  const own = route.preValidation ? [route.preValidation].flat() : []
  route.preValidation = [enterpriseFromParams, ...own]
}

/** The access granted by the enterprise check of this request. */
export function currentEnterprise(request: FastifyRequest): EnterpriseAccess {
  if (!request.enterpriseAccess) throw new Error('enterprise access was not checked on this route')
  return request.enterpriseAccess
}
