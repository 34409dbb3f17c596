import type { EnterpriseProfile, EnterpriseRole, EnterpriseSummary } from '../../../src/contract/account/schemas'
import type { Queryable } from '../db/db'
import { GRANT_BOUND_ROLES } from '../../../src/domain/access/permissions'
import { isRegionCode } from '../../../src/domain/regions/regionCodes'
import { regionCodeOfName, regionPath, type RegionEntry } from '../../../src/domain/regions/regionNames'
import { liveGrant } from '../auth/live-grant'
interface EnterpriseRow {
  id: string
  name: string
  uscc: string
  role: EnterpriseRole
  legal_representative: string
  industry_code: string
  industry_name: string
  address: string
  region: string
  registered_capital_wan: number
  founded_on: string
  employees: number | null
}

// Dates and numerics are cast in SQL so both drivers return the same JS types.
const PROFILE_COLUMNS = `e.id, e.name, e.uscc, l.role, e.legal_representative, e.industry_code, e.industry_name,
  e.address, e.region, e.registered_capital_wan::float8 as registered_capital_wan,
  to_char(e.founded_on, 'YYYY-MM-DD') as founded_on, e.employees`

/** The enterprises the user may act for: a grant-bound link (经办人) counts only while a grant is live. */
export async function listUserEnterprises(db: Queryable, userId: string, now: number): Promise<EnterpriseSummary[]> {
  const { rows } = await db.query<EnterpriseRow>(
    `select e.id, e.name, e.uscc, l.role from user_enterprises l join enterprises e on e.id = l.enterprise_id
     where l.user_id = $1
       and (not l.role = any($2::text[]) or exists (select 1 from seal_grants g
         where g.enterprise_id = l.enterprise_id and g.grantee_user_id = l.user_id and ${liveGrant(now)}))
     order by e.name, e.id`,
    [userId, GRANT_BOUND_ROLES],
  )
  return rows.map((row) => ({ id: row.id, name: row.name, uscc: row.uscc, role: row.role }))
}

/** The enterprise as the user sees it (with the user's role), or null when not linked. */
export async function findUserEnterprise(
  db: Queryable,
  userId: string,
  enterpriseId: string,
): Promise<EnterpriseProfile | null> {
  const { rows } = await db.query<EnterpriseRow>(
    `select ${PROFILE_COLUMNS} from user_enterprises l join enterprises e on e.id = l.enterprise_id
     where l.user_id = $1 and l.enterprise_id = $2`,
    [userId, enterpriseId],
  )
  const row = rows[0]
  if (!row) return null
  return {
    id: row.id,
    name: row.name,
    uscc: row.uscc,
    role: row.role,
    legalRepresentative: row.legal_representative,
    industryCode: row.industry_code,
    industryName: row.industry_name,
    address: row.address,
    region: row.region,
    regionPath: regionPathOf(row.region),
    registeredCapitalWan: Number(row.registered_capital_wan),
    foundedOn: row.founded_on,
    employees: row.employees,
  }
}

/** The stored region as names: a code, or an older record's full name (河南省许昌市魏都区). */
function regionPathOf(region: string): RegionEntry[] {
  const code = isRegionCode(region) ? region : regionCodeOfName(region)
  return code === null ? [] : regionPath(code)
}

/** Sets the enterprise's region (a code already checked against the table). */
export async function updateEnterpriseRegion(db: Queryable, enterpriseId: string, regionCode: string): Promise<void> {
  await db.query('update enterprises set region = $2 where id = $1', [enterpriseId, regionCode])
}
