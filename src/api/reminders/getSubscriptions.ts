import * as endpoints from '../../contract/account/endpoints'
import type { SubscribePurpose, SubscriptionState } from '../../contract/account/schemas'
import { call } from '../call'
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
  return call(client, endpoints.getSubscriptions, { query: { platform, purpose } })
}
