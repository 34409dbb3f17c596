import type { RegionLevelView } from '../../../server/contract-policies'
import type { ApiClient } from '../client'

/** GET /api/v1/regions?code= — a region's path and the areas one level below (provinces without a code). */
export function getRegions(client: ApiClient, code?: string): Promise<RegionLevelView> {
  return client.request<RegionLevelView>('GET', '/api/v1/regions', { query: { code } })
}
