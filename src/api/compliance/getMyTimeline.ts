import type { TimelineKind, TimelineResponse } from '../../contract/compliance/schemas'
import * as endpoints from '../../contract/compliance/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

export interface TimelineFilter {
  from?: string
  to?: string
  kinds?: readonly TimelineKind[]
  enterpriseId?: string
}

/** GET /api/v1/me/compliance/timeline — every enterprise the user may act for, most urgent first, with counts. */
export function getMyTimeline(client: ApiClient, filter: TimelineFilter = {}): Promise<TimelineResponse> {
  return call(client, endpoints.getMyTimeline, {
    query: {
      from: filter.from,
      to: filter.to,
      kinds: filter.kinds && filter.kinds.length > 0 ? filter.kinds.join(',') : undefined,
      enterpriseId: filter.enterpriseId,
    },
  })
}
