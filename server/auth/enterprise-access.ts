import type { FastifyRequest } from 'fastify'
import type { EnterpriseAccess } from '../app-context'
import type { EnterpriseRole } from '../contract'
import { ApiError } from '../http/api-error'
import { currentUser } from './require-user'

/**
 * The one authorization check for enterprise-scoped data: every route that reads or changes
 * something of an enterprise goes through requireEnterpriseAccess (directly, or through the
 * enterpriseFromParams preHandler). Unknown and unlinked enterprises get the same 403, so the
 * answer never reveals whether an enterprise exists.
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

export async function requireEnterpriseAccess(
  request: FastifyRequest,
  enterpriseId: string,
): Promise<EnterpriseAccess> {
  const user = currentUser(request)
  if (!UUID.test(enterpriseId)) {
    const message = 'enterpriseId 格式不正确'
    throw new ApiError('VALIDATION_FAILED', {
      message: `请求参数有误：${message}`,
      details: [{ field: 'enterpriseId', message }],
    })
  }
  const { rows } = await request.server.db.query<{ role: EnterpriseRole }>(
    'select role from user_enterprises where user_id = $1 and enterprise_id = $2',
    [user.id, enterpriseId.toLowerCase()],
  )
  if (!rows[0]) throw new ApiError('ENTERPRISE_FORBIDDEN')
  const access = { enterpriseId: enterpriseId.toLowerCase(), role: rows[0].role }
  request.enterpriseAccess = access
  return access
}

/** preHandler (after requireUser) for routes with an `:enterpriseId` param; sets request.enterpriseAccess. */
export async function enterpriseFromParams(request: FastifyRequest): Promise<void> {
  const { enterpriseId } = request.params as { enterpriseId?: string }
  await requireEnterpriseAccess(request, enterpriseId ?? '')
}

/** The access granted by enterpriseFromParams. */
export function currentEnterprise(request: FastifyRequest): EnterpriseAccess {
  if (!request.enterpriseAccess) throw new Error('enterpriseFromParams preHandler missing on this route')
  return request.enterpriseAccess
}
