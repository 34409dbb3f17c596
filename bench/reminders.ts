/**
 * The reminder job end to end on one city's data — 62,000 licences across ~2,000 enterprises with
 * their users, in an in-memory PGlite — for one run date: select the day's licences by their stored
 * deadline, plan per user, write the delivery rows, write the inbox messages and "send" the
 * WeChat ones (a sender that answers at once: the platform's latency is not ours to measure).
 * Then the same date again, which must deliver nothing. Target: ≤ 15 s for the run on a 2-core
 * machine. Run alone: `npx tsx bench/reminders.ts`.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../server/kernel/db/db'
import { migrate } from '../server/kernel/db/migrate'
import { openPglite } from '../server/kernel/db/pglite'
import { runReminders } from '../server/capabilities/licences/jobs/reminders'
import { storedDeadline } from '../server/capabilities/licences/stored-deadline'
import type { MessageSender } from '../server/kernel/notify/sender'
import { addYears, fromDayNumber, toDayNumber } from '../src/domain/calendar/dates'
import { LICENCE_CATALOGUE } from '../src/domain/licences/catalogue'

const LICENCES = 62_000
const ENTERPRISES = 2_000
const RUN_DATE = '2026-03-10'
const BATCH = 5_000
const TEMPLATE = 'bench-weapp-template'

/**
 * The same synthetic city on every run, spread by multiplying with primes (coprime to every
 * modulus used) rather than drawn at random: all that matters here is an even spread.
 */
const spread = (i: number, prime: number, modulus: number) => (i * prime) % modulus

async function insertBatches(rows: unknown[][], insert: (columns: unknown[][]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH)
    await insert(batch[0].map((_, column) => batch.map((row) => row[column])))
  }
}

/** Enterprises, one or two consenting users each (half on WeChat with a subscription), licences. */
async function seedCity(db: Db): Promise<void> {
  const enterprises = Array.from({ length: ENTERPRISES }, (_, i) => [
    randomUUID(),
    `基准测试企业${i + 1}有限公司`,
    `91411002BM${String(i).padStart(6, '0')}00`,
  ])
  await insertBatches(enterprises, (c) =>
    db
      .query(
        `insert into enterprises (id, name, uscc, legal_representative, industry_code, industry_name, address, region,
         registered_capital_wan, founded_on)
       select id, name, uscc, '法人', 'C1432', '速冻食品制造', '许昌市', '河南省许昌市', 100, '2015-01-01'
       from unnest($1::uuid[], $2::text[], $3::text[]) as t(id, name, uscc)`,
        c,
      )
      .then(() => undefined),
  )
  const users: unknown[][] = []
  const links: unknown[][] = []
  for (const [e, [enterpriseId]] of enterprises.entries()) {
    for (let k = 0; k < 1 + (e % 2); k++) {
      const userId = randomUUID()
      users.push([userId, users.length % 2 ? `o-${userId}` : null])
      links.push([userId, enterpriseId, k === 0 ? 'legal_representative' : 'agent'])
    }
  }
  await insertBatches(users, async (c) => {
    await db.query(`insert into users (id, consent_accepted) select id, true from unnest($1::uuid[]) as t(id)`, [c[0]])
    await db.query(
      `insert into user_identities (platform, subject, user_id)
       select 'weapp', openid, id from unnest($1::uuid[], $2::text[]) as t(id, openid) where openid is not null`,
      c,
    )
    await db.query(
      `insert into subscriptions (user_id, platform, template_id, result, remaining)
       select id, 'weapp', $3, 'accept', 3 from unnest($1::uuid[], $2::text[]) as t(id, openid) where openid is not null`,
      [...c, TEMPLATE],
    )
  })
  await insertBatches(links, (c) =>
    db
      .query(
        `insert into user_enterprises (user_id, enterprise_id, role)
       select * from unnest($1::uuid[], $2::uuid[], $3::text[])`,
        c,
      )
      .then(() => undefined),
  )
  const first = toDayNumber('2026-01-01')
  const span = toDayNumber('2031-12-31') - first
  const licences = Array.from({ length: LICENCES }, (_, i) => {
    const type = LICENCE_CATALOGUE[spread(i, 7, LICENCE_CATALOGUE.length)]
    const expiresOn = fromDayNumber(first + spread(i, 7919, span))
    const deadline = storedDeadline(expiresOn, type.leadRule)
    return [
      randomUUID(),
      enterprises[spread(i, 104_729, ENTERPRISES)][0],
      type.code,
      `BENCH-${i}`,
      addYears(expiresOn, -(type.validityYears ?? 3)),
      expiresOn,
      i % 20 === 3 ? '2026-01-05' : null, // 5 % renewing
      i % 50 === 7 ? '2026-01-05' : null, // 2 % cancelled
      deadline.latestApplyOn,
      deadline.estimate,
      deadline.calendarYear,
    ]
  })
  await insertBatches(licences, (c) =>
    db
      .query(
        `insert into licences (id, enterprise_id, type_code, number, authority, issued_on, expires_on, renewal_started_on,
         cancelled_on, latest_apply_on, deadline_estimate, deadline_calendar_year, source)
       select id, enterprise_id, type_code, number, '许昌市行政审批服务局', issued_on, expires_on, renewal_started_on,
         cancelled_on, latest, estimate, calendar_year, 'seed'
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::date[], $7::date[], $8::date[],
         $9::date[], $10::boolean[], $11::int[])
         as t(id, enterprise_id, type_code, number, issued_on, expires_on, renewal_started_on, cancelled_on, latest,
           estimate, calendar_year)`,
        c,
      )
      .then(() => undefined),
  )
}

export async function benchReminderJob(log: (line: string) => void = console.log) {
  const db = await openPglite('memory://')
  try {
    await migrate(db)
    let started = performance.now()
    await seedCity(db)
    const seedSeconds = (performance.now() - started) / 1000
    const wechat: MessageSender = { send: async () => ({ status: 'sent' }) }
    const context = { db, senders: { wechat }, templates: { weapp: TEMPLATE, alipay: 'unused' } }
    started = performance.now()
    const report = await runReminders(context, RUN_DATE)
    const runSeconds = (performance.now() - started) / 1000
    started = performance.now()
    const rerun = await runReminders(context, RUN_DATE)
    const rerunSeconds = (performance.now() - started) / 1000
    const delivered = report.delivered.inbox + report.delivered.wechat + report.delivered.alipay
    log(
      `reminder job @ ${RUN_DATE}: ${LICENCES.toLocaleString('en')} licences, ${ENTERPRISES.toLocaleString('en')} enterprises — ` +
        `run ${runSeconds.toFixed(2)} s (target ≤ 15 s), re-run ${rerunSeconds.toFixed(2)} s; seeding ${seedSeconds.toFixed(1)} s`,
    )
    log(
      `  due ${report.due}; delivered ${delivered} (inbox ${report.delivered.inbox}, wechat ${report.delivered.wechat}); ` +
        `undeliverable ${report.undeliverable}; re-run delivered ${rerun.delivered.inbox + rerun.delivered.wechat}, already sent ${rerun.skipped}`,
    )
    return { runSeconds, rerunSeconds, seedSeconds, report, rerun }
  } finally {
    await db.close()
  }
}

if (process.argv[1] !== undefined && /bench[\\/]reminders\.ts$/.test(process.argv[1])) {
  benchReminderJob().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
