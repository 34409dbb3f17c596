import * as endpoints from '../../contract/compliance/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** PUT …/compliance/items/:key/state — 已办 (年报: 已报送), or 稍后提醒 on `until`. */
export function setItemState(
  client: ApiClient,
  enterpriseId: string,
  key: string,
  state: { state: 'done' } | { state: 'snoozed'; until: string },
): Promise<void> {
  return call(client, endpoints.setItemState, { params: { enterpriseId, itemKey: key }, body: state }).then(
    () => undefined,
  )
}

/** DELETE …/compliance/items/:key/state — 撤销 已办 or 稍后提醒. */
export function clearItemState(client: ApiClient, enterpriseId: string, key: string): Promise<void> {
  return call(client, endpoints.clearItemState, { params: { enterpriseId, itemKey: key } }).then(() => undefined)
}
