import type { SubscriptionState } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** GET /api/v1/me/subscriptions?platform= — the reminder templates to ask for and what the user answered. */
export function getSubscriptions(
  client: ApiClient,
  platform: SubscriptionState['platform'],
): Promise<SubscriptionState> {
  return client.request<SubscriptionState>('GET', '/api/v1/me/subscriptions', { query: { platform } })
}
