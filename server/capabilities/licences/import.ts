import { randomUUID } from 'node:crypto'
import type { ImportReport } from '../../../src/contract/licences/schemas'
import type { Db, Queryable } from '../../kernel/db/db'
import type { IsoDate } from '../../../src/domain/calendar/dates'
import { checkUscc, USCC_PROBLEM_MESSAGES } from '../../../src/domain/uscc'
import type { CityCatalogue } from './catalogue-store'
import type { ImportRecord } from './import-parse'
import { factDetails } from './licence-input'
import type { LicenceFactsRecord } from './licence-repo'
import { storedDeadline, type StoredDeadline } from './stored-deadline'

/**
 * Bulk upsert of registry records, keyed by (统一社会信用代码, type, number): a re-import of the
 * same file creates nothing and changes nothing. A record the registry shows with a later expiry
 * is a renewal: the previous certificate goes to history and "renewal started" is cleared.
 * Bad rows are reported with their line and skipped; the good ones are written in one transaction.
 */

interface ValidRecord extends LicenceFactsRecord {
  line: number
  enterpriseId: string
  cancelled: boolean
  deadline: StoredDeadline
}

interface ExistingRow {
  id: string
  enterprise_id: string
  type_code: string
  number: string
  authority: string
  issued_on: string
  expires_on: string
  scope: string | null
  cancelled_on: string | null
}

const CANCELLED = new Set(['cancelled', '注销', '已注销', 'revoked', '吊销', '已吊销', '撤销', '已撤销'])
const VALID = new Set(['', 'valid', '有效', '正常', '在用'])

type Checked =
  { ok: true; record: Omit<ValidRecord, 'enterpriseId' | 'line'> & { uscc: string } } | { ok: false; reason: string }

function check(record: ImportRecord, catalogue: CityCatalogue, today: IsoDate): Checked {
  if (!record.fields) return { ok: false, reason: record.problem ?? '无法读取' }
  const f = record.fields
  const uscc = checkUscc(f.uscc ?? '')
  if (!uscc.ok) return { ok: false, reason: `统一社会信用代码：${USCC_PROBLEM_MESSAGES[uscc.problem]}` }
  const typeCode = (f.type_code ?? '').trim()
  const type = catalogue.byCode.get(typeCode)
  if (!type) return { ok: false, reason: `未知的证照类型 ${typeCode || '（空）'}` }
  const facts = {
    typeCode,
    number: f.number ?? '',
    authority: f.authority ?? '',
    issuedOn: (f.issued_on ?? '').trim(),
    expiresOn: (f.expires_on ?? '').trim(),
  }
  const problems = factDetails(facts, today, type.validityYears)
  if (problems.length > 0) return { ok: false, reason: problems.map((problem) => problem.message).join('；') }
  const scope = (f.scope ?? '').trim()
  if (scope.length > 1000) return { ok: false, reason: '许可范围过长（不超过 1000 字）' }
  const status = (f.status ?? '').trim().toLowerCase()
  if (!CANCELLED.has(status) && !VALID.has(status))
    return { ok: false, reason: `状态「${f.status}」无法识别，应为 有效 或 注销` }
  return {
    ok: true,
    record: {
      uscc: uscc.uscc,
      typeCode,
      number: facts.number.trim(),
      authority: facts.authority.trim(),
      issuedOn: facts.issuedOn,
      expiresOn: facts.expiresOn,
      scope: scope || null,
      cancelled: CANCELLED.has(status),
      deadline: storedDeadline(facts.expiresOn, type.leadRule),
    },
  }
}

async function enterpriseIds(db: Queryable, usccs: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; uscc: string }>(
    'select id, uscc from enterprises where uscc = any($1::text[])',
    [usccs],
  )
  return new Map(rows.map((row) => [row.uscc, row.id]))
}

async function existingRows(tx: Queryable, records: ValidRecord[]): Promise<Map<string, ExistingRow>> {
  const { rows } = await tx.query<ExistingRow>(
    `select l.id, l.enterprise_id, l.type_code, l.number, l.authority, to_char(l.issued_on, 'YYYY-MM-DD') as issued_on,
       to_char(l.expires_on, 'YYYY-MM-DD') as expires_on, l.scope, to_char(l.cancelled_on, 'YYYY-MM-DD') as cancelled_on
     from licences l
     join unnest($1::uuid[], $2::text[], $3::text[]) as k(enterprise_id, type_code, number)
       on l.enterprise_id = k.enterprise_id and l.type_code = k.type_code and l.number = k.number
     where l.deleted_at is null
     for update of l`,
    [records.map((r) => r.enterpriseId), records.map((r) => r.typeCode), records.map((r) => r.number)],
  )
  return new Map(rows.map((row) => [keyOf(row.enterprise_id, row.type_code, row.number), row]))
}

const keyOf = (enterpriseId: string, typeCode: string, number: string) =>
  `${enterpriseId}\u0000${typeCode}\u0000${number}`

function unchanged(row: ExistingRow, record: ValidRecord): boolean {
  return (
    row.authority === record.authority &&
    row.issued_on === record.issuedOn &&
    row.expires_on === record.expiresOn &&
    row.scope === record.scope &&
    (row.cancelled_on !== null) === record.cancelled
  )
}

const BATCH = 2000

async function insertRecords(tx: Queryable, records: ValidRecord[], today: IsoDate): Promise<number> {
  let created = 0
  for (let i = 0; i < records.length; i += BATCH) {
    const batch = records.slice(i, i + BATCH)
    const { rows } = await tx.query(
      `insert into licences (id, enterprise_id, type_code, number, authority, issued_on, expires_on, scope, cancelled_on,
         latest_apply_on, deadline_estimate, deadline_calendar_year, source)
       select t.id, t.enterprise_id, t.type_code, t.number, t.authority, t.issued_on, t.expires_on, t.scope,
         case when t.cancelled then $12::date end, t.latest, t.estimate, t.calendar_year, 'import'
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[],
         $9::boolean[], $10::date[], $11::boolean[], $13::int[])
         as t(id, enterprise_id, type_code, number, authority, issued_on, expires_on, scope, cancelled, latest, estimate,
           calendar_year)
       on conflict (enterprise_id, type_code, number) where deleted_at is null do nothing
       returning id`,
      [
        batch.map(() => randomUUID()),
        batch.map((r) => r.enterpriseId),
        batch.map((r) => r.typeCode),
        batch.map((r) => r.number),
        batch.map((r) => r.authority),
        batch.map((r) => r.issuedOn),
        batch.map((r) => r.expiresOn),
        batch.map((r) => r.scope),
        batch.map((r) => r.cancelled),
        batch.map((r) => r.deadline.latestApplyOn),
        batch.map((r) => r.deadline.estimate),
        today,
        batch.map((r) => r.deadline.calendarYear),
      ],
    )
    created += rows.length
  }
  return created
}

async function updateRecords(tx: Queryable, updates: { row: ExistingRow; record: ValidRecord }[], today: IsoDate) {
  const renewed = updates.filter(({ row, record }) => record.expiresOn > row.expires_on)
  if (renewed.length > 0) {
    await tx.query(
      `insert into licence_history (licence_id, number, issued_on, expires_on, replaced_on)
       select t.licence_id, t.number, t.issued_on, t.expires_on, $5::date
       from unnest($1::uuid[], $2::text[], $3::date[], $4::date[]) as t(licence_id, number, issued_on, expires_on)`,
      [
        renewed.map(({ row }) => row.id),
        renewed.map(({ row }) => row.number),
        renewed.map(({ row }) => row.issued_on),
        renewed.map(({ row }) => row.expires_on),
        today,
      ],
    )
  }
  for (let i = 0; i < updates.length; i += BATCH) {
    const batch = updates.slice(i, i + BATCH)
    await tx.query(
      `update licences l set authority = t.authority, issued_on = t.issued_on, scope = t.scope,
         cancelled_on = case when t.cancelled then coalesce(l.cancelled_on, $9::date) end,
         renewal_started_on = case when t.expires_on > l.expires_on then null else l.renewal_started_on end,
         expires_on = t.expires_on, latest_apply_on = t.latest, deadline_estimate = t.estimate,
         deadline_calendar_year = t.calendar_year, updated_at = now()
       from unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::text[], $6::boolean[], $7::date[], $8::boolean[],
         $10::int[]) as t(id, authority, issued_on, expires_on, scope, cancelled, latest, estimate, calendar_year)
       where l.id = t.id`,
      [
        batch.map(({ row }) => row.id),
        batch.map(({ record }) => record.authority),
        batch.map(({ record }) => record.issuedOn),
        batch.map(({ record }) => record.expiresOn),
        batch.map(({ record }) => record.scope),
        batch.map(({ record }) => record.cancelled),
        batch.map(({ record }) => record.deadline.latestApplyOn),
        batch.map(({ record }) => record.deadline.estimate),
        today,
        batch.map(({ record }) => record.deadline.calendarYear),
      ],
    )
  }
}

export async function importLicences(
  db: Db,
  catalogue: CityCatalogue,
  records: ImportRecord[],
  today: IsoDate,
): Promise<ImportReport> {
  const rejected: ImportReport['rejected'] = []
  const checked = records.map((record) => ({ line: record.line, result: check(record, catalogue, today) }))
  const usccs = [...new Set(checked.flatMap(({ result }) => (result.ok ? [result.record.uscc] : [])))]
  const enterprises = usccs.length > 0 ? await enterpriseIds(db, usccs) : new Map<string, string>()
  const firstLine = new Map<string, number>()
  const valid: ValidRecord[] = []
  for (const { line, result } of checked) {
    if (!result.ok) {
      rejected.push({ line, reason: result.reason })
      continue
    }
    const { uscc, ...facts } = result.record
    const enterpriseId = enterprises.get(uscc)
    if (!enterpriseId) {
      rejected.push({ line, reason: `企业未在平台登记（统一社会信用代码 ${uscc}）` })
      continue
    }
    const key = keyOf(enterpriseId, facts.typeCode, facts.number)
    const first = firstLine.get(key)
    if (first !== undefined) {
      rejected.push({ line, reason: `与第 ${first} 行是同一证照（企业、类型、编号相同）` })
      continue
    }
    firstLine.set(key, line)
    valid.push({ line, enterpriseId, ...facts })
  }
  const counts = await db.transaction(async (tx) => {
    const existing = valid.length > 0 ? await existingRows(tx, valid) : new Map<string, ExistingRow>()
    const creates: ValidRecord[] = []
    const updates: { row: ExistingRow; record: ValidRecord }[] = []
    let same = 0
    for (const record of valid) {
      const row = existing.get(keyOf(record.enterpriseId, record.typeCode, record.number))
      if (!row) creates.push(record)
      else if (unchanged(row, record)) same++
      else updates.push({ row, record })
    }
    const created = await insertRecords(tx, creates, today)
    await updateRecords(tx, updates, today)
    // A row inserted meanwhile by a user (a race) counts as already there.
    return { created, updated: updates.length, unchanged: same + creates.length - created }
  })
  return {
    received: records.length,
    accepted: valid.length,
    ...counts,
    rejected: rejected.sort((a, b) => a.line - b.line),
  }
}
