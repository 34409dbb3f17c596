import type {
  EnterpriseCount,
  TimelineItem,
  TimelineKind,
  TimelineResponse,
  TimelineSource,
} from '../../../src/contract/compliance/schemas'
import type { Queryable } from '../../kernel/db/db'
import { licenceDeadlinesOf, type LicenceDeadline } from './read-model/licences'
import { favouriteIds, profileFactsOf, publishedPolicies } from './read-model/policies'
import { daysBetween, type IsoDate } from '../../../src/domain/calendar/dates'
import { workingDaysBetween } from '../../../src/domain/calendar/workingDays'
import type { ComplaintCase } from '../../../src/domain/complaints/complaintCase'
import { planComplaint } from '../../../src/domain/compliance/complaintDeadlines'
import type { ComplianceItem } from '../../../src/domain/compliance/item'
import { planYear } from '../../../src/domain/compliance/planYear'
import type { PolicyWindowFacts } from '../../../src/domain/compliance/policyWindow'
import { matchPolicy } from '../../../src/domain/policies/match'
import type { EnterpriseProfile } from '../../../src/domain/policies/profile'
import { regionFullName } from '../../../src/domain/regions/regionNames'
import {
  filedReportYears,
  itemStatesOf,
  penaltiesOf,
  profilesOf,
  reportReminderDays,
  type ItemState,
} from './compliance-repo'

export const TIMELINE_KINDS: readonly TimelineKind[] = [
  'licence',
  'annual-report',
  'tax-filing',
  'credit-repair',
  'policy-window',
  'complaint',
]

/** Same-day order: the kinds with the heaviest consequence first. */
const KIND_ORDER: Record<TimelineKind, number> = {
  licence: 0,
  'annual-report': 1,
  'tax-filing': 2,
  'credit-repair': 3,
  'policy-window': 4,
  complaint: 5,
}

/** The widest range one request may ask for (a year and a bit, so a month view at either end fits). */
export const MAX_RANGE_DAYS = 400

export interface TimelineEnterprise {
  id: string
  name: string
}

export interface TimelineQuery {
  /** whose favourites and complaints count */
  userId: string
  enterprises: readonly TimelineEnterprise[]
  from: IsoDate
  to: IsoDate
  today: IsoDate
  now: Date
  kinds: ReadonlySet<TimelineKind>
  /** list 已办 items too (the feed never does; the API does not either) */
  includeDone?: boolean
}

/** The calendar day of an item: the due date, or for 信用修复 the earliest application day. */
export function itemDate(item: ComplianceItem): IsoDate {
  return item.kind === 'credit-repair' && item.opensOn ? item.opensOn : item.dueDate
}

function sourceOf(item: ComplianceItem): TimelineSource {
  if (item.kind === 'policy-window') return { type: 'policy', id: item.sourceId.slice('policy:'.length) }
  if (item.kind === 'complaint') return { type: 'complaint', id: item.sourceId.split(':')[1] }
  return { type: 'detail' }
}

export function daysRemaining(today: IsoDate, date: IsoDate, countsWorkingDays: boolean): number {
  return countsWorkingDays ? workingDaysBetween(today, date).days : daysBetween(today, date)
}

function years(from: IsoDate, to: IsoDate): number[] {
  const out: number[] = []
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) out.push(year)
  return out
}

interface PolicyCandidate {
  id: string
  title: string
  window: PolicyWindowFacts
  policy: Parameters<typeof matchPolicy>[1]
}

async function policyCandidates(db: Queryable): Promise<PolicyCandidate[]> {
  return (await publishedPolicies(db))
    .filter((row) => row.body.applicationWindow?.closesOn !== undefined)
    .map((row) => ({
      id: row.id,
      title: row.body.title,
      policy: row.body,
      window: {
        policyId: row.id,
        title: row.body.title,
        opensOn: row.body.applicationWindow.opensOn,
        closesOn: row.body.applicationWindow.closesOn,
      },
    }))
}

interface OwnComplaint {
  id: string
  title: string
  case_data: ComplaintCase
  current_enterprise_id: string | null
}

/**
 * The deadlines of `enterprises` whose calendar day lies in [from, to], most urgent first, without
 * 已办 ones. Each kind is planned by the domain (planYear, planComplaint) or, for licences, by the
 * licence wallet's own view, so the timeline, the feed and the reminders agree.
 */
export async function buildTimeline(db: Queryable, query: TimelineQuery): Promise<TimelineItem[]> {
  const ids = query.enterprises.map((e) => e.id)
  const names = new Map(query.enterprises.map((e) => [e.id, e.name]))
  const states = await itemStatesOf(db, ids)
  const planned: ComplianceItem[] = []
  const wants = (kind: TimelineKind) => query.kinds.has(kind)

  if (wants('annual-report') || wants('tax-filing') || wants('credit-repair') || wants('policy-window')) {
    const [profiles, penalties, filed, reminderDays, published] = await Promise.all([
      profilesOf(db, ids),
      wants('credit-repair') ? penaltiesOf(db, ids) : Promise.resolve([]),
      filedReportYears(db, ids),
      reportReminderDays(db, ids),
      wants('policy-window') ? policyCandidates(db) : Promise.resolve([]),
    ])
    // A window's calendar day is its closing day: only those closing in the range are matched.
    const candidates = published.filter((c) => c.window.closesOn! >= query.from && c.window.closesOn! <= query.to)
    // One query per kind for every enterprise (an agent's feed has 50), never one per enterprise.
    const [favourites, policyFacts, founded] = await Promise.all([
      candidates.length > 0 ? favouriteIds(db, query.userId) : Promise.resolve(new Set<string>()),
      candidates.length > 0 ? profileFactsOf(db, ids) : Promise.resolve(new Map<string, EnterpriseProfile>()),
      foundedOn(db, ids),
    ])
    const penaltiesBy = new Map<string, typeof penalties>()
    for (const penalty of penalties) {
      const list = penaltiesBy.get(penalty.enterpriseId)
      if (list) list.push(penalty)
      else penaltiesBy.set(penalty.enterpriseId, [penalty])
    }
    for (const id of ids) {
      const profile = profiles.get(id)!
      let policies: PolicyWindowFacts[] = []
      if (candidates.length > 0) {
        const facts = policyFacts.get(id) ?? {}
        policies = candidates
          .filter(
            (c) =>
              favourites.has(c.id) || matchPolicy(facts, c.policy, query.today, regionFullName).verdict === 'eligible',
          )
          .map((c) => c.window)
      }
      for (const year of years(query.from, query.to)) {
        const items = planYear(
          {
            enterpriseId: id,
            entityType: profile.entityType,
            establishedOn: founded.get(id) ?? '1900-01-01',
            tax: profile.tax ?? undefined,
            penalties: penaltiesBy.get(id) ?? [],
            annualReportReminders: reminderDays.get(id)?.get(year),
            policies,
          },
          year,
        )
        for (const item of items) {
          if (!wants(item.kind)) continue
          if (item.kind === 'annual-report' && !query.includeDone && filed.get(id)?.has(year - 1)) continue
          planned.push(item)
        }
      }
    }
  }

  if (wants('complaint')) {
    const { rows } = await db.query<OwnComplaint>(
      `select c.id, c.title, c.case_data, u.current_enterprise_id from complaints c join users u on u.id = c.user_id
       where c.user_id = $1 and not c.anonymous and c.state <> 'closed'`,
      [query.userId],
    )
    for (const row of rows) {
      const enterpriseId = row.current_enterprise_id
      if (!enterpriseId || !names.has(enterpriseId)) continue
      for (const year of years(query.from, query.to)) {
        planned.push(
          ...planComplaint(
            { enterpriseId, complaintId: row.id, summary: row.title, complaint: row.case_data },
            query.now.toISOString(),
            year,
          ),
        )
      }
    }
  }

  const out: TimelineItem[] = []
  const push = (item: Omit<TimelineItem, 'state' | 'snoozedUntil' | 'daysRemaining'>) => {
    if (item.date < query.from || item.date > query.to) return
    const state: ItemState | undefined = states.get(item.enterpriseId)?.get(item.key)
    if (state?.state === 'done' && !query.includeDone) return
    out.push({
      ...item,
      daysRemaining: daysRemaining(query.today, item.date, item.countsWorkingDays),
      state: state?.state === 'snoozed' ? 'snoozed' : 'open',
      snoozedUntil: state?.state === 'snoozed' ? state.snoozedUntil : null,
    })
  }
  for (const item of planned) {
    push({
      key: item.sourceId,
      kind: item.kind,
      enterpriseId: item.enterpriseId,
      enterpriseName: names.get(item.enterpriseId) ?? '',
      title: item.title,
      opensOn: item.opensOn ?? null,
      dueDate: item.dueDate,
      date: itemDate(item),
      estimated: item.estimated,
      countsWorkingDays: item.countsWorkingDays,
      reminders: item.reminders.map((r) => r.date),
      legalBasis: item.legalBasis,
      source: sourceOf(item),
    })
  }

  if (wants('licence') && ids.length > 0) {
    const licencesBy = new Map<string, LicenceDeadline[]>()
    for (const view of await licenceDeadlinesOf(db, ids, query.today)) {
      const list = licencesBy.get(view.enterpriseId)
      if (list) list.push(view)
      else licencesBy.set(view.enterpriseId, [view])
    }
    for (const id of ids) {
      for (const view of licencesBy.get(id) ?? []) {
        if (view.status === 'cancelled' || view.status === 'expired') continue
        const common = {
          kind: 'licence' as const,
          enterpriseId: id,
          enterpriseName: names.get(id) ?? '',
          estimated: view.estimate,
          source: { type: 'licence' as const, id: view.id },
        }
        push({
          ...common,
          key: `licence:${view.id}:renewal-deadline`,
          title: `${view.typeName} 续期申请截止`,
          opensOn: view.earliestApplyOn,
          dueDate: view.latestApplyOn,
          date: view.latestApplyOn,
          countsWorkingDays: false,
          reminders: [],
          legalBasis: '证照有效期届满前申请延续（许证闹钟）',
        })
        push({
          ...common,
          key: `licence:${view.id}:expiry`,
          title: `${view.typeName} 到期`,
          opensOn: null,
          dueDate: view.expiresOn,
          date: view.expiresOn,
          estimated: false,
          countsWorkingDays: false,
          reminders: [],
          legalBasis: '证照有效期届满',
        })
      }
    }
  }

  return out.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN') ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )
}

async function foundedOn(db: Queryable, ids: readonly string[]): Promise<Map<string, IsoDate>> {
  if (ids.length === 0) return new Map()
  const { rows } = await db.query<{ id: string; founded_on: string }>(
    `select id, to_char(founded_on, 'YYYY-MM-DD') as founded_on from enterprises where id = any($1::uuid[])`,
    [ids],
  )
  return new Map(rows.map((row) => [row.id, row.founded_on]))
}

/** Per enterprise (in the order given, zero included), how many of `items` are theirs. */
export function countsPerEnterprise(
  enterprises: readonly TimelineEnterprise[],
  items: readonly TimelineItem[],
): EnterpriseCount[] {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(item.enterpriseId, (counts.get(item.enterpriseId) ?? 0) + 1)
  return enterprises.map((e) => ({ enterpriseId: e.id, enterpriseName: e.name, count: counts.get(e.id) ?? 0 }))
}

export function timelineResponse(
  query: Pick<TimelineQuery, 'enterprises' | 'from' | 'to' | 'today'>,
  items: TimelineItem[],
): TimelineResponse {
  return {
    asOf: query.today,
    from: query.from,
    to: query.to,
    items,
    enterprises: countsPerEnterprise(query.enterprises, items),
  }
}
