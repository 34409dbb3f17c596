import type { Queryable } from '../../kernel/db/db'
import { fromDayNumber, toDayNumber, type IsoDate } from '../../../src/domain/calendar/dates'
import { calendarCoverage } from '../../../src/domain/calendar/workingDays'
import { renewalDeadlineDays } from '../../../src/domain/licences/deadline'
import type { LeadRule } from '../../../src/domain/licences/leadRules'
import { recordType, type CityCatalogue } from './catalogue-store'

/**
 * The renewal deadline kept on each licence row (latest_apply_on), so the reminder job selects
 * the day's licences by index (`latest_apply_on = ANY(deadlinesRemindedOn(day))`). It is written
 * with every change of the licence, and recomputed here when what it was computed from changes:
 * the city's catalogue (a lead rule) or the State Council publishing a new year's holidays.
 */
export interface StoredDeadline {
  latestApplyOn: IsoDate
  estimate: boolean
  /** last published calendar year when computed */
  calendarYear: number
}

export function storedDeadline(expiresOn: IsoDate, rule: LeadRule): StoredDeadline {
  const days = renewalDeadlineDays(toDayNumber(expiresOn), rule)
  return {
    latestApplyOn: fromDayNumber(days.latest),
    estimate: days.estimate,
    calendarYear: calendarCoverage().lastYear,
  }
}

interface DeadlineRow {
  id: string
  type_code: string
  expires_on: string
  latest_apply_on: string
  deadline_estimate: boolean
}

const BATCH = 5000

/**
 * Recomputes stored deadlines; `onlyEstimates` limits it to rows computed against an older
 * calendar. Returns how many rows changed.
 */
export async function recomputeStoredDeadlines(
  db: Queryable,
  catalogue: CityCatalogue,
  onlyEstimates = false,
): Promise<number> {
  const lastYear = calendarCoverage().lastYear
  const columns = `id, type_code, to_char(expires_on, 'YYYY-MM-DD') as expires_on,
    to_char(latest_apply_on, 'YYYY-MM-DD') as latest_apply_on, deadline_estimate`
  const { rows } = onlyEstimates
    ? await db.query<DeadlineRow>(
        `select ${columns} from licences
         where deleted_at is null and deadline_estimate and deadline_calendar_year < $1`,
        [lastYear],
      )
    : await db.query<DeadlineRow>(`select ${columns} from licences where deleted_at is null`)
  const changed: { id: string; deadline: StoredDeadline }[] = []
  const stale: string[] = []
  for (const row of rows) {
    const deadline = storedDeadline(row.expires_on, recordType(catalogue, row.type_code).leadRule)
    if (deadline.latestApplyOn !== row.latest_apply_on || deadline.estimate !== row.deadline_estimate) {
      changed.push({ id: row.id, deadline })
    } else if (onlyEstimates) {
      stale.push(row.id)
    }
  }
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = changed.slice(i, i + BATCH)
    await db.query(
      `update licences l set latest_apply_on = t.latest, deadline_estimate = t.estimate, deadline_calendar_year = $4
       from unnest($1::uuid[], $2::date[], $3::boolean[]) as t(id, latest, estimate)
       where l.id = t.id`,
      [
        batch.map((c) => c.id),
        batch.map((c) => c.deadline.latestApplyOn),
        batch.map((c) => c.deadline.estimate),
        lastYear,
      ],
    )
  }
  // Unchanged estimates were checked against the newer calendar: not again until the next one.
  for (let i = 0; i < stale.length; i += BATCH) {
    await db.query('update licences set deadline_calendar_year = $2 where id = any($1::uuid[])', [
      stale.slice(i, i + BATCH),
      lastYear,
    ])
  }
  return changed.length
}
