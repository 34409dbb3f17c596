import type { ApiClient } from '../client'

/** DELETE /api/v1/licences/:id */
export function deleteLicence(client: ApiClient, licenceId: string): Promise<void> {
  return client.request<void>('DELETE', `/api/v1/licences/${encodeURIComponent(licenceId)}`)
}
