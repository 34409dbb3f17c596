import type { InboxKind } from '../../../src/domain/inbox/kinds'
import type { NoticeContext, NoticeTally } from './notice-delivery'
import type { SubscribePurpose } from '../../../src/contract/policies/schemas'
import type { Config } from '../config'
import { PLATFORM_OF, subscribeTemplateOf, type MessageChannel } from './subscribe-templates'

/**
 * A `Notice` per purpose: what a message of that purpose is in the inbox (its kind), which
 * one-time subscription its platform message uses, the keywords of the template registered in
 * each platform's console, and the deep link a tap opens (src/domain/links.ts). Each area defines
 * its own beside the text it writes (licence reminders: ../jobs/reminder-message.ts; 新政策:
 * ../policies/policy-notices.ts; 诉求进展: ../complaints/complaint-notices.ts; seal-grant
 * invitations: ../seals/grants.ts); the delivery loop (./notice-delivery.ts) is the same for all.
 */
export interface Notice<Subject = string> {
  purpose: string
  inboxKind: InboxKind
  /** the subscription its WeChat / Alipay message takes; null: inbox only */
  subscribe: SubscribePurpose | null
  /** the template's keywords per platform, in the order of its fields */
  fieldNames: Record<MessageChannel, readonly string[]>
  /** the page a tap opens, with its query (no leading slash); null: none */
  link: (subject: Subject) => string | null
  /**
   * Sends this purpose's outbox rows that a request committed and did not get sent (a platform
   * failure, a crash after the commit): what the hourly `notice-retries` job runs for every notice
   * that has it. Absent: the purpose's own job resends its rows (licence and compliance reminders,
   * the digest, seal reports).
   */
  retry?: (ctx: NoticeContext) => Promise<NoticeTally>
}

const registry = new Map<string, Notice<never>>()

/** Registers an area's notice (once per purpose) and returns it for the area's own use. */
export function defineNotice<Subject>(notice: Notice<Subject>): Notice<Subject> {
  if (registry.has(notice.purpose)) throw new Error(`notice purpose "${notice.purpose}" is defined twice`)
  registry.set(notice.purpose, notice as Notice<never>)
  return notice
}

/** Every notice defined so far (the modules that define them must have been loaded). */
export function definedNotices(): readonly Notice<never>[] {
  return [...registry.values()]
}

export const NO_PLATFORM_FIELDS: Record<MessageChannel, readonly string[]> = { wechat: [], alipay: [] }

/**
 * The template id a notice's platform message uses on `channel`: its `subscribe` purpose's, from
 * config (null: the notice is inbox only). What a run needs besides the Notice itself.
 */
export function noticeTemplateId(
  config: Config,
  notice: { subscribe: SubscribePurpose | null },
  channel: MessageChannel,
): string | null {
  return notice.subscribe ? subscribeTemplateOf(config, PLATFORM_OF[channel], notice.subscribe).id : null
}
