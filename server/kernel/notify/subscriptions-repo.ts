import type { SubscribeResult, SubscribeTemplate, SubscriptionState } from '../../../src/contract/account/schemas'
import type { Config } from '../config'
import type { SubscribePurpose } from '../../../src/contract/policies/schemas'
import type { Queryable } from '../db/db'
import { subscribeTemplateOf } from '../notify/subscribe-templates'

export type SubscribePlatform = SubscriptionState['platform']

/**
 * Subscribe-message templates the app asks for (platform rule: ≤ 3 per requestSubscribeMessage
 * call, one-time and long-term never mixed): one per purpose (licence reminder by default).
 */
export function subscribeTemplates(
  config: Config,
  platform: SubscribePlatform,
  purpose: SubscribePurpose = 'licence',
): SubscribeTemplate[] {
  return [subscribeTemplateOf(config, platform, purpose)]
}

/** One-time subscriptions pile up one per "accept"; a cap keeps a tapping loop from meaning much. */
export const MAX_REMAINING_SUBSCRIPTIONS = 50

export async function getSubscriptionState(
  db: Queryable,
  config: Config,
  userId: string,
  platform: SubscribePlatform,
  purpose: SubscribePurpose = 'licence',
): Promise<SubscriptionState> {
  const templates = subscribeTemplates(config, platform, purpose)
  const { rows } = await db.query<{ template_id: string; result: SubscribeResult }>(
    'select template_id, result from subscriptions where user_id = $1 and platform = $2 and template_id = any($3::text[])',
    [userId, platform, templates.map((template) => template.id)],
  )
  const results: Record<string, SubscribeResult | null> = {}
  for (const template of templates)
    results[template.id] = rows.find((row) => row.template_id === template.id)?.result ?? null
  return { platform, templates, results }
}

/**
 * What requestSubscribeMessage answered. 'accept' allows one more message; 'ban' (the user
 * switched the template off) allows none; 'reject' declines this time only, keeping earlier ones.
 */
export async function recordSubscriptionResults(
  db: Queryable,
  userId: string,
  platform: SubscribePlatform,
  results: Record<string, SubscribeResult>,
): Promise<void> {
  for (const [templateId, result] of Object.entries(results)) {
    await db.query(
      `insert into subscriptions as s (user_id, platform, template_id, result, remaining)
       values ($1, $2, $3, $4, case when $4 = 'accept' then 1 else 0 end)
       on conflict (user_id, platform, template_id) do update set result = excluded.result, updated_at = now(),
         remaining = case excluded.result
           when 'accept' then least(s.remaining + 1, $5)
           when 'ban' then 0
           else s.remaining end`,
      [userId, platform, templateId, result, MAX_REMAINING_SUBSCRIPTIONS],
    )
  }
}
