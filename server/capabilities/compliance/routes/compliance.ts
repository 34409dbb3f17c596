import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as endpoints from '../../../../src/contract/compliance/endpoints'
import {
  ops,
  type ComplianceSettingsView,
  type PenaltyView,
  type TimelineKind,
  type TimelineQuery,
} from '../../../../src/contract/compliance/schemas'
import { currentEnterprise } from '../../../kernel/auth/enterprise-access'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { linksOf } from '../calendar-feed/feed-repo'
import {
  clearItemState,
  deletePenalty,
  filedReportYears,
  insertPenalty,
  markReportFiled,
  penaltiesOf,
  profilesOf,
  reportReminderDays,
  saveProfile,
  saveReportReminderDays,
  setItemState,
  unmarkReportFiled,
} from '../compliance-repo'
import { buildTimeline, MAX_RANGE_DAYS, TIMELINE_KINDS, timelineResponse } from '../timeline'
import { ApiError } from '../../../kernel/http/api-error'
import { idempotentWrite } from '../../../kernel/http/idempotency'
import { todayInChina } from '../../../kernel/http/today'
import { validationError } from '../../../kernel/http/input-errors'
import { findUserEnterprise } from '../../../kernel/repos/enterprises'
import { roleMay } from '../../../../src/domain/access/permissions'
import { addDays, daysBetween, type IsoDate } from '../../../../src/domain/calendar/dates'
import {
  annualReportReminderProblems,
  defaultAnnualReportReminders,
} from '../../../../src/domain/compliance/annualReport'
import {
  creditRepairPlan,
  penaltyRecordProblems,
  PENALTY_FIELD_NAMES,
  type PenaltyRecord,
} from '../../../../src/domain/compliance/creditRepair'
import { taxSettingsProblems, type TaxSettings } from '../../../../src/domain/compliance/taxFiling'
import { contractRoute, noContent } from '../../../kernel/http/contract-route'

/**
 * Who: reading follows `profile:read`, writing `profile:write` (the legal representative and agents;
 * docs/domain-compliance.md "Who sees what"). Licence items follow `licences:read`, which the same
 * roles hold. A handler's grants are seal grants: none of them covers these deadlines.
 */
const read = { enterpriseAction: 'profile:read' } as const
const write = { enterpriseAction: 'profile:write' } as const
const tags = ['compliance']

type TimelineQs = TimelineQuery

function rangeOf(query: TimelineQs, today: IsoDate): { from: IsoDate; to: IsoDate; kinds: Set<TimelineKind> } {
  const from = query.from ?? today
  const to = query.to ?? addDays(from, 30)
  if (to < from) throw validationError([{ field: 'to', message: '结束日期不能早于开始日期' }])
  if (daysBetween(from, to) > MAX_RANGE_DAYS)
    throw validationError([{ field: 'to', message: `查询跨度不能超过 ${MAX_RANGE_DAYS} 天` }])
  const kinds = new Set<TimelineKind>(query.kinds ? (query.kinds.split(',') as TimelineKind[]) : [...TIMELINE_KINDS])
  return { from, to, kinds }
}

function penaltyView(record: PenaltyRecord): PenaltyView {
  const plan = creditRepairPlan(record)
  return {
    id: record.penaltyId,
    decidedOn: record.decidedOn,
    field: record.field,
    fieldName: PENALTY_FIELD_NAMES[record.field],
    simpleProcedure: record.simpleProcedure,
    decisionNumber: record.decisionNumber ?? null,
    published: plan.published,
    minimumDisplayEndsOn: plan.minimumDisplayEndsOn ?? null,
    earliestApplyOn: plan.earliestApplyOn ?? null,
    maximumDisplayEndsOn: plan.maximumDisplayEndsOn ?? null,
  }
}

const problemsError = (field: string, problems: string[]) =>
  validationError(problems.map((message) => ({ field, message })))

/** Ajv does not coerce: a year in the path arrives as a string, checked here. */
function yearOf(value: unknown, field: string): number {
  const year = Number(value)
  if (!/^\d{4}$/.test(String(value)) || year < 2000 || year > 2100)
    throw validationError([{ field, message: `${field} 须为 2000–2100 的年份` }])
  return year
}

export async function complianceRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireUser)
  const now = () => new Date(app.clock())

  async function enterpriseName(request: FastifyRequest, enterpriseId: string): Promise<string> {
    return (await findUserEnterprise(app.db, currentUser(request).id, enterpriseId))?.name ?? ''
  }

  async function settingsOf(enterpriseId: string): Promise<ComplianceSettingsView> {
    const [profiles, penalties, filed] = await Promise.all([
      profilesOf(app.db, [enterpriseId]),
      penaltiesOf(app.db, [enterpriseId]),
      filedReportYears(app.db, [enterpriseId]),
    ])
    const profile = profiles.get(enterpriseId)!
    return {
      entityType: profile.entityType,
      tax: profile.tax,
      penalties: penalties.map(penaltyView),
      annualReportsFiled: [...(filed.get(enterpriseId) ?? [])].sort((a, b) => a - b),
    }
  }

  /** The item must be one of the enterprise's deadlines (done ones included) within 400 days either side of today. */
  async function requireItem(request: FastifyRequest, enterpriseId: string, key: string) {
    const today = todayInChina(app)
    const items = await buildTimeline(app.db, {
      userId: currentUser(request).id,
      enterprises: [{ id: enterpriseId, name: '' }],
      from: addDays(today, -MAX_RANGE_DAYS),
      to: addDays(today, MAX_RANGE_DAYS),
      today,
      now: now(),
      kinds: new Set(TIMELINE_KINDS),
      includeDone: true,
    })
    const item = items.find((i) => i.key === key)
    if (!item) throw new ApiError('COMPLIANCE_ITEM_NOT_FOUND')
    return item
  }

  contractRoute(
    app,
    endpoints.getTimeline,
    ops.getTimeline,
    {
      config: read,
      tags,
      summary: '一个企业的办事期限（证照、年报、纳税申报、信用修复、政策申报、诉求），最紧急的在前',
    },
    async (request) => {
      const today = todayInChina(app)
      const range = rangeOf(request.query, today)
      const enterpriseId = currentEnterprise(request).enterpriseId
      const enterprises = [{ id: enterpriseId, name: await enterpriseName(request, enterpriseId) }]
      const query = { userId: currentUser(request).id, enterprises, today, now: now(), ...range }
      return timelineResponse(query, await buildTimeline(app.db, query))
    },
  )

  contractRoute(
    app,
    endpoints.getMyTimeline,
    ops.getMyTimeline,
    { tags, summary: '我可代为办理的所有企业的办事期限（代账、代办一屏看全），含每个企业的件数' },
    async (request) => {
      const today = todayInChina(app)
      const range = rangeOf(request.query, today)
      const user = currentUser(request)
      const only = request.query.enterpriseId?.toLowerCase() ?? null
      const links = (await linksOf(app.db, user.id, only, app.clock())).filter((link) =>
        roleMay(link.role, 'profile:read', link.has_live_grant),
      )
      if (only && links.length === 0) throw new ApiError('ENTERPRISE_FORBIDDEN')
      const enterprises = links.map((link) => ({ id: link.enterprise_id, name: link.name }))
      const query = { userId: user.id, enterprises, today, now: now(), ...range }
      return timelineResponse(query, await buildTimeline(app.db, query))
    },
  )

  contractRoute(
    app,
    endpoints.getSettings,
    ops.getSettings,
    { config: read, tags, summary: '合规设置：主体类型、税务设置、行政处罚记录（含信用修复日期）、已报送的年报' },
    async (request) => settingsOf(currentEnterprise(request).enterpriseId),
  )

  contractRoute(
    app,
    endpoints.saveSettings,
    ops.saveSettings,
    { config: write, tags, summary: '保存主体类型与税务设置（tax 为 null：不生成纳税申报期限）' },
    async (request, reply) => {
      const enterpriseId = currentEnterprise(request).enterpriseId
      const { entityType, tax } = request.body
      if (tax !== null) {
        const problems = taxSettingsProblems(tax)
        if (problems.length > 0) throw problemsError('tax', problems)
      }
      const user = currentUser(request)
      const result = await idempotentWrite(app.db, request, user.id, async (tx) => {
        await saveProfile(tx, enterpriseId, { entityType, tax: tax as TaxSettings | null }, user.id, now())
        return { statusCode: 200, body: null }
      })
      return reply.status(result.statusCode as 200).send(await settingsOf(enterpriseId))
    },
  )

  contractRoute(
    app,
    endpoints.addPenalty,
    ops.addPenalty,
    { config: write, tags, summary: '登记行政处罚（支持 Idempotency-Key）：返回最短公示期与最早可申请信用修复日' },
    async (request, reply) => {
      const enterpriseId = currentEnterprise(request).enterpriseId
      const problems = penaltyRecordProblems(request.body)
      if (problems.length > 0) throw problemsError('penalty', problems)
      if (request.body.decidedOn > todayInChina(app) || request.body.decidedOn < '1990-01-01')
        throw validationError([{ field: 'decidedOn', message: '处罚决定日期须在 1990-01-01 至今天之间' }])
      const user = currentUser(request)
      const result = await idempotentWrite(app.db, request, user.id, async (tx) => {
        const record = await insertPenalty(tx, { ...request.body, enterpriseId }, user.id, now())
        return { statusCode: 201, body: penaltyView(record) }
      })
      return reply.status(result.statusCode as 201).send(result.body as PenaltyView)
    },
  )

  contractRoute(
    app,
    endpoints.deletePenalty,
    ops.deletePenalty,
    { config: write, tags, summary: '删除行政处罚记录' },
    async (request, reply) => {
      const found = await deletePenalty(app.db, currentEnterprise(request).enterpriseId, request.params.penaltyId)
      if (!found) throw new ApiError('PENALTY_NOT_FOUND')
      return noContent(reply)
    },
  )

  for (const name of ['markReportFiled', 'unmarkReportFiled'] as const) {
    contractRoute(
      app,
      endpoints[name],
      ops[name],
      {
        config: write,
        tags,
        summary:
          name === 'markReportFiled'
            ? '年报已报送（按年度；重复标记无副作用）：该年报不再出现在日历和订阅中'
            : '撤销「年报已报送」',
      },
      async (request, reply) => {
        const year = yearOf(request.params.reportYear, 'reportYear')
        const enterpriseId = currentEnterprise(request).enterpriseId
        if (name === 'markReportFiled')
          await markReportFiled(app.db, enterpriseId, year, currentUser(request).id, now())
        else await unmarkReportFiled(app.db, enterpriseId, year)
        return noContent(reply)
      },
    )
  }

  contractRoute(
    app,
    endpoints.getReportReminders,
    ops.getReportReminders,
    {
      config: read,
      tags,
      summary: '年报提醒日期（未自定义时为默认：窗口开启、6月1日、截止前第7个工作日、截止前最后一个工作日）',
    },
    async (request) => {
      const year = yearOf(request.params.windowYear, 'windowYear')
      const enterpriseId = currentEnterprise(request).enterpriseId
      const custom = (await reportReminderDays(app.db, [enterpriseId])).get(enterpriseId)?.get(year)
      return custom
        ? { windowYear: year, days: custom, custom: true }
        : { windowYear: year, days: defaultAnnualReportReminders(year).map((d) => d.date), custom: false }
    },
  )

  contractRoute(
    app,
    endpoints.saveReportReminders,
    ops.saveReportReminders,
    { config: write, tags, summary: '自定义年报提醒日期（1–10 个，须在 1月1日 至 6月30日 之间）' },
    async (request) => {
      const year = yearOf(request.params.windowYear, 'windowYear')
      const problems = annualReportReminderProblems(request.body.days, year)
      if (problems.length > 0) throw problemsError('days', problems)
      const days = [...new Set(request.body.days)].sort()
      await saveReportReminderDays(app.db, currentEnterprise(request).enterpriseId, year, days, now())
      return { windowYear: year, days, custom: true }
    },
  )

  contractRoute(
    app,
    endpoints.resetReportReminders,
    ops.resetReportReminders,
    { config: write, tags, summary: '恢复默认年报提醒日期' },
    async (request) => {
      const year = yearOf(request.params.windowYear, 'windowYear')
      await saveReportReminderDays(app.db, currentEnterprise(request).enterpriseId, year, null, now())
      return { windowYear: year, days: defaultAnnualReportReminders(year).map((d) => d.date), custom: false }
    },
  )

  contractRoute(
    app,
    endpoints.setItemState,
    ops.setItemState,
    { config: write, tags, summary: '已办（年报即「已报送」）或稍后提醒（until：提醒日期）；重复提交无副作用' },
    async (request, reply) => {
      const enterpriseId = currentEnterprise(request).enterpriseId
      const { state, until } = request.body
      const today = todayInChina(app)
      if (state === 'snoozed' && until === undefined)
        throw validationError([{ field: 'until', message: '请选择提醒日期' }])
      const item = await requireItem(request, enterpriseId, request.params.itemKey)
      if (state === 'snoozed' && (until! <= today || until! > item.date))
        throw validationError([{ field: 'until', message: `提醒日期须在明天至 ${item.date} 之间` }])
      const user = currentUser(request)
      await idempotentWrite(app.db, request, user.id, async (tx) => {
        if (item.kind === 'annual-report' && state === 'done') {
          await markReportFiled(tx, enterpriseId, Number(item.dueDate.slice(0, 4)) - 1, user.id, now())
        } else {
          await setItemState(
            tx,
            enterpriseId,
            item.key,
            { state, snoozedUntil: state === 'snoozed' ? until! : null },
            user.id,
            now(),
          )
        }
        return { statusCode: 204, body: null }
      })
      return noContent(reply)
    },
  )

  contractRoute(
    app,
    endpoints.clearItemState,
    ops.clearItemState,
    { config: write, tags, summary: '撤销已办或稍后提醒' },
    async (request, reply) => {
      const enterpriseId = currentEnterprise(request).enterpriseId
      const item = await requireItem(request, enterpriseId, request.params.itemKey)
      if (item.kind === 'annual-report')
        await unmarkReportFiled(app.db, enterpriseId, Number(item.dueDate.slice(0, 4)) - 1)
      await clearItemState(app.db, enterpriseId, item.key)
      return noContent(reply)
    },
  )
}
