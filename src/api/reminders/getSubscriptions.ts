import type { SubscriptionState } from '../../../server/contract-licences'
import type { SubscribePurpose } from '../../contract/policies/schemas'
import type { ApiClient } from '../client'

/**
 * GET /api/v1/me/subscriptions?platform=&purpose= — the templates to ask for and what the user
 * answered. Without `purpose` the server answers for the licence reminder.
 */
export function getSubscriptions(
  client: ApiClient,
  platform: SubscriptionState['platform'],
  purpose?: SubscribePurpose,
): Promise<SubscriptionState> {
  return client.request<SubscriptionState>('GET', '/api/v1/me/subscriptions', { query: { platform, purpose } })
}
