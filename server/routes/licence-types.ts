import type { FastifyInstance } from 'fastify'
import type { LicenceTypeView } from '../contract-licences'
import { requireAdmin } from '../auth/require-admin'
import {
  loadCatalogue,
  buildCatalogue,
  overrideErrors,
  replaceOverrides,
  toLicenceTypeView,
} from '../licences/catalogue-store'
import { recomputeStoredDeadlines } from '../licences/stored-deadline'
import { validationError } from '../licences/licence-input'
import { licenceTypeViewSchema } from './licence-schemas'
import { errorResponses, noQuerystring } from './schemas'

const typeListResponse = { 200: { type: 'array', items: licenceTypeViewSchema }, ...errorResponses }

/** The licence-type catalogue: built in, with the city's own entries and changes stored as data. */
export async function licenceTypeRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/licence-types',
    {
      schema: {
        tags: ['licences'],
        summary: '证照类型目录（含本市配置）',
        querystring: noQuerystring,
        response: typeListResponse,
      },
    },
    async (): Promise<LicenceTypeView[]> => (await loadCatalogue(app.db)).active.map(toLicenceTypeView),
  )

  app.put<{ Body: { types: unknown[] } }>(
    '/admin/licence-types',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['admin'],
        summary: '替换本市证照类型配置（新增类型、修改内置类型的字段、{code, disabled: true} 停用）',
        security: [{ adminKey: [] }],
        querystring: noQuerystring,
        body: {
          type: 'object',
          required: ['types'],
          additionalProperties: false,
          properties: {
            types: {
              type: 'array',
              maxItems: 500,
              items: { type: 'object' },
              description: '本市配置的全部条目（整体替换）；每条的字段由目录校验',
            },
          },
        },
        response: typeListResponse,
      },
    },
    async (request): Promise<LicenceTypeView[]> => {
      const overrides = request.body.types
      const errors = overrideErrors(overrides)
      if (errors.length > 0) {
        throw validationError(
          errors.map((error) => ({
            field: `types[${error.index}]${error.code ? ` ${error.code}` : ''}`,
            message: error.problems.join('；'),
          })),
        )
      }
      const catalogue = buildCatalogue(overrides)
      // A changed lead rule moves deadlines: the stored ones the reminder job selects by follow.
      const moved = await app.db.transaction(async (tx) => {
        await replaceOverrides(tx, overrides)
        return recomputeStoredDeadlines(tx, catalogue)
      })
      request.log.info({ overrides: overrides.length, deadlinesMoved: moved }, 'licence catalogue replaced')
      return catalogue.active.map(toLicenceTypeView)
    },
  )
}
