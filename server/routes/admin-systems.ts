import type { FastifyInstance } from 'fastify'
import type { CreateSystemRequest, SetCallbackHostsRequest, SystemCreated, SystemSummary } from '../contract'
import { requireAdmin } from '../auth/require-admin'
import { ApiError } from '../http/api-error'
import { createSystem, listSystems, revokeSystem, setCallbackHosts } from '../repos/systems'
import { errorResponses, noQuerystring, systemCreatedSchema, systemSummarySchema } from './schemas'

const HOST_LABEL = '[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'

/** Host names (no scheme, port or path), compared exactly with a callback URL's host. */
const callbackHostsSchema = {
  type: ['array', 'null'],
  maxItems: 20,
  items: { type: 'string', maxLength: 253, pattern: `^${HOST_LABEL}(\\.${HOST_LABEL})*$` },
  description: '签章任务回调地址允许的域名（完整域名，不含协议与端口）；null 表示任何公网域名',
} as const

/** URL hosts are lower case; so is the list, without repeats. */
function normalisedHosts(hosts: string[] | null | undefined): string[] | null {
  return hosts == null ? null : [...new Set(hosts.map((host) => host.toLowerCase()))]
}

const createBodySchema = {
  type: 'object',
  required: ['name', 'scopes'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
    scopes: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,39}$' },
    },
    callbackHosts: callbackHostsSchema,
  },
} as const

const systemIdParamsSchema = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', format: 'uuid', maxLength: 36 } },
} as const

const common = { tags: ['admin'], security: [{ adminKey: [] }], querystring: noQuerystring }

/** Registering the external systems that may call in (sign tasks, licence import). */
export async function adminSystemRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireAdmin)

  app.post<{ Body: CreateSystemRequest }>(
    '/admin/systems',
    {
      schema: {
        ...common,
        summary: '登记外部系统并生成接入密钥（密钥仅返回一次）',
        body: createBodySchema,
        response: { 201: systemCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply): Promise<SystemCreated> => {
      const created = await createSystem(
        app.db,
        request.body.name.trim(),
        request.body.scopes,
        normalisedHosts(request.body.callbackHosts),
      )
      request.log.info({ systemId: created.id, scopes: created.scopes }, 'system registered')
      reply.status(201)
      return created
    },
  )

  app.get(
    '/admin/systems',
    {
      schema: {
        ...common,
        summary: '外部系统列表',
        response: { 200: { type: 'array', items: systemSummarySchema }, ...errorResponses },
      },
    },
    (): Promise<SystemSummary[]> => listSystems(app.db),
  )

  app.put<{ Params: { id: string }; Body: SetCallbackHostsRequest }>(
    '/admin/systems/:id/callback-hosts',
    {
      schema: {
        ...common,
        summary: '设置外部系统签章任务回调的域名白名单（null 取消白名单，仍只允许公网地址）',
        params: systemIdParamsSchema,
        body: {
          type: 'object',
          required: ['callbackHosts'],
          additionalProperties: false,
          properties: { callbackHosts: callbackHostsSchema },
        },
        response: { 200: systemSummarySchema, ...errorResponses },
      },
    },
    async (request): Promise<SystemSummary> => {
      const updated = await setCallbackHosts(app.db, request.params.id, normalisedHosts(request.body.callbackHosts))
      if (!updated) throw new ApiError('NOT_FOUND', { message: '未找到该外部系统' })
      request.log.info({ systemId: updated.id, callbackHosts: updated.callbackHosts }, 'system callback hosts set')
      return updated
    },
  )

  app.delete<{ Params: { id: string } }>(
    '/admin/systems/:id',
    {
      schema: {
        ...common,
        summary: '停用外部系统（密钥立即失效）',
        params: systemIdParamsSchema,
        response: { 200: systemSummarySchema, ...errorResponses },
      },
    },
    async (request): Promise<SystemSummary> => {
      const revoked = await revokeSystem(app.db, request.params.id)
      if (!revoked) throw new ApiError('NOT_FOUND', { message: '未找到该外部系统' })
      request.log.info({ systemId: revoked.id }, 'system revoked')
      return revoked
    },
  )
}
