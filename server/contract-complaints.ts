import type { ComplaintCase, ComplaintActionType, TimelineEntry } from '../src/domain/complaints/complaintCase'
import type { SlaStatus } from '../src/domain/complaints/sla'
import type { ComplaintLimits } from '../src/domain/complaints/categories'

/** 有诉即办: what the complaint endpoints take and return. */

/**
 * Where the problem is: a map point (both coordinates, GCJ-02, with its address) or a place typed
 * as text (the address alone; coordinates absent or null).
 */
export interface ComplaintLocationInput {
  latitude?: number | null
  longitude?: number | null
  address: string
}

/** The location as answered: coordinates are null for a place typed as text. */
export interface ComplaintLocationView {
  latitude: number | null
  longitude: number | null
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
  /** the department or enterprise the complaint concerns (at most 100 characters); optional */
  concernedParty?: string | null
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
  location: ComplaintLocationView | null
  /** the department or enterprise the complaint concerns, as the submitter named it */
  concernedParty: string | null
  statusLabel: string
  case: ComplaintCase
  sla: SlaStatus & { text: string }
  /**
   * the limits the case keeps from its submission (a later change of the city's table applies to
   * new cases only); the app recomputes the countdown with them (rulesForCase)
   */
  limits: ComplaintLimits
  timeline: ComplaintTimelineItem[]
  attachments: ComplaintAttachmentView[]
  /** what the viewer (submitter or staff) may do next */
  availableActions: ComplaintActionType[]
  createdAt: string
  /**
   * anonymous cases only, and only in the answer to the submission itself — including an
   * idempotent replay of it (same Idempotency-Key and body), so a retry after a lost answer gets it
   */
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
