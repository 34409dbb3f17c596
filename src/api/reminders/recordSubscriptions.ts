import * as endpoints from '../../contract/account/endpoints'
import type { RecordSubscriptionsRequest, SubscriptionState } from '../../contract/account/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/me/subscriptions — what requestSubscribeMessage answered, per template. */
export function recordSubscriptions(
  client: ApiClient,
  request: RecordSubscriptionsRequest,
): Promise<SubscriptionState> {
  return call(client, endpoints.recordSubscriptions, { body: request })
}
