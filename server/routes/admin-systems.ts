import type { FastifyInstance } from 'fastify'
import type { CreateSystemRequest, SystemCreated, SystemSummary } from '../contract'
import { requireAdmin } from '../auth/require-admin'
import { ApiError } from '../http/api-error'
import { createSystem, listSystems, revokeSystem } from '../repos/systems'
import { errorResponses, noQuerystring, systemCreatedSchema, systemSummarySchema } from './schemas'

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
      const created = await createSystem(app.db, request.body.name.trim(), request.body.scopes)
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
