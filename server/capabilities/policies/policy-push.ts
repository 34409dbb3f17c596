import { randomUUID } from 'node:crypto'
import type { Db } from '../../kernel/db/db'
import type { IsoDate } from '../../../src/domain/calendar/dates'
import { compilePolicies } from '../../../src/domain/policies/compiled'
import { autoGrantLabel, type Verdict } from '../../../src/domain/policies/match'
import type { Policy } from '../../../src/domain/policies/policy'
import type { EnterpriseProfile } from '../../../src/domain/policies/profile'
import { encodeProfiles } from '../../../src/domain/policies/profileTable'
import {
  insertPolicyPlatformRows,
  MATCH_READERS,
  POLICY_DIGEST_NOTICE,
  POLICY_NOTICE,
  type PolicyTemplates,
} from './policy-notices'

/**
 * 新政策 push at publication: the policy is matched against every enterprise with stored facts
 * (compilePolicies + matchTable), and each linked user of a 可申报 enterprise (and of a 差一点 one
 * when `pushNear`) gets one inbox message.
 *
 * Why it never sends twice: an outbox row of purpose 'policy' per (policy, enterprise, user, channel)
 * is inserted with ON CONFLICT DO NOTHING (dedupe key '<policy>:<enterprise>'), and only the rows
 * that insert returns get a message — in the same transaction, which settles the inbox row
 * (inbox_messages.outbox_id is unique too). The transaction first
 * locks the policy row and rechecks it is published, so a withdrawal that commits first stops it.
 * Users who chose the weekly digest get no instant message (see sendWeeklyDigest). With
 * `templates`, WeChat/Alipay rows are written in the same transaction, to be sent after it.
 */

export interface PushOptions {
  pushNear: boolean
  /** Subscribe-message templates per channel: platform rows are written for them (./policy-notices.ts). */
  templates?: PolicyTemplates
}

export interface PushReport {
  matchedEnterprises: number
  delivered: number
  /** WeChat/Alipay rows written, to be sent by deliverPolicyNotices after the commit. */
  platformRows?: number
}

export async function pushPolicy(db: Db, policy: Policy, today: IsoDate, options: PushOptions): Promise<PushReport> {
  const { rows: facts } = await db.query<{ enterprise_id: string; profile: EnterpriseProfile }>(
    'select enterprise_id, profile from enterprise_policy_facts order by enterprise_id',
  )
  const table = compilePolicies([policy], today).matchTable(encodeProfiles(facts.map((row) => row.profile)))
  const enterpriseIds: string[] = []
  const verdicts: Verdict[] = []
  facts.forEach((row, i) => {
    if (table.eligibleStart[i + 1] > table.eligibleStart[i]) {
      enterpriseIds.push(row.enterprise_id)
      verdicts.push('eligible')
    } else if (options.pushNear && table.nearStart[i + 1] > table.nearStart[i]) {
      enterpriseIds.push(row.enterprise_id)
      verdicts.push('near')
    }
  })
  if (enterpriseIds.length === 0) return { matchedEnterprises: facts.length, delivered: 0 }

  let platformRows = 0
  const delivered = await db.transaction(async (tx) => {
    const { rows: current } = await tx.query<{ status: string }>(
      'select status from policies where id = $1 for update',
      [policy.id],
    )
    if (current[0]?.status !== 'published') return 0
    if (options.templates) {
      const policyIds = enterpriseIds.map(() => policy.id)
      const matches = { policyIds, enterpriseIds, verdicts }
      platformRows = await insertPolicyPlatformRows(tx, matches, options.templates, 'instant')
    }
    const { rows: created } = await tx.query<{
      id: string
      enterprise_id: string
      user_id: string
      verdict: Verdict
    }>(
      `insert into outbox (purpose, dedupe_key, user_id, enterprise_id, channel, payload, run_date, status, attempts,
         sent_at)
       select $5, $1::text || ':' || t.enterprise_id::text, ue.user_id, t.enterprise_id, 'inbox',
         jsonb_build_object('policyId', $1::text, 'verdict', t.verdict, 'digest', false), $6::date, 'sent', 1, now()
       from unnest($2::uuid[], $3::text[]) as t(enterprise_id, verdict)
       join user_enterprises ue on ue.enterprise_id = t.enterprise_id
       left join policy_push_preferences pref on pref.user_id = ue.user_id
       where coalesce(pref.frequency, 'instant') = 'instant' and ue.role = any($4::text[])
       order by t.enterprise_id, ue.user_id
       on conflict (purpose, dedupe_key, user_id, channel) do nothing
       returning id::text as id, enterprise_id, user_id, payload ->> 'verdict' as verdict`,
      [policy.id, enterpriseIds, verdicts, MATCH_READERS, POLICY_NOTICE.purpose, today],
    )
    if (created.length === 0) return 0
    const { rows: names } = await tx.query<{ id: string; name: string }>(
      'select id, name from enterprises where id = any($1::uuid[])',
      [[...new Set(created.map((row) => row.enterprise_id))]],
    )
    const nameOf = new Map(names.map((row) => [row.id, row.name]))
    const texts = created.map((row) => policyMessage(policy, nameOf.get(row.enterprise_id) ?? '贵企业', row.verdict))
    await tx.query(
      `insert into inbox_messages (id, user_id, enterprise_id, kind, title, body, policy_id, outbox_id)
       select t.id, t.user_id, t.enterprise_id, $8::text, t.title, t.body, $1, t.outbox_id
       from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::bigint[])
         as t(id, user_id, enterprise_id, title, body, outbox_id)
       on conflict (outbox_id) do nothing`,
      [
        policy.id,
        created.map(() => randomUUID()),
        created.map((row) => row.user_id),
        created.map((row) => row.enterprise_id),
        texts.map((text) => text.title),
        texts.map((text) => text.body),
        created.map((row) => row.id),
        POLICY_NOTICE.inboxKind,
      ],
    )
    return created.length
  })
  return { matchedEnterprises: facts.length, delivered, platformRows }
}

export function policyMessage(
  policy: Policy,
  enterpriseName: string,
  verdict: Verdict,
): { title: string; body: string } {
  const fit =
    verdict === 'eligible'
      ? `${enterpriseName}符合申报条件`
      : `${enterpriseName}差一点符合条件，补充或完善企业信息后可再看看`
  return {
    title: `新政策：${policy.title}`,
    body: `${fit}（${autoGrantLabel(policy)}）。${policy.benefit.text}。发文单位：${policy.issuer}。`,
  }
}

export interface DigestReport {
  /** Published policies in the digest window. */
  policies: number
  /** Users who got a digest message. */
  users: number
  /** (policy, enterprise, user) deliveries recorded by this run. */
  deliveries: number
  /** WeChat/Alipay digest rows written, to be sent by deliverPolicyNotices after the commit. */
  platformRows?: number
}

/**
 * The weekly 新政策 digest for users who chose it: every policy published since `since` is matched
 * against every enterprise with stored facts; each weekly user of a 可申报 (and, with `pushNear`, a
 * 差一点) enterprise gets one inbox message listing what is new for them. The same delivery rows as
 * the instant push guard it, so running it twice (or overlapping windows) repeats nothing.
 */
export async function sendWeeklyDigest(
  db: Db,
  today: IsoDate,
  since: Date,
  options: PushOptions,
): Promise<DigestReport> {
  const { rows: policyRows } = await db.query<{ body: Policy }>(
    `select body from policies where status = 'published' and published_at >= $1 order by published_at, id`,
    [since.toISOString()],
  )
  const policies = policyRows.map((row) => row.body)
  if (policies.length === 0) return { policies: 0, users: 0, deliveries: 0 }
  const { rows: facts } = await db.query<{ enterprise_id: string; profile: EnterpriseProfile }>(
    'select enterprise_id, profile from enterprise_policy_facts order by enterprise_id',
  )
  const table = compilePolicies(policies, today).matchTable(encodeProfiles(facts.map((row) => row.profile)))
  const policyIds: string[] = []
  const enterpriseIds: string[] = []
  const verdicts: Verdict[] = []
  facts.forEach((row, i) => {
    const add = (indices: ArrayLike<number>, start: number, end: number, verdict: Verdict) => {
      for (let k = start; k < end; k++) {
        policyIds.push(policies[indices[k]].id)
        enterpriseIds.push(row.enterprise_id)
        verdicts.push(verdict)
      }
    }
    add(table.eligible, table.eligibleStart[i], table.eligibleStart[i + 1], 'eligible')
    if (options.pushNear) add(table.near, table.nearStart[i], table.nearStart[i + 1], 'near')
  })
  if (policyIds.length === 0) return { policies: policies.length, users: 0, deliveries: 0 }

  return db.transaction(async (tx) => {
    const platformRows = options.templates
      ? await insertPolicyPlatformRows(tx, { policyIds, enterpriseIds, verdicts }, options.templates, 'weekly')
      : 0
    const { rows: created } = await tx.query<{ user_id: string; policy_id: string; enterprise_name: string }>(
      `with inserted as (
           insert into outbox (purpose, dedupe_key, user_id, enterprise_id, channel, payload, run_date, status,
           attempts, sent_at)
         select $5, t.policy_id || ':' || t.enterprise_id::text, ue.user_id, t.enterprise_id, 'inbox',
           jsonb_build_object('policyId', t.policy_id, 'verdict', t.verdict, 'digest', true), $6::date, 'sent', 1, now()
         from unnest($1::text[], $2::uuid[], $3::text[]) as t(policy_id, enterprise_id, verdict)
         join policies p on p.id = t.policy_id and p.status = 'published'
         join user_enterprises ue on ue.enterprise_id = t.enterprise_id
         join policy_push_preferences pref on pref.user_id = ue.user_id and pref.frequency = 'weekly'
         where ue.role = any($4::text[])
         order by t.policy_id, t.enterprise_id, ue.user_id
         on conflict (purpose, dedupe_key, user_id, channel) do nothing
         returning user_id, payload ->> 'policyId' as policy_id, enterprise_id
       )
       select i.user_id, i.policy_id, e.name as enterprise_name
       from inserted i join enterprises e on e.id = i.enterprise_id
       order by i.user_id, i.policy_id`,
      [policyIds, enterpriseIds, verdicts, MATCH_READERS, POLICY_NOTICE.purpose, today],
    )
    const byUser = new Map<string, { policyId: string; enterpriseName: string }[]>()
    for (const row of created) {
      const list = byUser.get(row.user_id) ?? []
      list.push({ policyId: row.policy_id, enterpriseName: row.enterprise_name })
      byUser.set(row.user_id, list)
    }
    const titleOf = new Map(policies.map((policy) => [policy.id, policy.title]))
    for (const [userId, items] of byUser) {
      const distinct = [...new Set(items.map((item) => item.policyId))]
      const lines = items.map((item) => `· ${titleOf.get(item.policyId)}（${item.enterpriseName}）`)
      await tx.query(
        `insert into inbox_messages (id, user_id, kind, title, body, policy_id) values ($1, $2, $6, $3, $4, $5)`,
        [
          randomUUID(),
          userId,
          `本周新政策：${distinct.length} 项与您的企业相关`,
          lines.join('\n'),
          distinct.length === 1 ? distinct[0] : null,
          POLICY_DIGEST_NOTICE.inboxKind,
        ],
      )
    }
    return { policies: policies.length, users: byUser.size, deliveries: created.length, platformRows }
  })
}
