import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { buildApp, type BuildAppOptions } from '../../server/app'
import type { Db, Queryable } from '../../server/kernel/db/db'
import { loadCatalogue, recordType } from '../../server/capabilities/licences/catalogue-store'
import { insertLicence } from '../../server/capabilities/licences/licence-repo'
import { storedDeadline } from '../../server/capabilities/licences/stored-deadline'
import type { OutgoingMessage, MessageSender, SendOutcome } from '../../server/kernel/notify/sender'
import { orgCodeCheckCharacter } from '../../server/seed/demo'
import { fromDayNumber, toDayNumber, type IsoDate } from '../../src/domain/calendar/dates'
import { renewalDeadlineDays } from '../../src/domain/licences/deadline'
import { usccCheckCharacter } from '../../src/domain/uscc'
import { testConfig } from './helpers'

/** Fixtures shared by the 许证闹钟 server suites (licences, reminders, inbox). */

/** Noon in China on `date`: far from either midnight, so "today" cannot flip during a test. */
export function chinaNoon(date: IsoDate): number {
  return Date.parse(`${date}T04:00:00Z`)
}

/** The app with its clock pinned to `date` (createTestApp keeps the real clock). */
export async function appAt(
  db: Db,
  date: IsoDate,
  options: Partial<Omit<BuildAppOptions, 'db' | 'config'>> = {},
): Promise<FastifyInstance> {
  const app = buildApp({ db, config: testConfig(), now: () => chinaNoon(date), ...options })
  await app.ready()
  return app
}

let serial = 0

/** A valid USCC nobody has registered (the check characters computed as GB 32100 / GB 11714 say). */
export function freshUscc(): string {
  serial++
  const body = `TK${String(serial).padStart(6, '0')}`
  const first17 = `91410100${body}${orgCodeCheckCharacter(body)}`
  return first17 + usccCheckCharacter(first17)
}

export async function makeEnterprise(db: Queryable, name = `测试企业${serial + 1}有限公司`, uscc = freshUscc()) {
  const id = randomUUID()
  await db.query(
    `insert into enterprises (id, name, uscc, legal_representative, industry_code, industry_name, address, region,
       registered_capital_wan, founded_on)
     values ($1, $2, $3, '测试', 'C1432', '速冻食品制造', '河南省许昌市', '河南省许昌市魏都区', 100, '2020-01-01')`,
    [id, name, uscc],
  )
  return { id, name, uscc }
}

export interface UserFixture {
  consent?: boolean
  phone?: string
  openid?: string
  alipayUser?: string
  links?: { enterpriseId: string; role?: string }[]
}

export async function makeUser(db: Queryable, fixture: UserFixture = {}): Promise<string> {
  const id = randomUUID()
  await db.query('insert into users (id, phone, consent_accepted) values ($1, $2, $3)', [
    id,
    fixture.phone ?? null,
    fixture.consent ?? true,
  ])
  if (fixture.openid) {
    await db.query(`insert into user_identities (platform, subject, user_id) values ('weapp', $1, $2)`, [
      fixture.openid,
      id,
    ])
  }
  if (fixture.alipayUser) {
    await db.query(`insert into user_identities (platform, subject, user_id) values ('alipay', $1, $2)`, [
      fixture.alipayUser,
      id,
    ])
  }
  for (const link of fixture.links ?? []) {
    await db.query('insert into user_enterprises (user_id, enterprise_id, role) values ($1, $2, $3)', [
      id,
      link.enterpriseId,
      link.role ?? 'legal_representative',
    ])
  }
  return id
}

/** An expiry date whose renewal deadline (latest_apply_on) is exactly `deadline` for the type. */
export function expiryWithDeadline(leadRule: Parameters<typeof renewalDeadlineDays>[1], deadline: IsoDate): IsoDate {
  const target = toDayNumber(deadline)
  for (let expiry = target + 1; expiry < target + 800; expiry++) {
    const latest = renewalDeadlineDays(expiry, leadRule).latest
    if (latest === target) return fromDayNumber(expiry)
    if (latest > target) break
  }
  throw new Error(`no expiry gives the deadline ${deadline} (a day off?)`)
}

let numberSerial = 0

/** A licence row written straight through the repository (as the API would store it). */
export async function makeLicence(
  db: Queryable,
  enterpriseId: string,
  facts: { typeCode?: string; deadline?: IsoDate; expiresOn?: IsoDate; number?: string },
): Promise<string> {
  const catalogue = await loadCatalogue(db)
  const type = recordType(catalogue, facts.typeCode ?? 'public-venue-hygiene')
  const expiresOn = facts.expiresOn ?? expiryWithDeadline(type.leadRule, facts.deadline as IsoDate)
  const row = await insertLicence(
    db,
    enterpriseId,
    {
      typeCode: type.code,
      number: facts.number ?? `KIT-${++numberSerial}`,
      authority: '许昌市卫生健康委员会',
      issuedOn: '2024-01-01',
      expiresOn,
      scope: null,
    },
    storedDeadline(expiresOn, type.leadRule),
  )
  return row.id
}

/** A stand-in for WeChat or Alipay: records every message, answers what `answer` says. */
export class FakeSender implements MessageSender {
  readonly sent: OutgoingMessage[] = []
  constructor(public answer: (message: OutgoingMessage, call: number) => SendOutcome = () => ({ status: 'sent' })) {}

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    this.sent.push(message)
    return this.answer(message, this.sent.length)
  }
}
