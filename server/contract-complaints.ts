import type { ComplaintCase, ComplaintActionType, TimelineEntry } from '../src/domain/complaints/complaintCase'
import type { SlaStatus } from '../src/domain/complaints/sla'

/** 有诉即办: what the complaint endpoints take and return. */

export interface ComplaintLocationInput {
  latitude: number
  longitude: number
  address: string
}

export interface ComplaintSubmitRequest {
  category: string
  title: string
  description: string
  anonymous: boolean
  /** required for real-name cases, absent or null for anonymous ones */
  contactPhone?: string | null
  location?: ComplaintLocationInput | null
  /** ids from POST /complaints/attachments, in display order */
  attachmentIds?: string[]
}

export interface ComplaintAttachmentView {
  id: string
  mimeType: string
  sizeBytes: number
}

export interface ComplaintTimelineItem extends TimelineEntry {
  /** the staff member (X-Staff-Name) who took a staff step; staff views only */
  staffName?: string | null
}

export interface ComplaintView {
  id: string
  title: string
  description: string
  anonymous: boolean
  /** masked, e.g. 138****8000; null for anonymous cases */
  contactPhoneMasked: string | null
  location: ComplaintLocationInput | null
  statusLabel: string
  case: ComplaintCase
  sla: SlaStatus & { text: string }
  timeline: ComplaintTimelineItem[]
  attachments: ComplaintAttachmentView[]
  /** what the viewer (submitter or staff) may do next */
  availableActions: ComplaintActionType[]
  createdAt: string
  /** anonymous cases only, and only in the response to the submission itself */
  queryCode?: string
}

export interface ComplaintListResponse {
  items: ComplaintView[]
}

export interface AttachmentUploadResponse {
  attachmentId: string
  mimeType: string
  sizeBytes: number
}

export interface SuperviseResponse {
  supervised: string[]
}
