import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../kernel/db/db'
import type { IsoDate } from '../../../src/domain/calendar/dates'
import type { RegisteredEntityType } from '../../../src/domain/compliance/annualReport'
import type { PenaltyField, PenaltyRecord } from '../../../src/domain/compliance/creditRepair'
import type { TaxSettings } from '../../../src/domain/compliance/taxFiling'

export interface ComplianceProfile {
  entityType: RegisteredEntityType
  tax: TaxSettings | null
}

const DEFAULT_PROFILE: ComplianceProfile = { entityType: 'enterprise', tax: null }

/** Per enterprise id; the default (企业, no tax settings) for those never set. */
export async function profilesOf(
  db: Queryable,
  enterpriseIds: readonly string[],
): Promise<Map<string, ComplianceProfile>> {
  const profiles = new Map<string, ComplianceProfile>()
  for (const id of enterpriseIds) profiles.set(id, DEFAULT_PROFILE)
  if (enterpriseIds.length === 0) return profiles
  const { rows } = await db.query<{
    enterprise_id: string
    entity_type: RegisteredEntityType
    tax_settings: TaxSettings | null
  }>('select enterprise_id, entity_type, tax_settings from compliance_profiles where enterprise_id = any($1::uuid[])', [
    enterpriseIds,
  ])
  for (const row of rows) profiles.set(row.enterprise_id, { entityType: row.entity_type, tax: row.tax_settings })
  return profiles
}

export async function saveProfile(
  db: Queryable,
  enterpriseId: string,
  profile: ComplianceProfile,
  userId: string,
  now: Date,
): Promise<void> {
  await db.query(
    `insert into compliance_profiles (enterprise_id, entity_type, tax_settings, updated_at, updated_by)
     values ($1, $2, $3, $4, $5)
     on conflict (enterprise_id) do update set entity_type = excluded.entity_type,
       tax_settings = excluded.tax_settings, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [
      enterpriseId,
      profile.entityType,
      profile.tax === null ? null : JSON.stringify(profile.tax),
      now.toISOString(),
      userId,
    ],
  )
}

interface PenaltyRow {
  id: string
  enterprise_id: string
  decided_on: string
  field: PenaltyField
  simple_procedure: boolean
  decision_number: string | null
}

const PENALTY_COLUMNS = `id, enterprise_id, to_char(decided_on, 'YYYY-MM-DD') as decided_on, field, simple_procedure,
  decision_number`

const toRecord = (row: PenaltyRow): PenaltyRecord => ({
  enterpriseId: row.enterprise_id,
  penaltyId: row.id,
  decidedOn: row.decided_on,
  field: row.field,
  simpleProcedure: row.simple_procedure,
  ...(row.decision_number === null ? {} : { decisionNumber: row.decision_number }),
})

export async function penaltiesOf(db: Queryable, enterpriseIds: readonly string[]): Promise<PenaltyRecord[]> {
  if (enterpriseIds.length === 0) return []
  const { rows } = await db.query<PenaltyRow>(
    `select ${PENALTY_COLUMNS} from compliance_penalties where enterprise_id = any($1::uuid[])
     order by decided_on, created_at, id`,
    [enterpriseIds],
  )
  return rows.map(toRecord)
}

export async function insertPenalty(
  db: Queryable,
  input: Omit<PenaltyRecord, 'penaltyId'>,
  userId: string,
  now: Date,
): Promise<PenaltyRecord> {
  const { rows } = await db.query<PenaltyRow>(
    `insert into compliance_penalties (id, enterprise_id, decided_on, field, simple_procedure, decision_number,
       created_at, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${PENALTY_COLUMNS}`,
    [
      randomUUID(),
      input.enterpriseId,
      input.decidedOn,
      input.field,
      input.simpleProcedure,
      input.decisionNumber ?? null,
      now.toISOString(),
      userId,
    ],
  )
  return toRecord(rows[0])
}

export async function deletePenalty(db: Queryable, enterpriseId: string, penaltyId: string): Promise<boolean> {
  const { rows } = await db.query(
    'delete from compliance_penalties where enterprise_id = $1 and id = $2 returning id',
    [enterpriseId, penaltyId],
  )
  return rows.length > 0
}

/** Report years marked 已报送, per enterprise. */
export async function filedReportYears(
  db: Queryable,
  enterpriseIds: readonly string[],
): Promise<Map<string, Set<number>>> {
  const filed = new Map<string, Set<number>>()
  if (enterpriseIds.length === 0) return filed
  const { rows } = await db.query<{ enterprise_id: string; report_year: number }>(
    'select enterprise_id, report_year from annual_report_filings where enterprise_id = any($1::uuid[])',
    [enterpriseIds],
  )
  for (const row of rows) {
    const years = filed.get(row.enterprise_id) ?? new Set<number>()
    years.add(Number(row.report_year))
    filed.set(row.enterprise_id, years)
  }
  return filed
}

/** One row however many times it is marked (insert … on conflict do nothing). */
export async function markReportFiled(
  db: Queryable,
  enterpriseId: string,
  reportYear: number,
  userId: string,
  now: Date,
): Promise<void> {
  await db.query(
    `insert into annual_report_filings (enterprise_id, report_year, marked_at, marked_by) values ($1, $2, $3, $4)
     on conflict (enterprise_id, report_year) do nothing`,
    [enterpriseId, reportYear, now.toISOString(), userId],
  )
}

export async function unmarkReportFiled(db: Queryable, enterpriseId: string, reportYear: number): Promise<void> {
  await db.query('delete from annual_report_filings where enterprise_id = $1 and report_year = $2', [
    enterpriseId,
    reportYear,
  ])
}

/** The user-chosen 年报 reminder days, per enterprise and window year. */
export async function reportReminderDays(
  db: Queryable,
  enterpriseIds: readonly string[],
): Promise<Map<string, Map<number, IsoDate[]>>> {
  const days = new Map<string, Map<number, IsoDate[]>>()
  if (enterpriseIds.length === 0) return days
  const { rows } = await db.query<{ enterprise_id: string; window_year: number; days: IsoDate[] }>(
    'select enterprise_id, window_year, days from annual_report_reminder_days where enterprise_id = any($1::uuid[])',
    [enterpriseIds],
  )
  for (const row of rows) {
    const years = days.get(row.enterprise_id) ?? new Map<number, IsoDate[]>()
    years.set(Number(row.window_year), row.days)
    days.set(row.enterprise_id, years)
  }
  return days
}

export async function saveReportReminderDays(
  db: Queryable,
  enterpriseId: string,
  windowYear: number,
  days: IsoDate[] | null,
  now: Date,
): Promise<void> {
  if (days === null) {
    await db.query('delete from annual_report_reminder_days where enterprise_id = $1 and window_year = $2', [
      enterpriseId,
      windowYear,
    ])
    return
  }
  await db.query(
    `insert into annual_report_reminder_days (enterprise_id, window_year, days, updated_at) values ($1, $2, $3, $4)
     on conflict (enterprise_id, window_year) do update set days = excluded.days, updated_at = excluded.updated_at`,
    [enterpriseId, windowYear, JSON.stringify(days), now.toISOString()],
  )
}

export interface ItemState {
  state: 'done' | 'snoozed'
  snoozedUntil: IsoDate | null
}

/** Per enterprise id, per item key. */
export async function itemStatesOf(
  db: Queryable,
  enterpriseIds: readonly string[],
): Promise<Map<string, Map<string, ItemState>>> {
  const states = new Map<string, Map<string, ItemState>>()
  if (enterpriseIds.length === 0) return states
  const { rows } = await db.query<{
    enterprise_id: string
    item_key: string
    state: 'done' | 'snoozed'
    snoozed_until: string | null
  }>(
    `select enterprise_id, item_key, state, to_char(snoozed_until, 'YYYY-MM-DD') as snoozed_until
     from compliance_item_states where enterprise_id = any($1::uuid[])`,
    [enterpriseIds],
  )
  for (const row of rows) {
    const map = states.get(row.enterprise_id) ?? new Map<string, ItemState>()
    map.set(row.item_key, { state: row.state, snoozedUntil: row.snoozed_until })
    states.set(row.enterprise_id, map)
  }
  return states
}

/** One statement: twelve identical requests leave one row with the last answer. */
export async function setItemState(
  db: Queryable,
  enterpriseId: string,
  itemKey: string,
  state: ItemState,
  userId: string,
  now: Date,
): Promise<void> {
  await db.query(
    `insert into compliance_item_states (enterprise_id, item_key, state, snoozed_until, updated_at, updated_by)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (enterprise_id, item_key) do update set state = excluded.state,
       snoozed_until = excluded.snoozed_until, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [enterpriseId, itemKey, state.state, state.snoozedUntil, now.toISOString(), userId],
  )
}

export async function clearItemState(db: Queryable, enterpriseId: string, itemKey: string): Promise<void> {
  await db.query('delete from compliance_item_states where enterprise_id = $1 and item_key = $2', [
    enterpriseId,
    itemKey,
  ])
}
