import type { Config } from '../../kernel/config'
import type { Db, Queryable } from '../../kernel/db/db'
import { thing } from '../../kernel/notify/message-fields'
import { defineNotice } from '../../kernel/notify/notices'
import {
  CHINA_TODAY_SQL,
  claimable,
  deliverNoticeGroups,
  emptyTally,
  type NoticeContext,
  type NoticeGroup,
  type NoticeTally,
} from '../../kernel/notify/notice-delivery'
import type { OutgoingMessage } from '../../kernel/notify/sender'
import { channelTemplates, type MessageChannel } from '../../kernel/notify/subscribe-templates'
import type { Verdict } from '../../../src/domain/policies/match'
import type { Policy } from '../../../src/domain/policies/policy'
import { rolesAllowedTo } from '../../../src/domain/access/permissions'
import { POLICY_LIST_LINK, policyLink } from '../../../src/domain/links'

/** A policy match is read from the profile facts: only those who may see matches are told of one. */
export const MATCH_READERS = rolesAllowedTo('policies:match')

/**
 * 新政策 subscribe messages (purpose 'policy'). Rows are written beside the inbox rows of a push
 * (outbox, purpose 'policy', channel wechat/alipay, status 'pending'), for users who hold a one-time
 * subscription of the policy template and an account on that platform: at publication for users
 * who chose instant pushes, in the weekly digest (payload.digest = true, sent as POLICY_DIGEST_NOTICE)
 * for the others. One message per
 * (policy, user, channel) — a user of two matching enterprises is not asked to spend two
 * subscriptions on one policy — recorded under the first enterprise (eligible before near).
 * Sending: ../notify/notice-delivery.ts. A withdrawn policy's unsent rows are skipped.
 */

/** Template id per channel; null where no sender is configured (nothing is written for it). */
export type PolicyTemplates = Partial<Record<MessageChannel, string | null>>

export function policyTemplates(config: Config, senders: NoticeContext['senders']): PolicyTemplates {
  return channelTemplates(config, senders, 'policy')
}

/**
 * Writes the platform rows for the matched (policy, enterprise, verdict) triples, for the users
 * whose push preference is `frequency`; returns how many. Inside the push's transaction.
 */
export async function insertPolicyPlatformRows(
  tx: Queryable,
  matches: { policyIds: string[]; enterpriseIds: string[]; verdicts: Verdict[] },
  templates: PolicyTemplates,
  frequency: 'instant' | 'weekly',
): Promise<number> {
  if (!templates.wechat && !templates.alipay) return 0
  const { rows } = await tx.query(
    `insert into outbox (purpose, dedupe_key, user_id, enterprise_id, channel, payload, run_date, template_id)
     select distinct on (t.policy_id, ue.user_id, s.channel)
       $9, t.policy_id || ':' || t.enterprise_id::text, ue.user_id, t.enterprise_id, s.channel,
       jsonb_build_object('policyId', t.policy_id, 'verdict', t.verdict, 'digest', $6::boolean), ${CHINA_TODAY_SQL},
       s.template_id
     from unnest($1::text[], $2::uuid[], $3::text[]) as t(policy_id, enterprise_id, verdict)
     join policies p on p.id = t.policy_id and p.status = 'published'
     join user_enterprises ue on ue.enterprise_id = t.enterprise_id
     left join policy_push_preferences pref on pref.user_id = ue.user_id
     join (values ('wechat', 'weapp', $4::text), ('alipay', 'alipay', $5::text)) as s(channel, platform, template_id)
       on s.template_id is not null
     join subscriptions sub on sub.user_id = ue.user_id and sub.platform = s.platform
       and sub.template_id = s.template_id and sub.remaining > 0
     where coalesce(pref.frequency, 'instant') = $7 and ue.role = any($8::text[])
       and exists (select 1 from user_identities i where i.user_id = ue.user_id and i.platform = s.platform)
       and not exists (select 1 from outbox d where d.purpose = $9
         and d.channel <> 'inbox' and d.payload ->> 'policyId' = t.policy_id and d.user_id = ue.user_id
         and d.channel = s.channel)
     order by t.policy_id, ue.user_id, s.channel, t.verdict = 'eligible' desc, t.enterprise_id
     on conflict (purpose, dedupe_key, user_id, channel) do nothing
     returning id`,
    [
      matches.policyIds,
      matches.enterpriseIds,
      matches.verdicts,
      templates.wechat ?? null,
      templates.alipay ?? null,
      frequency === 'weekly',
      frequency,
      MATCH_READERS,
      POLICY_NOTICE.purpose,
    ],
  )
  return rows.length
}

/**
 * The template's fields, in order: 政策名称, 发文单位, 匹配结果, 温馨提示. The names must be the
 * keywords of the template registered in each platform's console.
 */
export const POLICY_FIELD_NAMES: Record<MessageChannel, readonly string[]> = {
  wechat: ['thing1', 'thing2', 'thing3', 'thing4'],
  alipay: ['keyword1', 'keyword2', 'keyword3', 'keyword4'],
}

/** 新政策 at publication: in the inbox and as the policy template's message; opens the policy. */
export const POLICY_NOTICE = defineNotice<string>({
  purpose: 'policy',
  inboxKind: 'policy',
  subscribe: 'policy',
  fieldNames: POLICY_FIELD_NAMES,
  link: policyLink,
  // Digest rows are left to the digest's own tick (under its lock), so a digest being sent and a
  // retry never group the same rows differently.
  retry: (ctx) => deliverPolicyNotices(ctx, { digest: false }),
})

/** The weekly 新政策 digest: one message for a user's policies; opens the one, or the list. */
export const POLICY_DIGEST_NOTICE = defineNotice<readonly string[]>({
  purpose: 'policy-digest',
  inboxKind: 'policy',
  subscribe: 'policy',
  fieldNames: POLICY_FIELD_NAMES,
  link: (policyIds) => (policyIds.length === 1 ? policyLink(policyIds[0]) : POLICY_LIST_LINK),
})

function fields(channel: MessageChannel, values: string[]): OutgoingMessage['fields'] {
  return POLICY_NOTICE.fieldNames[channel].map((name, i) => ({ name, value: thing(values[i]) }))
}

interface UnsentRow {
  id: string
  policy_id: string
  user_id: string
  channel: MessageChannel
  template_id: string
  digest: boolean
  verdict: Verdict
  published: boolean
  body: Policy
}

function instantGroup(row: UnsentRow): NoticeGroup {
  const fit = row.verdict === 'eligible' ? '贵企业符合申报条件' : '差一点符合，补齐信息可申报'
  return {
    ids: [row.id],
    userId: row.user_id,
    channel: row.channel,
    templateId: row.template_id,
    message: (toUser) => ({
      toUser,
      templateId: row.template_id,
      page: POLICY_NOTICE.link(row.policy_id) ?? '',
      fields: fields(row.channel, [row.body.title, row.body.issuer, fit, row.body.benefit.text]),
    }),
  }
}

/** One message for every digest row of a user on a channel. */
function digestGroups(rows: UnsentRow[]): NoticeGroup[] {
  const byKey = new Map<string, UnsentRow[]>()
  for (const row of rows) {
    const key = `${row.user_id}/${row.channel}/${row.template_id}`
    byKey.set(key, [...(byKey.get(key) ?? []), row])
  }
  return [...byKey.values()].map((list) => {
    const [first] = list
    const issuers = new Set(list.map((row) => row.body.issuer))
    return {
      ids: list.map((row) => row.id),
      userId: first.user_id,
      channel: first.channel,
      templateId: first.template_id,
      message: (toUser) => ({
        toUser,
        templateId: first.template_id,
        page: POLICY_DIGEST_NOTICE.link(list.map((row) => row.policy_id)) ?? '',
        fields: fields(first.channel, [
          list.length === 1 ? first.body.title : `本周新政策${list.length}项：${first.body.title}`,
          issuers.size === 1 ? first.body.issuer : '多个发文单位',
          '与贵企业相关的新政策',
          '点击查看是否可申报及所需材料',
        ]),
      }),
    }
  })
}

/**
 * Sends the unsent platform rows: of one policy (at publication), or all of them (the digest and
 * the retry sweep). Rows of a policy withdrawn since are skipped.
 */
export async function deliverPolicyNotices(
  ctx: NoticeContext,
  filter: { policyId?: string; digest?: boolean } = {},
): Promise<NoticeTally> {
  const { rows } = await ctx.db.query<UnsentRow>(
    `select d.id::text as id, p.id as policy_id, d.user_id, d.channel, d.template_id,
       (d.payload ->> 'digest')::boolean as digest, d.payload ->> 'verdict' as verdict,
       p.status = 'published' as published, p.body
     from outbox d join policies p on p.id = d.payload ->> 'policyId'
     where d.purpose = $3 and d.channel <> 'inbox' and ${claimable('d')}
       and ($1::text is null or d.payload ->> 'policyId' = $1) and ($2::boolean is null or (d.payload ->> 'digest')::boolean = $2)
     order by d.id`,
    [filter.policyId ?? null, filter.digest ?? null, POLICY_NOTICE.purpose],
  )
  const withdrawn = rows.filter((row) => !row.published).map((row) => row.id)
  const tally = emptyTally()
  if (withdrawn.length > 0) {
    await skipRows(ctx.db, withdrawn, 'policy withdrawn')
    tally.undeliverable += withdrawn.length
  }
  const live = rows.filter((row) => row.published)
  const groups = [
    ...live.filter((row) => !row.digest).map(instantGroup),
    ...digestGroups(live.filter((row) => row.digest)),
  ]
  const sent = await deliverNoticeGroups(ctx, 'outbox', groups)
  return { sent: sent.sent, failed: sent.failed, undeliverable: tally.undeliverable + sent.undeliverable }
}

async function skipRows(db: Db, ids: string[], reason: string): Promise<void> {
  await db.query(
    `update outbox set status = 'skipped', last_error = $2 where id = any($1::bigint[]) and ${claimable()}`,
    [ids, reason],
  )
}
