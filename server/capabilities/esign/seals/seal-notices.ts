import type { Config } from '../../../kernel/config'
import type { Queryable } from '../../../kernel/db/db'
import {
  CHINA_TODAY_SQL,
  claimable,
  deliverNoticeGroups,
  type NoticeContext,
  type NoticeTally,
} from '../../../kernel/notify/notice-delivery'
import { thing } from '../../../kernel/notify/message-fields'
import { defineNotice } from '../../../kernel/notify/notices'
import { sealAuditLink, sealReportLink } from '../../../../src/domain/links'
import { channelTemplates, type MessageChannel } from '../../../kernel/notify/subscribe-templates'
import type { ChinaMonth } from '../../../../src/domain/seals/sealReport'

/**
 * Notices to an enterprise's legal representative about its seals: the monthly 用章报告 and the
 * unusual-use 用章提醒. Written in the transaction that decides them (an inbox message per legal
 * representative, an outbox row per platform where they hold a 'seal' subscription — purpose
 * 'seal-report' or 'seal-alert', dedupe key `source` — sent after the commit through the one
 * delivery loop (../notify/notice-delivery.ts); `source` makes each announced once.
 */

export type SealTemplates = Partial<Record<MessageChannel, string | null>>

export function sealTemplates(config: Config, senders: NoticeContext['senders']): SealTemplates {
  return channelTemplates(config, senders, 'seal')
}

export interface SealNotice {
  /** 'report:<enterprise>:<month>' or 'alert:<seal>:<kind>:<day>' */
  source: string
  enterpriseId: string
  title: string
  body: string
  /** the report the notice opens; null: it opens 用章记录 */
  reportMonth: ChinaMonth | null
  /** the subscribe message's values: 事项, 对象, 说明, 时间 (already formatted) */
  fieldValues: [string, string, string, string]
}

/**
 * The template's fields, in order: 事项, 对象 (enterprise or seal), 说明, 时间. The names must be
 * the keywords of the template registered in each platform's console.
 */
export const SEAL_FIELD_NAMES: Record<MessageChannel, readonly string[]> = {
  wechat: ['thing1', 'thing2', 'thing3', 'time4'],
  alipay: ['keyword1', 'keyword2', 'keyword3', 'keyword4'],
}

/** 用章报告: the monthly report, in the inbox (kind system) and as the seal template's message; opens the report. */
export const SEAL_REPORT_NOTICE = defineNotice<{ enterpriseId: string; month: ChinaMonth }>({
  purpose: 'seal-report',
  inboxKind: 'system',
  subscribe: 'seal',
  fieldNames: SEAL_FIELD_NAMES,
  link: ({ enterpriseId, month }) => sealReportLink(enterpriseId, month),
})

/** 用章提醒: unusual use of a seal, in the inbox (kind system) and as the seal template's message; opens 用章记录. */
export const SEAL_ALERT_NOTICE = defineNotice<{ enterpriseId: string }>({
  purpose: 'seal-alert',
  inboxKind: 'system',
  subscribe: 'seal',
  fieldNames: SEAL_FIELD_NAMES,
  link: ({ enterpriseId }) => sealAuditLink(enterpriseId),
})

/** Records the notice for every legal representative linked now; returns the inbox messages written. */
export async function recordSealNotice(tx: Queryable, notice: SealNotice, templates: SealTemplates): Promise<number> {
  const { rows } = await tx.query(
    `insert into inbox_messages (id, user_id, enterprise_id, kind, title, body, seal_source, seal_report_month)
     select gen_random_uuid(), ue.user_id, ue.enterprise_id, 'system', $2, $3, $4, $5::date
     from user_enterprises ue where ue.enterprise_id = $1 and ue.role = 'legal_representative'
     on conflict (user_id, seal_source) where seal_source is not null do nothing
     returning id`,
    [
      notice.enterpriseId,
      notice.title,
      notice.body,
      notice.source,
      notice.reportMonth ? `${notice.reportMonth}-01` : null,
    ],
  )
  if (templates.wechat || templates.alipay) {
    await tx.query(
      `insert into outbox (purpose, dedupe_key, enterprise_id, user_id, channel, template_id, payload, run_date)
       select $7, $1, ue.enterprise_id, ue.user_id, s.channel, s.template_id,
         jsonb_build_object('page', $4::text, 'fieldValues', $5::jsonb), ${CHINA_TODAY_SQL}
       from user_enterprises ue
       cross join (values ('wechat', 'weapp', $2::text), ('alipay', 'alipay', $3::text)) as s(channel, platform, template_id)
       where ue.enterprise_id = $6 and ue.role = 'legal_representative' and s.template_id is not null
         and exists (select 1 from subscriptions sub where sub.user_id = ue.user_id and sub.platform = s.platform
           and sub.template_id = s.template_id and sub.remaining > 0)
         and exists (select 1 from user_identities i where i.user_id = ue.user_id and i.platform = s.platform)
       on conflict (purpose, dedupe_key, user_id, channel) do nothing`,
      [
        notice.source,
        templates.wechat ?? null,
        templates.alipay ?? null,
        notice.reportMonth
          ? SEAL_REPORT_NOTICE.link({ enterpriseId: notice.enterpriseId, month: notice.reportMonth })
          : SEAL_ALERT_NOTICE.link({ enterpriseId: notice.enterpriseId }),
        JSON.stringify(notice.fieldValues),
        notice.enterpriseId,
        (notice.reportMonth ? SEAL_REPORT_NOTICE : SEAL_ALERT_NOTICE).purpose,
      ],
    )
  }
  return rows.length
}

interface UnsentRow {
  id: string
  user_id: string
  channel: MessageChannel
  template_id: string
  page: string
  field_values: string[]
}

/** Sends the unsent seal notices (of one enterprise, or all: those a failure or crash left). */
export async function deliverSealNotices(
  ctx: NoticeContext,
  filter: { enterpriseId?: string } = {},
): Promise<NoticeTally> {
  const { rows } = await ctx.db.query<UnsentRow>(
    `select n.id::text as id, n.user_id, n.channel, n.template_id, n.payload ->> 'page' as page,
       n.payload -> 'fieldValues' as field_values
     from outbox n where n.purpose = any($2::text[]) and ${claimable('n')}
       and ($1::uuid is null or n.enterprise_id = $1) order by n.id`,
    [filter.enterpriseId ?? null, [SEAL_REPORT_NOTICE.purpose, SEAL_ALERT_NOTICE.purpose]],
  )
  const groups = rows.map((row) => ({
    ids: [row.id],
    userId: row.user_id,
    channel: row.channel,
    templateId: row.template_id,
    message: (toUser: string) => ({
      toUser,
      templateId: row.template_id,
      page: row.page,
      fields: SEAL_FIELD_NAMES[row.channel].map((name, i) => ({
        name,
        value: i < 3 ? thing(row.field_values[i] ?? '') : (row.field_values[i] ?? ''),
      })),
    }),
  }))
  return deliverNoticeGroups(ctx, 'outbox', groups)
}
