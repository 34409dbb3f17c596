import * as endpoints from '../../contract/complaints/endpoints'
import { fillPath } from '../../contract/endpoint'

/**
 * GET /api/v1/complaints/:id/attachments/:attachmentId — the path of a case's photo. The server
 * serves it to the submitter only (Bearer token), so screens load it through src/platform/media
 * with the header rather than pointing an <Image> at the URL.
 */
export function complaintPhotoPath(complaintId: string, attachmentId: string): string {
  return fillPath(endpoints.getComplaintPhoto.path, { complaintId, attachmentId })
}
