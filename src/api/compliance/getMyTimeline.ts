import type { TimelineKind, TimelineResponse } from '../../../server/contract-compliance'
import type { ApiClient } from '../client'

export interface TimelineFilter {
  from?: string
  to?: string
  kinds?: readonly TimelineKind[]
  enterpriseId?: string
}

/** GET /api/v1/me/compliance/timeline — every enterprise the user may act for, most urgent first, with counts. */
export function getMyTimeline(client: ApiClient, filter: TimelineFilter = {}): Promise<TimelineResponse> {
  return client.request<TimelineResponse>('GET', '/api/v1/me/compliance/timeline', {
    query: {
      from: filter.from,
      to: filter.to,
      kinds: filter.kinds && filter.kinds.length > 0 ? filter.kinds.join(',') : undefined,
      enterpriseId: filter.enterpriseId,
    },
  })
}
