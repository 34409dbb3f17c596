import type { FastifyInstance } from 'fastify'
import type { HealthResponse } from '../contract'
import { errorResponses, noQuerystring } from './schemas'

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查',
        querystring: noQuerystring,
        response: {
          200: {
            type: 'object',
            required: ['status', 'db'],
            properties: {
              status: { type: 'string', enum: ['ok'] },
              db: { type: 'string', enum: ['pglite', 'postgres'] },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (): Promise<HealthResponse> => {
      // A round trip proves the database answers, not merely that the pool object exists.
      await app.db.query('select 1')
      return { status: 'ok', db: app.db.kind }
    },
  )
}
