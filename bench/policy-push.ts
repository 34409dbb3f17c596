/**
 * 新政策 push at publication over one city's worth of enterprises: 100,000 enterprises with stored
 * policy facts (the synthetic profiles of bench/policies.ts) and 125,000 linked users (a tenth on
 * the weekly digest, who get nothing instantly), in an in-memory PGlite. One policy — 许昌 manufacturing
 * SMEs with a clean record — is published: match every enterprise (compiled matcher), write one
 * delivery row and one inbox message per user of each 可申报 enterprise. Then publish again, which
 * must deliver nothing. Run alone: `npx tsx bench/policy-push.ts`.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../server/kernel/db/db'
import { migrate } from '../server/kernel/db/migrate'
import { openPglite } from '../server/kernel/db/pglite'
import { pushPolicy } from '../server/capabilities/policies/policy-push'
import { compilePolicies } from '../src/domain/policies/compiled'
import type { Policy } from '../src/domain/policies/policy'
import type { EnterpriseProfile } from '../src/domain/policies/profile'
import { encodeProfiles } from '../src/domain/policies/profileTable'
import { syntheticProfiles } from './policies'

const ENTERPRISES = 100_000
const BATCH = 5_000
const TODAY = '2026-03-01'

const POLICY: Policy = {
  id: 'bench-xuchang-manufacturing-sme',
  title: '许昌市制造业中小企业技术改造补助',
  issuer: '许昌市工业和信息化局',
  level: 'city',
  region: '许昌市',
  summary: '对许昌市内制造业中小企业的技术改造项目按设备投资额给予补助。',
  benefit: { type: 'subsidy', amountWan: 100, rate: 10, text: '按设备投资额的 10% 补助，最高 100 万元' },
  applicationWindow: {},
  howToApply: '登录政企通“惠企政策”在线申报',
  materials: ['营业执照', '设备购置发票'],
  autoGrant: false,
  eligibility: {
    all: [
      { id: 'region', kind: 'region', areas: [{ code: '411000', name: '许昌市' }] },
      { id: 'industry', kind: 'industry', include: ['C'] },
      { id: 'size', kind: 'sizeClass', allowed: ['medium', 'small', 'micro'] },
      { id: 'clean', kind: 'noSeriousViolation', years: 3 },
    ],
  },
}

async function insertBatches(rows: unknown[][], insert: (columns: unknown[][]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH)
    await insert(batch[0].map((_, column) => batch.map((row) => row[column])))
  }
}

/** Enterprises with their facts, one or two users each (every fourth has two), a tenth of users weekly. */
async function seedEnterprises(db: Db): Promise<{ users: number }> {
  const profiles = syntheticProfiles(ENTERPRISES, 20261122)
  const enterprises = profiles.map((profile, i) => [
    randomUUID(),
    `基准测试企业${i + 1}有限公司`,
    `91411002BP${String(i).padStart(6, '0')}00`,
    JSON.stringify(profile),
  ])
  await insertBatches(enterprises, async (c) => {
    await db.query(
      `insert into enterprises (id, name, uscc, legal_representative, industry_code, industry_name, address, region,
         registered_capital_wan, founded_on)
       select id, name, uscc, '法人', 'C1432', '速冻食品制造', '许昌市', '河南省许昌市', 100, '2015-01-01'
       from unnest($1::uuid[], $2::text[], $3::text[]) as t(id, name, uscc)`,
      c.slice(0, 3),
    )
    await db.query(
      `insert into enterprise_policy_facts (enterprise_id, profile)
       select id, profile::jsonb from unnest($1::uuid[], $2::text[]) as t(id, profile)`,
      [c[0], c[3]],
    )
  })
  const links: unknown[][] = []
  for (const [e, [enterpriseId]] of enterprises.entries()) {
    for (let k = 0; k < (e % 4 === 0 ? 2 : 1); k++) {
      links.push([randomUUID(), enterpriseId, k === 0 ? 'legal_representative' : 'agent', links.length % 10 === 9])
    }
  }
  await insertBatches(links, async (c) => {
    await db.query(`insert into users (id, consent_accepted) select id, true from unnest($1::uuid[]) as t(id)`, [c[0]])
    await db.query(
      `insert into user_enterprises (user_id, enterprise_id, role) select * from unnest($1::uuid[], $2::uuid[], $3::text[])`,
      c.slice(0, 3),
    )
    await db.query(
      `insert into policy_push_preferences (user_id, frequency)
       select id, 'weekly' from unnest($1::uuid[], $2::boolean[]) as t(id, weekly) where weekly`,
      [c[0], c[3]],
    )
  })
  return { users: links.length }
}

export async function benchPolicyPush(log: (line: string) => void = console.log) {
  const db = await openPglite('memory://')
  try {
    await migrate(db)
    let started = performance.now()
    const { users } = await seedEnterprises(db)
    await db.query(`insert into policies (id, status, body, published_at) values ($1, 'published', $2::jsonb, now())`, [
      POLICY.id,
      JSON.stringify(POLICY),
    ])
    const seedSeconds = (performance.now() - started) / 1000
    started = performance.now()
    const report = await pushPolicy(db, POLICY, TODAY, { pushNear: false })
    const pushSeconds = (performance.now() - started) / 1000
    started = performance.now()
    const again = await pushPolicy(db, POLICY, TODAY, { pushNear: false })
    const againSeconds = (performance.now() - started) / 1000
    // Where the time goes: reading every enterprise's facts, and matching them (what pushPolicy does first).
    started = performance.now()
    const { rows: facts } = await db.query<{ profile: EnterpriseProfile }>(
      'select enterprise_id, profile from enterprise_policy_facts order by enterprise_id',
    )
    const readSeconds = (performance.now() - started) / 1000
    started = performance.now()
    compilePolicies([POLICY], TODAY).matchTable(encodeProfiles(facts.map((row) => row.profile)))
    const matchSeconds = (performance.now() - started) / 1000
    const { rows } = await db.query<{ messages: number }>(
      `select count(*)::int as messages from inbox_messages where policy_id = $1`,
      [POLICY.id],
    )
    log(
      `policy push on publish: 1 policy × ${ENTERPRISES.toLocaleString('en')} enterprises, ${users.toLocaleString('en')} users — ` +
        `publish ${pushSeconds.toFixed(2)} s, re-publish ${againSeconds.toFixed(2)} s; seeding ${seedSeconds.toFixed(1)} s`,
    )
    log(
      `  matched ${report.matchedEnterprises.toLocaleString('en')} enterprises; delivered ${report.delivered.toLocaleString('en')} ` +
        `inbox messages (${rows[0].messages.toLocaleString('en')} in the inbox); re-publish delivered ${again.delivered}`,
    )
    log(
      `  of a publish: reading the facts ${readSeconds.toFixed(2)} s, matching ${matchSeconds.toFixed(2)} s, ` +
        `the rest (delivery rows and inbox messages) ${(pushSeconds - readSeconds - matchSeconds).toFixed(2)} s`,
    )
    return {
      pushSeconds,
      againSeconds,
      seedSeconds,
      readSeconds,
      matchSeconds,
      users,
      report,
      again,
      messages: rows[0].messages,
    }
  } finally {
    await db.close()
  }
}

if (process.argv[1] !== undefined && /bench[\\/]policy-push\.ts$/.test(process.argv[1])) {
  benchPolicyPush().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
