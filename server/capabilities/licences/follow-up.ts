import type { FollowUpEntry } from '../../../src/contract/licences/schemas'
import type { Queryable } from '../../kernel/db/db'
import { addDays, daysBetween, type IsoDate } from '../../../src/domain/calendar/dates'
import { followUpDue } from '../../../src/domain/licences/status'
import { maskPhone } from '../../../src/domain/mask'
import { rolesAllowedTo } from '../../../src/domain/access/permissions'
import { recordType, type CityCatalogue } from './catalogue-store'
import { csvCell } from '../../kernel/http/csv'

/** The origin city called holders 3 days before the deadline (docs/domain.md §1). */
export const FOLLOW_UP_DAYS = 3

interface FollowUpRow {
  id: string
  type_code: string
  number: string
  expires_on: string
  latest_apply_on: string
  enterprise_name: string
  uscc: string
  phone: string | null
}

/**
 * Staff's call list for `date`: licences at most 3 days from the renewal deadline (or past it but
 * not expired) with no renewal started — decided by the domain's followUpDue. The contact is the
 * legal representative's phone when linked, else another linked user's; always masked.
 */
export async function followUpList(db: Queryable, catalogue: CityCatalogue, date: IsoDate): Promise<FollowUpEntry[]> {
  const { rows } = await db.query<FollowUpRow>(
    `select l.id, l.type_code, l.number, to_char(l.expires_on, 'YYYY-MM-DD') as expires_on,
       to_char(l.latest_apply_on, 'YYYY-MM-DD') as latest_apply_on, e.name as enterprise_name, e.uscc,
       (select u.phone from user_enterprises ue join users u on u.id = ue.user_id
         where ue.enterprise_id = l.enterprise_id and u.phone is not null and ue.role = any($3::text[])
         order by (ue.role = 'legal_representative') desc, ue.created_at limit 1) as phone
     from licences l join enterprises e on e.id = l.enterprise_id
     where l.deleted_at is null and l.renewal_started_on is null
       and (l.cancelled_on is null or l.cancelled_on > $1::date)
       and l.latest_apply_on <= $2::date and l.expires_on >= $1::date`,
    [date, addDays(date, FOLLOW_UP_DAYS), rolesAllowedTo('licences:read')],
  )
  const entries: FollowUpEntry[] = []
  for (const row of rows) {
    const type = recordType(catalogue, row.type_code)
    if (!followUpDue({ expiresOn: row.expires_on, leadRule: type.leadRule }, date, FOLLOW_UP_DAYS)) continue
    entries.push({
      licenceId: row.id,
      enterpriseName: row.enterprise_name,
      uscc: row.uscc,
      typeName: type.name,
      number: row.number,
      latestApplyOn: row.latest_apply_on,
      expiresOn: row.expires_on,
      daysToDeadline: daysBetween(date, row.latest_apply_on),
      contactPhoneMasked: row.phone ? maskPhone(row.phone) : null,
    })
  }
  return entries.sort(
    (a, b) => a.daysToDeadline - b.daysToDeadline || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'),
  )
}

const CSV_HEADER = [
  '企业名称',
  '统一社会信用代码',
  '证照名称',
  '证照编号',
  '最晚申请日',
  '有效期至',
  '距截止天数',
  '联系电话',
]

/** UTF-8 with a BOM and CRLF, so Excel on Windows opens the Chinese text correctly. */
export function followUpCsv(entries: FollowUpEntry[]): string {
  const lines = [CSV_HEADER.join(',')]
  for (const e of entries) {
    lines.push(
      [
        e.enterpriseName,
        e.uscc,
        e.typeName,
        e.number,
        e.latestApplyOn,
        e.expiresOn,
        e.daysToDeadline,
        e.contactPhoneMasked,
      ]
        .map(csvCell)
        .join(','),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
