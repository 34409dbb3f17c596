import type { Config } from '../../kernel/config'
import type { Queryable } from '../../kernel/db/db'
import { chinaTime, thing } from '../../kernel/notify/message-fields'
import { defineNotice } from '../../kernel/notify/notices'
import {
  CHINA_TODAY_SQL,
  claimable,
  deliverNoticeGroups,
  type NoticeContext,
  type NoticeTally,
} from '../../kernel/notify/notice-delivery'
import { channelTemplates, type MessageChannel } from '../../kernel/notify/subscribe-templates'
import { COMPLAINT_STATE_LABELS, instantMs, type TimelineEntry } from '../../../src/domain/complaints/complaintCase'
import type { ComplaintCategoryCode } from '../../../src/domain/complaints/categories'
import { complaintCategory } from '../../../src/domain/complaints/categories'
import { maskPersonalDataInText } from '../../../src/domain/mask'
import { complaintLink } from '../../../src/domain/links'

/**
 * 诉求进展 subscribe messages (subscription 'complaint'): every step someone else takes on a real-name
 * complaint writes, in the step's transaction, a row per platform where the submitter holds a
 * subscription of the complaint template and an account: an outbox row of purpose
 * 'complaint-progress' (dedupe key '<complaint>:<timeline step>'); the route sends them after the
 * commit (../notify/notice-delivery.ts). The row key and the claim make a retried request or a
 * re-run send nothing twice. Anonymous: no rows at all.
 */

export type ComplaintTemplates = Partial<Record<MessageChannel, string | null>>

export function complaintTemplates(config: Config, senders: NoticeContext['senders']): ComplaintTemplates {
  return channelTemplates(config, senders, 'complaint')
}

export async function recordComplaintNotices(
  tx: Queryable,
  notice: { complaintId: string; eventId: string; userId: string },
  templates: ComplaintTemplates,
): Promise<number> {
  if (!templates.wechat && !templates.alipay) return 0
  const { rows } = await tx.query(
    `insert into outbox (purpose, dedupe_key, user_id, channel, payload, run_date, template_id)
     select $6, $1::text || ':' || $2::text, $3, s.channel,
       jsonb_build_object('complaintId', $1::text, 'eventId', $2::text), ${CHINA_TODAY_SQL}, s.template_id
     from (values ('wechat', 'weapp', $4::text), ('alipay', 'alipay', $5::text)) as s(channel, platform, template_id)
     where s.template_id is not null
       and exists (select 1 from subscriptions sub where sub.user_id = $3 and sub.platform = s.platform
         and sub.template_id = s.template_id and sub.remaining > 0)
       and exists (select 1 from user_identities i where i.user_id = $3 and i.platform = s.platform)
     on conflict (purpose, dedupe_key, user_id, channel) do nothing
     returning id`,
    [
      notice.complaintId,
      notice.eventId,
      notice.userId,
      templates.wechat ?? null,
      templates.alipay ?? null,
      COMPLAINT_PROGRESS_NOTICE.purpose,
    ],
  )
  return rows.length
}

/** How a notice names the case: its title, shortened, with any phone or ID number masked. */
export function complaintShortTitle(title: string): string {
  return thing(maskPersonalDataInText(title.trim()))
}

/**
 * The inbox message for a step someone else took on a real-name case. It always names the case
 * (「title」 and its category): a submitter with several cases could not tell which one was 交办 to
 * a department or 答复 from the step's note alone.
 */
export function complaintProgressMessage(
  complaint: { title: string; category: ComplaintCategoryCode },
  entry: Pick<TimelineEntry, 'title' | 'note' | 'to'>,
): { title: string; body: string } {
  const category = complaintCategory(complaint.category)?.name
  const named = `您的${category ? `${category}类` : ''}诉求「${complaintShortTitle(complaint.title)}」`
  const state = COMPLAINT_STATE_LABELS[entry.to]
  const step = entry.note ? `${entry.title}：${entry.note}` : entry.title
  return { title: `诉求进展：${entry.title}`, body: `${named}${step}。当前状态：${state}` }
}

/**
 * The template's fields, in order: 诉求标题, 当前状态, 办理进展, 更新时间. The names must be the
 * keywords of the template registered in each platform's console.
 */
export const COMPLAINT_FIELD_NAMES: Record<MessageChannel, readonly string[]> = {
  wechat: ['thing1', 'thing2', 'thing3', 'time4'],
  alipay: ['keyword1', 'keyword2', 'keyword3', 'keyword4'],
}

/** 诉求进展: in the inbox and as the complaint template's message; opens the complaint. */
export const COMPLAINT_PROGRESS_NOTICE = defineNotice<string>({
  purpose: 'complaint-progress',
  inboxKind: 'complaint',
  subscribe: 'complaint',
  fieldNames: COMPLAINT_FIELD_NAMES,
  link: complaintLink,
  retry: (ctx) => deliverComplaintNotices(ctx),
})

interface UnsentRow {
  id: string
  complaint_id: string
  user_id: string
  channel: MessageChannel
  template_id: string
  anonymous: boolean
  title: string
  entry: TimelineEntry
}

/** Sends the unsent notices of one complaint (after a step), or of all (the retry sweep). */
export async function deliverComplaintNotices(
  ctx: NoticeContext,
  filter: { complaintId?: string } = {},
): Promise<NoticeTally> {
  const { rows } = await ctx.db.query<UnsentRow>(
    `select n.id::text as id, c.id as complaint_id, n.user_id, n.channel, n.template_id, c.anonymous, c.title, t.entry
     from outbox n
     join complaints c on c.id = (n.payload ->> 'complaintId')::uuid
     join complaint_timeline t on t.id = (n.payload ->> 'eventId')::bigint
     where n.purpose = $2 and ${claimable('n')} and ($1::text is null or n.payload ->> 'complaintId' = $1)
     order by n.id`,
    [filter.complaintId ?? null, COMPLAINT_PROGRESS_NOTICE.purpose],
  )
  // Rows are never written for anonymous cases; should one exist, it is not sent.
  const groups = rows
    .filter((row) => !row.anonymous)
    .map((row) => {
      const values = [
        row.title,
        COMPLAINT_STATE_LABELS[row.entry.to],
        row.entry.note ? `${row.entry.title}：${row.entry.note}` : row.entry.title,
      ]
      return {
        ids: [row.id],
        userId: row.user_id,
        channel: row.channel,
        templateId: row.template_id,
        message: (toUser: string) => ({
          toUser,
          templateId: row.template_id,
          page: COMPLAINT_PROGRESS_NOTICE.link(row.complaint_id) ?? '',
          fields: COMPLAINT_PROGRESS_NOTICE.fieldNames[row.channel].map((name, i) => ({
            name,
            value: i < 3 ? thing(values[i]) : chinaTime(instantMs(row.entry.at)),
          })),
        }),
      }
    })
  return deliverNoticeGroups(ctx, 'outbox', groups)
}
