import * as endpoints from '../../contract/esign/endpoints'
import type { LinkEnterprisesResponse } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/face/link-enterprises — links every enterprise the verified person legally represents. */
export function linkEnterprises(client: ApiClient, ticket: string): Promise<LinkEnterprisesResponse> {
  return call(client, endpoints.linkEnterprises, { body: { ticket } })
}
