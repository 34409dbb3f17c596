import type { FastifyInstance } from 'fastify'
import { currentSystem, requireSystem } from '../auth/require-system'
import { errorResponses, noQuerystring } from './schemas'

/** Lets an integrator check its key before wiring real calls. */
export async function systemRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/system/whoami',
    {
      onRequest: requireSystem(),
      schema: {
        tags: ['system'],
        summary: '外部系统自检：返回密钥对应的系统与授权范围',
        security: [{ systemKey: [] }],
        querystring: noQuerystring,
        response: {
          200: {
            type: 'object',
            required: ['id', 'name', 'scopes'],
            additionalProperties: false,
            properties: {
              id: { type: 'string' },
              name: { type: 'string' },
              scopes: { type: 'array', items: { type: 'string' } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => currentSystem(request),
  )
}
