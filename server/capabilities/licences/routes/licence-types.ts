import type { FastifyInstance } from 'fastify'
import * as licenceEndpoints from '../../../../src/contract/licences/endpoints'
import { ops } from '../../../../src/contract/licences/schemas'
import { requireAdmin } from '../../../kernel/auth/require-admin'
import { loadCatalogue, buildCatalogue, overrideErrors, replaceOverrides, toLicenceTypeView } from '../catalogue-store'
import { recomputeStoredDeadlines } from '../stored-deadline'
import { validationError } from '../../../kernel/http/input-errors'
import { contractRoute } from '../../../kernel/http/contract-route'

/** The licence-type catalogue: built in, with the city's own entries and changes stored as data. */
export async function licenceTypeRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    licenceEndpoints.listLicenceTypes,
    ops.listLicenceTypes,
    { tags: ['licences'], summary: '证照类型目录（含本市配置）' },
    async () => (await loadCatalogue(app.db)).active.map(toLicenceTypeView),
  )

  contractRoute(
    app,
    licenceEndpoints.replaceLicenceTypes,
    ops.replaceLicenceTypes,
    {
      onRequest: requireAdmin,
      tags: ['admin'],
      summary: '替换本市证照类型配置（新增类型、修改内置类型的字段、{code, disabled: true} 停用）',
    },
    async (request) => {
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
