import type { RegionLevelView } from '../../contract/policies/schemas'
import * as endpoints from '../../contract/policies/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/regions?code= — a region's path and the areas one level below (provinces without a code). */
export function getRegions(client: ApiClient, code?: string): Promise<RegionLevelView> {
  return call(client, endpoints.getRegions, { query: { code } })
}
