import { randomUUID } from 'node:crypto'
import type { LicenceHistoryEntry, LicenceInput, RenewedLicenceInput } from '../../../src/contract/licences/schemas'
import type { Queryable } from '../../kernel/db/db'
import { ApiError } from '../../kernel/http/api-error'
import type { IsoDate } from '../../../src/domain/calendar/dates'
import type { StoredDeadline } from './stored-deadline'

/** A licence row with dates as 'YYYY-MM-DD' text (both drivers), as the views need it. */
export interface LicenceRow {
  id: string
  enterprise_id: string
  type_code: string
  number: string
  authority: string
  issued_on: string
  expires_on: string
  scope: string | null
  renewal_started_on: string | null
  cancelled_on: string | null
  updated_at: Date | string
}

export const LICENCE_COLUMNS = `l.id, l.enterprise_id, l.type_code, l.number, l.authority,
  to_char(l.issued_on, 'YYYY-MM-DD') as issued_on, to_char(l.expires_on, 'YYYY-MM-DD') as expires_on, l.scope,
  to_char(l.renewal_started_on, 'YYYY-MM-DD') as renewal_started_on,
  to_char(l.cancelled_on, 'YYYY-MM-DD') as cancelled_on, l.updated_at`

/** What is stored of a LicenceInput: text trimmed, an empty scope is no scope. */
export interface LicenceFactsRecord {
  typeCode: string
  number: string
  authority: string
  issuedOn: IsoDate
  expiresOn: IsoDate
  scope: string | null
}

export function normalizeInput(input: LicenceInput): LicenceFactsRecord {
  const scope = input.scope?.trim()
  return {
    typeCode: input.typeCode,
    number: input.number.trim(),
    authority: input.authority.trim(),
    issuedOn: input.issuedOn,
    expiresOn: input.expiresOn,
    scope: scope ? scope : null,
  }
}

/** The columns type_code … deadline_calendar_year, in that order, for inserts and updates. */
function factValues(facts: LicenceFactsRecord, deadline: StoredDeadline): unknown[] {
  return [
    facts.typeCode,
    facts.number,
    facts.authority,
    facts.issuedOn,
    facts.expiresOn,
    facts.scope,
    deadline.latestApplyOn,
    deadline.estimate,
    deadline.calendarYear,
  ]
}

function isDuplicate(error: unknown): boolean {
  const fields = error as { code?: string; constraint?: string }
  return (
    fields?.code === '23505' && (fields.constraint === undefined || fields.constraint === 'licences_live_number_key')
  )
}

/** Runs a write that may hit the one-live-number-per-type rule; that case becomes 409. */
async function guardDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (isDuplicate(error)) throw new ApiError('LICENCE_DUPLICATE', { cause: error })
    throw error
  }
}

/** `forUpdate` inside a transaction: a concurrent renewal waits instead of writing history twice. */
export async function findLicence(db: Queryable, licenceId: string, forUpdate = false): Promise<LicenceRow | null> {
  const { rows } = await db.query<LicenceRow>(
    `select ${LICENCE_COLUMNS} from licences l where l.id = $1 and l.deleted_at is null${forUpdate ? ' for update' : ''}`,
    [licenceId],
  )
  return rows[0] ?? null
}

export async function listEnterpriseLicences(db: Queryable, enterpriseId: string): Promise<LicenceRow[]> {
  const { rows } = await db.query<LicenceRow>(
    `select ${LICENCE_COLUMNS} from licences l where l.enterprise_id = $1 and l.deleted_at is null order by l.created_at, l.id`,
    [enterpriseId],
  )
  return rows
}

export async function historyOf(db: Queryable, licenceIds: string[]): Promise<Map<string, LicenceHistoryEntry[]>> {
  const history = new Map<string, LicenceHistoryEntry[]>()
  if (licenceIds.length === 0) return history
  const { rows } = await db.query<{
    licence_id: string
    number: string
    issued_on: string
    expires_on: string
    replaced_on: string
  }>(
    `select licence_id, number, to_char(issued_on, 'YYYY-MM-DD') as issued_on,
       to_char(expires_on, 'YYYY-MM-DD') as expires_on, to_char(replaced_on, 'YYYY-MM-DD') as replaced_on
     from licence_history where licence_id = any($1::uuid[]) order by replaced_on desc, id desc`,
    [licenceIds],
  )
  for (const row of rows) {
    const entries = history.get(row.licence_id) ?? []
    entries.push({
      number: row.number,
      issuedOn: row.issued_on,
      expiresOn: row.expires_on,
      replacedOn: row.replaced_on,
    })
    history.set(row.licence_id, entries)
  }
  return history
}

export async function insertLicence(
  tx: Queryable,
  enterpriseId: string,
  facts: LicenceFactsRecord,
  deadline: StoredDeadline,
  source: 'user' | 'import' | 'seed' = 'user',
): Promise<LicenceRow> {
  return guardDuplicate(async () => {
    const { rows } = await tx.query<LicenceRow>(
      `insert into licences as l (id, enterprise_id, type_code, number, authority, issued_on, expires_on, scope,
         latest_apply_on, deadline_estimate, deadline_calendar_year, source)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       returning ${LICENCE_COLUMNS}`,
      [randomUUID(), enterpriseId, ...factValues(facts, deadline), source],
    )
    return rows[0]
  })
}

export async function updateLicenceFacts(
  tx: Queryable,
  licenceId: string,
  facts: LicenceFactsRecord,
  deadline: StoredDeadline,
): Promise<LicenceRow | null> {
  return guardDuplicate(async () => {
    const { rows } = await tx.query<LicenceRow>(
      `update licences l set type_code = $2, number = $3, authority = $4, issued_on = $5, expires_on = $6, scope = $7,
         latest_apply_on = $8, deadline_estimate = $9, deadline_calendar_year = $10, updated_at = now()
       where l.id = $1 and l.deleted_at is null
       returning ${LICENCE_COLUMNS}`,
      [licenceId, ...factValues(facts, deadline)],
    )
    return rows[0] ?? null
  })
}

/** 已提交续期: the first date is kept when the user taps twice. */
export async function markRenewalStarted(tx: Queryable, licenceId: string, today: IsoDate): Promise<LicenceRow | null> {
  const { rows } = await tx.query<LicenceRow>(
    `update licences l set renewal_started_on = coalesce(renewal_started_on, $2::date),
       updated_at = case when renewal_started_on is null then now() else updated_at end
     where l.id = $1 and l.deleted_at is null
     returning ${LICENCE_COLUMNS}`,
    [licenceId, today],
  )
  return rows[0] ?? null
}

/** 撤销「已提交续期」: back to the countdown; a licence not marked stays as it is. */
export async function clearRenewalStarted(tx: Queryable, licenceId: string): Promise<LicenceRow | null> {
  const { rows } = await tx.query<LicenceRow>(
    `update licences l set renewal_started_on = null,
       updated_at = case when renewal_started_on is null then updated_at else now() end
     where l.id = $1 and l.deleted_at is null
     returning ${LICENCE_COLUMNS}`,
    [licenceId],
  )
  return rows[0] ?? null
}

/** 已换新证: the current certificate moves to history and the new one takes its place. */
export async function recordRenewal(
  tx: Queryable,
  current: LicenceRow,
  renewed: RenewedLicenceInput,
  today: IsoDate,
  deadline: StoredDeadline,
): Promise<LicenceRow> {
  await tx.query(
    `insert into licence_history (licence_id, number, issued_on, expires_on, replaced_on) values ($1, $2, $3, $4, $5)`,
    [current.id, current.number, current.issued_on, current.expires_on, today],
  )
  return guardDuplicate(async () => {
    const { rows } = await tx.query<LicenceRow>(
      `update licences l set number = $2, issued_on = $3, expires_on = $4, renewal_started_on = null,
         latest_apply_on = $5, deadline_estimate = $6, deadline_calendar_year = $7, updated_at = now()
       where l.id = $1 and l.deleted_at is null
       returning ${LICENCE_COLUMNS}`,
      [
        current.id,
        renewed.number.trim(),
        renewed.issuedOn,
        renewed.expiresOn,
        deadline.latestApplyOn,
        deadline.estimate,
        deadline.calendarYear,
      ],
    )
    return rows[0]
  })
}

/** Soft delete: the number may be entered again, deliveries and history stay for the record. */
export async function deleteLicence(tx: Queryable, licenceId: string): Promise<boolean> {
  const { rows } = await tx.query<{ id: string }>(
    'update licences set deleted_at = now(), updated_at = now() where id = $1 and deleted_at is null returning id',
    [licenceId],
  )
  return rows.length > 0
}
