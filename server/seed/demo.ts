import { randomUUID } from 'node:crypto'
import type { Db, Queryable } from '../kernel/db/db'
import { idNumberCheckCharacter } from '../../src/domain/idcard'
import { usccCheckCharacter } from '../../src/domain/uscc'
import { chinaDateOf, type IsoDate } from '../../src/domain/calendar/dates'
import { DEMO_ENTERPRISES, DEMO_USERS, type DemoEnterprise } from '../kernel/seed/demo-data'
import { seedDemoLicences, seedWelcomeMessage } from '../capabilities/licences/seed/demo-licences'
import { seedDemoLegalRepresentativeHashes } from '../capabilities/esign/seed/demo-seals'
import { seedDemoPolicyData } from '../capabilities/policies/seed/demo-policy-facts'
import { systemClock } from '../kernel/service-context'

export { DEMO_PHONES, DEMO_USERS, DEMO_ENTERPRISES } from '../kernel/seed/demo-data'

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

/** GB 11714 organisation code check character for an 8-character body (digits and capitals). */
export function orgCodeCheckCharacter(body: string): string {
  let sum = 0
  for (let i = 0; i < 8; i++) sum += parseInt(body[i], 36) * ORG_CODE_WEIGHTS[i]
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

export function demoUscc({ usccParts: { prefix, division, orgBody } }: DemoEnterprise): string {
  const first17 = prefix + division + orgBody + orgCodeCheckCharacter(orgBody)
  return first17 + usccCheckCharacter(first17)
}

export function demoIdNumber(body: string): string {
  return body + idNumberCheckCharacter(body)
}

async function upsertEnterprise(tx: Queryable, enterprise: DemoEnterprise): Promise<string> {
  const uscc = demoUscc(enterprise)
  await tx.query(
    `insert into enterprises (id, name, uscc, legal_representative, industry_code, industry_name, address, region,
       registered_capital_wan, founded_on, employees)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (uscc) do nothing`,
    [
      randomUUID(),
      enterprise.name,
      uscc,
      enterprise.legalRepresentative,
      enterprise.industryCode,
      enterprise.industryName,
      enterprise.address,
      enterprise.region,
      enterprise.registeredCapitalWan,
      enterprise.foundedOn,
      enterprise.employees,
    ],
  )
  const { rows } = await tx.query<{ id: string }>('select id from enterprises where uscc = $1', [uscc])
  return rows[0].id
}

/** A database seeded before licences existed gets the demo licences once, when it has none at all. */
async function seedLicencesIntoOlderDemo(tx: Queryable, today: IsoDate): Promise<void> {
  const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from licences')
  if (rows[0].n > 0) return
  for (const enterprise of DEMO_ENTERPRISES) {
    const found = await tx.query<{ id: string }>('select id from enterprises where uscc = $1', [demoUscc(enterprise)])
    if (found.rows[0]) await seedDemoLicences(tx, enterprise, found.rows[0].id, today)
  }
}

/**
 * Fills an empty database with the demo users, enterprises and licences (dated around `today`).
 * Returns false when users already exist.
 */
export async function seedDemoData(db: Db, today: IsoDate = chinaDateOf(systemClock())): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from users')
    if (rows[0].n > 0) {
      await seedLicencesIntoOlderDemo(tx, today)
      await seedDemoLegalRepresentativeHashes(tx)
      await seedDemoPolicyData(tx)
      return false
    }
    const enterpriseIds = new Map<string, string>()
    for (const enterprise of DEMO_ENTERPRISES) {
      const enterpriseId = await upsertEnterprise(tx, enterprise)
      enterpriseIds.set(enterprise.key, enterpriseId)
      await seedDemoLicences(tx, enterprise, enterpriseId, today)
    }
    for (const user of DEMO_USERS) {
      await tx.query(
        `insert into users (id, name, phone, id_number) values ($1, $2, $3, $4) on conflict (phone) do nothing`,
        [randomUUID(), user.name, user.phone, user.idNumberBody ? demoIdNumber(user.idNumberBody) : null],
      )
      const { rows: found } = await tx.query<{ id: string }>('select id from users where phone = $1', [user.phone])
      await seedWelcomeMessage(tx, found[0].id)
      for (const link of user.links) {
        await tx.query(
          `insert into user_enterprises (user_id, enterprise_id, role) values ($1, $2, $3) on conflict do nothing`,
          [found[0].id, enterpriseIds.get(link.enterprise), link.role],
        )
      }
    }
    await seedDemoLegalRepresentativeHashes(tx)
    await seedDemoPolicyData(tx)
    return true
  })
}
