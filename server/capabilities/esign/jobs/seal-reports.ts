import type { FastifyInstance } from 'fastify'
import type { Db, Queryable } from '../../../kernel/db/db'
import type { NoticeContext, NoticeTally } from '../../../kernel/notify/notice-delivery'
import { chinaTime } from '../../../kernel/notify/message-fields'
import { deliverSealNotices, recordSealNotice, sealTemplates, type SealTemplates } from '../seals/seal-notices'
import { maskName } from '../../../../src/domain/mask'
import {
  addChinaMonths,
  aggregateSealReport,
  chinaMonthLabel,
  chinaMonthOf,
  chinaMonthRange,
  sealReportSummary,
  type ChinaMonth,
  type SealUsageEvent,
  type SealUsageReport,
} from '../../../../src/domain/seals/sealReport'
import { withAdvisoryLock } from '../../../kernel/jobs/advisory-lock'

/**
 * The monthly 用章报告 (issue #15 item 10): on the 1st of a month (China time), for every
 * enterprise with seals or seal activity in the month before, one stored report and its notices
 * to the legal representative. Each enterprise is one transaction (report + inbox + message rows),
 * and an enterprise with a report is passed over: a run killed half-way and run again neither
 * doubles nor drops one.
 */

export interface SealReportJobContext {
  db: Db
  clock: () => number
  senders: NoticeContext['senders']
  templates: SealTemplates
  log?: NoticeContext['log']
  /** after an enterprise's report is committed (tests: a crash) */
  afterEnterprise?: (enterpriseId: string) => void
}

export interface SealReportRunReport {
  month: ChinaMonth
  /** reports written by this run */
  written: number
  /** enterprises that had theirs already (an earlier, interrupted run) */
  alreadyWritten: number
  /** inbox notices written */
  inbox: number
  subscribe: NoticeTally
}

/** The refusal an audit row records, as a reason code; null when it is no refused attempt to use a seal. */
export function refusalReasonOf(row: {
  action: string
  task_id: string | null
  reason_code?: string | null
}): string | null {
  // A wrong PIN or a failed face check counts when it was an attempt to sign (a task), not a claim or a grant.
  if ((row.action === 'pin-failed' || row.action === 'face-failed') && row.task_id) return row.action
  // A request or confirmation refused by the seal's 用章规则 (seal-rules.ts auditRefusal), with its reason code.
  if (row.action === 'refused' && row.reason_code) return row.reason_code
  return null
}

interface EventRow {
  action: string
  reason_code: string | null
  created_at: Date | string
  task_id: string | null
  seal_id: string | null
  seal_name: string | null
  actor_user_id: string | null
  actor_name: string | null
  system_id: string | null
  system_name: string | null
}

/** The audit of `month` and the month before, as the aggregation reads it. */
export async function sealUsageEvents(
  db: Queryable,
  enterpriseId: string,
  month: ChinaMonth,
): Promise<SealUsageEvent[]> {
  const from = new Date(chinaMonthRange(addChinaMonths(month, -1)).fromMs).toISOString()
  const to = new Date(chinaMonthRange(month).toMs).toISOString()
  const { rows } = await db.query<EventRow>(
    `select a.action, a.reason_code, a.created_at, a.task_id, a.seal_id, s.name as seal_name, a.actor_user_id, u.name as actor_name,
       t.system_id, y.name as system_name
     from seal_audit a
     left join seals s on s.id = a.seal_id
     left join users u on u.id = a.actor_user_id
     left join sign_tasks t on t.id = a.task_id
     left join systems y on y.id = t.system_id
     where a.enterprise_id = $1 and a.created_at >= $2 and a.created_at < $3
       and ((a.action = 'sign' and a.seal_id is not null) or a.action in ('pin-failed', 'face-failed', 'refused'))
     order by a.id`,
    [enterpriseId, from, to],
  )
  const events: SealUsageEvent[] = []
  for (const row of rows) {
    const atMs = new Date(row.created_at).getTime()
    if (row.action === 'sign' && row.seal_id) {
      events.push({
        kind: 'use',
        atMs,
        seal: { id: row.seal_id, name: row.seal_name ?? '已删除的印章' },
        handler: row.actor_user_id
          ? { id: row.actor_user_id, nameMasked: row.actor_name ? maskName(row.actor_name) : null }
          : null,
        system: row.system_id ? { id: row.system_id, name: row.system_name ?? '' } : null,
      })
      continue
    }
    const reason = refusalReasonOf(row)
    if (reason) events.push({ kind: 'refused', atMs, reason })
  }
  return events
}

/** Enterprises the month concerns: seals live at some point of it, or audit entries in it. */
async function enterprisesOf(db: Queryable, month: ChinaMonth): Promise<{ id: string; name: string }[]> {
  const { fromMs, toMs } = chinaMonthRange(month)
  const { rows } = await db.query<{ id: string; name: string }>(
    `select e.id, e.name from enterprises e
     where exists (select 1 from seals s where s.enterprise_id = e.id and s.created_at < $2
         and (s.revoked_at is null or s.revoked_at >= $1))
       or exists (select 1 from seal_audit a where a.enterprise_id = e.id and a.created_at >= $1 and a.created_at < $2)
     order by e.id`,
    [new Date(fromMs).toISOString(), new Date(toMs).toISOString()],
  )
  return rows
}

/** Writes one enterprise's report and notices, unless it has one; true when written now. */
async function reportEnterprise(
  ctx: SealReportJobContext,
  enterprise: { id: string; name: string },
  month: ChinaMonth,
): Promise<{ written: boolean; inbox: number }> {
  return ctx.db.transaction(async (tx) => {
    const { toMs } = chinaMonthRange(month)
    const { rows: seals } = await tx.query<{ id: string; name: string }>(
      `select id, name from seals where enterprise_id = $1 and created_at < $2 order by created_at, type`,
      [enterprise.id, new Date(toMs).toISOString()],
    )
    const report = aggregateSealReport(month, await sealUsageEvents(tx, enterprise.id, month), seals)
    const { rows } = await tx.query(
      `insert into seal_reports (enterprise_id, month, report) values ($1, $2, $3::jsonb)
       on conflict (enterprise_id, month) do nothing returning enterprise_id`,
      [enterprise.id, `${month}-01`, JSON.stringify(report)],
    )
    if (!rows[0]) return { written: false, inbox: 0 }
    const inbox = await recordSealNotice(tx, reportNotice(enterprise, report, ctx.clock()), ctx.templates)
    return { written: true, inbox }
  })
}

function reportNotice(enterprise: { id: string; name: string }, report: SealUsageReport, nowMs: number) {
  const label = chinaMonthLabel(report.month)
  const summary = sealReportSummary(report)
  return {
    source: `report:${enterprise.id}:${report.month}`,
    enterpriseId: enterprise.id,
    // One legal representative may have several enterprises: the title names which.
    title: `${label}用章报告：${enterprise.name}`,
    body: `${enterprise.name}${label}${summary}。点此查看各印章、经办人、文件系统的用章次数及未通过的尝试。`,
    reportMonth: report.month,
    fieldValues: [`${label}用章报告`, enterprise.name, summary, chinaTime(nowMs)] as [string, string, string, string],
  }
}

/**
 * The reports of `month` ('YYYY-MM', the month reported on). Safe to run again at any time: it
 * writes the missing reports only, then sends what is unsent.
 */
export async function runMonthlySealReports(
  ctx: SealReportJobContext,
  month: ChinaMonth,
): Promise<SealReportRunReport> {
  await ctx.db.query(
    `insert into seal_report_runs (month, started_at) values ($1, $2)
     on conflict (month) do update set started_at = excluded.started_at`,
    [`${month}-01`, new Date(ctx.clock()).toISOString()],
  )
  const { rows: done } = await ctx.db.query<{ enterprise_id: string }>(
    'select enterprise_id from seal_reports where month = $1',
    [`${month}-01`],
  )
  const reported = new Set(done.map((row) => row.enterprise_id))
  const run: SealReportRunReport = {
    month,
    written: 0,
    alreadyWritten: 0,
    inbox: 0,
    subscribe: { sent: 0, failed: 0, undeliverable: 0 },
  }
  for (const enterprise of await enterprisesOf(ctx.db, month)) {
    if (reported.has(enterprise.id)) {
      run.alreadyWritten++
      continue
    }
    const result = await reportEnterprise(ctx, enterprise, month)
    if (result.written) {
      run.written++
      run.inbox += result.inbox
    } else run.alreadyWritten++
    ctx.afterEnterprise?.(enterprise.id)
  }
  run.subscribe = await deliverSealNotices({ db: ctx.db, senders: ctx.senders, log: ctx.log })
  await ctx.db.query('update seal_report_runs set finished_at = now(), report = $2 where month = $1', [
    `${month}-01`,
    JSON.stringify(run),
  ])
  return run
}

// Beside the migration (7_300_215), reminder (7_300_216) and digest (7_300_217) locks.
export const SEAL_REPORT_LOCK_KEY = 7_300_316
/** Reports go out from 09:00 China time on the 1st, not at midnight. */
const REPORT_HOUR = 9

/** The month due for a report at `nowMs`: the one before this China month, once its 1st 09:00 has passed. */
export function sealReportMonthDue(nowMs: number): ChinaMonth | null {
  const month = chinaMonthOf(nowMs)
  const firstAt = chinaMonthRange(month).fromMs + REPORT_HOUR * 3_600_000
  return nowMs >= firstAt ? addChinaMonths(month, -1) : null
}

export function sealReportJobOf(app: FastifyInstance): SealReportJobContext {
  return {
    db: app.db,
    clock: app.clock,
    senders: app.reminderJob.senders,
    templates: sealTemplates(app.config, app.reminderJob.senders),
    log: app.log,
  }
}

/**
 * One hourly tick: resends unsent seal notices, and runs the reports of the month due unless its
 * run finished (a restart or a missed 1st runs it late, never twice). Throws LockBusyError when
 * another instance is in a tick.
 */
export async function sealReportTick(ctx: SealReportJobContext): Promise<SealReportRunReport | null> {
  return withAdvisoryLock(ctx.db, SEAL_REPORT_LOCK_KEY, async () => {
    const month = sealReportMonthDue(ctx.clock())
    if (month) {
      const { rows } = await ctx.db.query<{ finished: boolean }>(
        'select finished_at is not null as finished from seal_report_runs where month = $1',
        [`${month}-01`],
      )
      if (!rows[0]?.finished) return runMonthlySealReports(ctx, month)
    }
    await deliverSealNotices({ db: ctx.db, senders: ctx.senders, log: ctx.log })
    return null
  })
}
