import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as endpoints from '../../../../src/contract/licences/endpoints'
import { ops, type LicenceView } from '../../../../src/contract/licences/schemas'
import { currentEnterprise, isNotLinked, requireEnterpriseAccess } from '../../../kernel/auth/enterprise-access'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import type { Queryable } from '../../../kernel/db/db'
import { ApiError } from '../../../kernel/http/api-error'
import { contractRoute, noContent } from '../../../kernel/http/contract-route'
import { idempotentWrite } from '../../../kernel/http/idempotency'
import { todayInChina } from '../../../kernel/http/today'
import { loadCatalogue, recordType, type CityCatalogue } from '../catalogue-store'
import { checkLicenceInput, checkRenewal } from '../licence-input'
import {
  clearRenewalStarted,
  deleteLicence,
  findLicence,
  historyOf,
  insertLicence,
  listEnterpriseLicences,
  markRenewalStarted,
  normalizeInput,
  recordRenewal,
  updateLicenceFacts,
  type LicenceRow,
} from '../licence-repo'
import { emptyStatusCounts, matchesQuery, sortByUrgency, toLicenceView } from '../licence-view'
import { storedDeadline } from '../stored-deadline'

type LicenceParams = { licenceId: string }

const tags = ['licences']
const read = { enterpriseAction: 'licences:read' } as const
const write = { enterpriseAction: 'licences:write' } as const

/**
 * The licence wallet. Every route reaches a licence through requireEnterpriseAccess on the
 * licence's enterprise, with the action the route declares; a licence of an enterprise the caller
 * is not linked to is a 404, as if it did not exist (a linked role without the right gets the 403).
 */
export async function licenceRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireUser)

  async function accessibleLicence(request: FastifyRequest & { params: LicenceParams }): Promise<LicenceRow> {
    const row = await findLicence(app.db, request.params.licenceId)
    if (!row) throw new ApiError('LICENCE_NOT_FOUND')
    try {
      await requireEnterpriseAccess(request, row.enterprise_id)
    } catch (error) {
      if (isNotLinked(error)) throw new ApiError('LICENCE_NOT_FOUND')
      throw error
    }
    return row
  }

  async function viewOf(db: Queryable, row: LicenceRow, catalogue: CityCatalogue): Promise<LicenceView> {
    const history = await historyOf(db, [row.id])
    return toLicenceView(row, history.get(row.id) ?? [], catalogue, todayInChina(app))
  }

  contractRoute(
    app,
    endpoints.listLicences,
    ops.listLicences,
    { config: read, tags, summary: '企业证照列表（按紧急程度排序，附各状态数量）' },
    async (request) => {
      const today = todayInChina(app)
      const catalogue = await loadCatalogue(app.db)
      const rows = await listEnterpriseLicences(app.db, currentEnterprise(request).enterpriseId)
      const history = await historyOf(
        app.db,
        rows.map((row) => row.id),
      )
      const views = sortByUrgency(rows.map((row) => toLicenceView(row, history.get(row.id) ?? [], catalogue, today)))
      const counts = emptyStatusCounts()
      for (const view of views) counts[view.status]++
      const { status, q } = request.query
      const items = views.filter((view) => (!status || view.status === status) && matchesQuery(view, q ?? ''))
      return { asOf: today, items, counts }
    },
  )

  contractRoute(
    app,
    endpoints.createLicence,
    ops.createLicence,
    { config: write, tags, summary: '登记证照（支持 Idempotency-Key：重试不会重复登记）' },
    async (request, reply) => {
      const enterpriseId = currentEnterprise(request).enterpriseId
      const catalogue = await loadCatalogue(app.db)
      const type = checkLicenceInput(request.body, catalogue, todayInChina(app))
      const facts = normalizeInput(request.body)
      const result = await idempotentWrite(app.db, request, currentUser(request).id, async (tx) => {
        const row = await insertLicence(tx, enterpriseId, facts, storedDeadline(facts.expiresOn, type.leadRule))
        return { statusCode: 201, body: toLicenceView(row, [], catalogue, todayInChina(app)) }
      })
      request.log.info({ licenceId: result.body.id, enterpriseId }, 'licence created')
      return reply.status(result.statusCode as 201).send(result.body)
    },
  )

  contractRoute(
    app,
    endpoints.getLicence,
    ops.getLicence,
    { config: read, tags, summary: '证照详情（含续期截止日与换证历史）' },
    async (request) => viewOf(app.db, await accessibleLicence(request), await loadCatalogue(app.db)),
  )

  contractRoute(
    app,
    endpoints.updateLicence,
    ops.updateLicence,
    { config: write, tags, summary: '修改证照信息' },
    async (request) => {
      const current = await accessibleLicence(request)
      const catalogue = await loadCatalogue(app.db)
      const type = checkLicenceInput(request.body, catalogue, todayInChina(app), current.type_code)
      const facts = normalizeInput(request.body)
      return app.db.transaction(async (tx) => {
        const row = await updateLicenceFacts(tx, current.id, facts, storedDeadline(facts.expiresOn, type.leadRule))
        if (!row) throw new ApiError('LICENCE_NOT_FOUND')
        return viewOf(tx, row, catalogue)
      })
    },
  )

  contractRoute(
    app,
    endpoints.deleteLicence,
    ops.deleteLicence,
    { config: write, tags, summary: '删除证照' },
    async (request, reply) => {
      const current = await accessibleLicence(request)
      if (!(await deleteLicence(app.db, current.id))) throw new ApiError('LICENCE_NOT_FOUND')
      request.log.info({ licenceId: current.id }, 'licence deleted')
      return noContent(reply)
    },
  )

  contractRoute(
    app,
    endpoints.markRenewalStarted,
    ops.markRenewalStarted,
    {
      config: write,
      tags,
      summary: '已提交续期申请：状态变为「续期办理中」；此后只在续期截止日和到期日提醒，直到登记新证',
    },
    async (request) => {
      const current = await accessibleLicence(request)
      const catalogue = await loadCatalogue(app.db)
      const today = todayInChina(app)
      if (current.cancelled_on !== null && current.cancelled_on <= today) throw new ApiError('LICENCE_CANCELLED')
      return app.db.transaction(async (tx) => {
        const row = await markRenewalStarted(tx, current.id, today)
        if (!row) throw new ApiError('LICENCE_NOT_FOUND')
        return viewOf(tx, row, catalogue)
      })
    },
  )

  contractRoute(
    app,
    endpoints.undoRenewalStarted,
    ops.undoRenewalStarted,
    { config: write, tags, summary: '撤销「已提交续期」：回到按截止日提醒（重复撤销无副作用）' },
    async (request) => {
      const current = await accessibleLicence(request)
      const catalogue = await loadCatalogue(app.db)
      return app.db.transaction(async (tx) => {
        const row = await clearRenewalStarted(tx, current.id)
        if (!row) throw new ApiError('LICENCE_NOT_FOUND')
        request.log.info({ licenceId: row.id }, 'licence renewal mark withdrawn')
        return viewOf(tx, row, catalogue)
      })
    },
  )

  contractRoute(
    app,
    endpoints.recordRenewal,
    ops.recordRenewal,
    { config: write, tags, summary: '已换新证：原证号与有效期转入历史，新证替换' },
    async (request) => {
      const current = await accessibleLicence(request)
      const catalogue = await loadCatalogue(app.db)
      const today = todayInChina(app)
      const type = recordType(catalogue, current.type_code)
      const renewed = { ...request.body, number: request.body.number.trim() }
      // The same renewal sent twice (a retry) is already the current certificate: nothing to move.
      const alreadyRecorded = (row: LicenceRow) =>
        row.number === renewed.number && row.issued_on === renewed.issuedOn && row.expires_on === renewed.expiresOn
      if (alreadyRecorded(current)) return viewOf(app.db, current, catalogue)
      if (current.cancelled_on !== null && current.cancelled_on <= today) throw new ApiError('LICENCE_CANCELLED')
      checkRenewal(renewed, current, type, today)
      return app.db.transaction(async (tx) => {
        const locked = await findLicence(tx, current.id, true)
        if (!locked) throw new ApiError('LICENCE_NOT_FOUND')
        if (alreadyRecorded(locked)) return viewOf(tx, locked, catalogue)
        const row = await recordRenewal(tx, locked, renewed, today, storedDeadline(renewed.expiresOn, type.leadRule))
        request.log.info({ licenceId: row.id }, 'licence renewed')
        return viewOf(tx, row, catalogue)
      })
    },
  )
}
