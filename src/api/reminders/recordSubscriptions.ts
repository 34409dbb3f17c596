import type { RecordSubscriptionsRequest, SubscriptionState } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** POST /api/v1/me/subscriptions — what requestSubscribeMessage answered, per template. */
export function recordSubscriptions(
  client: ApiClient,
  request: RecordSubscriptionsRequest,
): Promise<SubscriptionState> {
  return client.request<SubscriptionState>('POST', '/api/v1/me/subscriptions', { body: request })
}
