import type { ApiClient } from '../client'

const itemPath = (enterpriseId: string, key: string) =>
  `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/compliance/items/${encodeURIComponent(key)}/state`

/** PUT …/compliance/items/:key/state — 已办 (年报: 已报送), or 稍后提醒 on `until`. */
export function setItemState(
  client: ApiClient,
  enterpriseId: string,
  key: string,
  state: { state: 'done' } | { state: 'snoozed'; until: string },
): Promise<void> {
  return client.request<void>('PUT', itemPath(enterpriseId, key), { body: state })
}

/** DELETE …/compliance/items/:key/state — 撤销 已办 or 稍后提醒. */
export function clearItemState(client: ApiClient, enterpriseId: string, key: string): Promise<void> {
  return client.request<void>('DELETE', itemPath(enterpriseId, key))
}
