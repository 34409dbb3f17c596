import { randomBytes, randomUUID } from 'node:crypto'
import type { Queryable } from '../../server/kernel/db/db'
import type { Policy } from '../../src/domain/policies/policy'
import type { EnterpriseProfile } from '../../src/domain/policies/profile'
import { makeEnterprise, makeLicence, makeUser } from './licences-kit'

/**
 * Work for the periodic jobs, written straight into a database, for the suites that run the jobs on
 * two instances at once: licences due for reminders, a published policy for weekly-digest users,
 * and expired sign tasks with callbacks. Each returns what a single delivery of everything means.
 */

/** Licences of `users` fresh users, each due on `runDate` at the default 30- and 7-day offsets. */
export async function reminderWork(
  db: Queryable,
  runDate: { d30: string; d7: string },
  users: number,
  templateId: string,
): Promise<{ openids: string[]; licenceIds: string[] }> {
  const openids: string[] = []
  const licenceIds: string[] = []
  for (let i = 0; i < users; i++) {
    const enterprise = await makeEnterprise(db)
    const openid = `o-reminder-${randomBytes(4).toString('hex')}`
    const userId = await makeUser(db, { openid, links: [{ enterpriseId: enterprise.id }] })
    await db.query(
      `insert into subscriptions (user_id, platform, template_id, result, remaining) values ($1, 'weapp', $2, 'accept', 10)`,
      [userId, templateId],
    )
    licenceIds.push(await makeLicence(db, enterprise.id, { deadline: runDate.d30 }))
    licenceIds.push(await makeLicence(db, enterprise.id, { deadline: runDate.d7 }))
    openids.push(openid)
  }
  return { openids, licenceIds }
}

/** 乌鲁木齐 enterprises of exactly `employees` staff: only the digest suites' policy matches them. */
export function digestPolicy(id: string, employees: number): Policy {
  return {
    id,
    title: `多实例测试政策 ${id}`,
    issuer: '乌鲁木齐市工业和信息化局',
    level: 'city',
    region: '乌鲁木齐市',
    summary: '测试用政策',
    benefit: { type: 'subsidy', amountWan: 10, text: '最高补贴10万元' },
    applicationWindow: {},
    howToApply: '在线申报',
    materials: ['营业执照'],
    autoGrant: false,
    eligibility: {
      all: [
        { id: 'region', kind: 'region', areas: [{ code: '650100', name: '乌鲁木齐市' }] },
        { id: 'employees', kind: 'employees', min: employees, max: employees },
      ],
    },
  }
}

/** A policy published a day before `nowMs`, and `users` weekly-digest users of matching enterprises. */
export async function digestWork(
  db: Queryable,
  options: { policyId: string; employees: number; users: number; templateId: string; nowMs: number },
): Promise<{ openids: string[]; userIds: string[] }> {
  const policy = digestPolicy(options.policyId, options.employees)
  await db.query(`insert into policies (id, status, body, published_at) values ($1, 'published', $2::jsonb, $3)`, [
    policy.id,
    JSON.stringify(policy),
    new Date(options.nowMs - 86_400_000).toISOString(),
  ])
  const openids: string[] = []
  const userIds: string[] = []
  for (let i = 0; i < options.users; i++) {
    const enterprise = await makeEnterprise(db)
    const profile: EnterpriseProfile = { regionCode: '650102', employees: options.employees }
    await db.query('insert into enterprise_policy_facts (enterprise_id, profile) values ($1, $2::jsonb)', [
      enterprise.id,
      JSON.stringify(profile),
    ])
    const openid = `o-digest-${randomBytes(4).toString('hex')}`
    const userId = await makeUser(db, { openid, links: [{ enterpriseId: enterprise.id }] })
    await db.query(`insert into policy_push_preferences (user_id, frequency) values ($1, 'weekly')`, [userId])
    await db.query(
      `insert into subscriptions (user_id, platform, template_id, result, remaining) values ($1, 'weapp', $2, 'accept', 10)`,
      [userId, options.templateId],
    )
    openids.push(openid)
    userIds.push(userId)
  }
  return { openids, userIds }
}

/**
 * `count` open sign tasks already past their deadline, each with a callback to `callbackBase`/<n>:
 * a minute before `nowMs` (the app clock of the instances that sweep), or before the database's now.
 */
export async function expiredSignTasks(
  db: Queryable,
  count: number,
  callbackBase: string,
  nowMs?: number,
): Promise<string[]> {
  const systemId = randomUUID()
  await db.query(`insert into systems (id, name, scopes, key_hash) values ($1, '多实例测试系统', '{sign-tasks}', $2)`, [
    systemId,
    randomBytes(16).toString('hex'),
  ])
  const enterprise = await makeEnterprise(db)
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const id = randomUUID()
    await db.query(
      `insert into sign_tasks (id, system_id, enterprise_id, document_name, document_sm3, ticket_hash, expires_at, callback_url)
       values ($1, $2, $3, '过期的合同', $4, $5, coalesce($7::timestamptz, now()) - interval '1 minute', $6)`,
      [
        id,
        systemId,
        enterprise.id,
        'a'.repeat(64),
        randomBytes(16).toString('hex'),
        `${callbackBase}/${i}`,
        nowMs === undefined ? null : new Date(nowMs),
      ],
    )
    ids.push(id)
  }
  return ids
}

/** How many times each key occurs. */
export function tally(keys: string[]): Map<string, number> {
  const times = new Map<string, number>()
  for (const key of keys) times.set(key, (times.get(key) ?? 0) + 1)
  return times
}
