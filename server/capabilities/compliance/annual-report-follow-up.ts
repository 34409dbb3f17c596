import type { AnnualReportFollowUpEntry } from '../../../src/contract/compliance/schemas'
import type { Queryable } from '../../kernel/db/db'
import { csvCell } from '../../kernel/http/csv'
import type { IsoDate } from '../../../src/domain/calendar/dates'
import { maskPhone } from '../../../src/domain/mask'
import { rolesAllowedTo } from '../../../src/domain/access/permissions'

/** Staff call those who have not said 已报送 by this day of the window (10 days before it closes). */
export const ANNUAL_REPORT_FOLLOW_UP_MONTH_DAY = '06-20'

/**
 * Staff's 年报 call list for `date`: from 20 June of its year, every enterprise that owes the report
 * on the year before (registered before that year's end: 当年设立登记的，自下一年起报送) and has not
 * marked it 已报送. Before 20 June the list is empty. The contact is found as for the licence list.
 */
export async function annualReportFollowUp(db: Queryable, date: IsoDate): Promise<AnnualReportFollowUpEntry[]> {
  const windowYear = Number(date.slice(0, 4))
  if (date.slice(5) < ANNUAL_REPORT_FOLLOW_UP_MONTH_DAY) return []
  const reportYear = windowYear - 1
  const { rows } = await db.query<{ id: string; name: string; uscc: string; phone: string | null }>(
    `select e.id, e.name, e.uscc,
       (select u.phone from user_enterprises ue join users u on u.id = ue.user_id
         where ue.enterprise_id = e.id and u.phone is not null and ue.role = any($2::text[])
         order by (ue.role = 'legal_representative') desc, ue.created_at limit 1) as phone
     from enterprises e
     where e.founded_on <= make_date($1::int, 12, 31)
       and not exists (select 1 from annual_report_filings f where f.enterprise_id = e.id and f.report_year = $1::int)
     order by e.name, e.id`,
    [reportYear, rolesAllowedTo('profile:read')],
  )
  return rows
    .map((row) => ({
      enterpriseId: row.id,
      enterpriseName: row.name,
      uscc: row.uscc,
      reportYear,
      contactPhoneMasked: row.phone ? maskPhone(row.phone) : null,
    }))
    .sort(
      (a, b) => a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN') || (a.enterpriseId < b.enterpriseId ? -1 : 1),
    )
}

const CSV_HEADER = ['企业名称', '统一社会信用代码', '年报年度', '联系电话']

/** UTF-8 with a BOM and CRLF, as the licence call list (server/capabilities/licences/follow-up.ts). */
export function annualReportFollowUpCsv(entries: AnnualReportFollowUpEntry[]): string {
  const lines = [CSV_HEADER.join(',')]
  for (const e of entries) {
    lines.push([e.enterpriseName, e.uscc, `${e.reportYear}年度`, e.contactPhoneMasked].map(csvCell).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
