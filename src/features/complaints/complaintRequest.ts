import type { ComplaintLocationInput, ComplaintSubmitRequest } from '../../contract/complaints/schemas'
import {
  complaintInputProblems,
  normaliseConcernedParty,
  normalisePhone,
  type ComplaintField,
} from '../../domain/complaints/validation'
import type { ComplaintDraft } from './draftStore'

export type DraftField = Exclude<ComplaintField, 'location' | 'concernedParty'> | 'place' | 'concerned'

/** The place as typed (no map point): the address alone, or none when blank. */
function typedLocation(draft: ComplaintDraft): ComplaintLocationInput | null {
  const place = draft.place.trim()
  return place ? { address: place } : null
}

/** Field → Chinese message, by the server's own rules (src/domain/complaints/validation). */
export function draftProblems(draft: ComplaintDraft): Partial<Record<DraftField, string>> {
  const { location, concernedParty, ...rest } = complaintInputProblems({
    category: draft.category,
    title: draft.title,
    description: draft.description,
    photos: draft.photos.map(({ mimeType, sizeBytes }) => ({ mimeType, sizeBytes })),
    anonymous: draft.anonymous,
    contactPhone: draft.anonymous ? null : draft.contactPhone,
    location: typedLocation(draft),
    concernedParty: draft.concerned,
  })
  const problems: Partial<Record<DraftField, string>> = rest
  if (location) problems.place = location
  if (concernedParty) problems.concerned = concernedParty
  if (!problems.photos) {
    if (draft.photos.some((p) => p.error !== null)) problems.photos = '有照片未能上传，请重试或删除'
    else if (draft.photos.some((p) => p.attachmentId === null)) problems.photos = '照片正在上传，请稍候'
  }
  return problems
}

/** The body POST /complaints takes for this draft. */
export function submitRequest(draft: ComplaintDraft): ComplaintSubmitRequest {
  return {
    category: draft.category,
    title: draft.title.trim(),
    description: draft.description.trim(),
    anonymous: draft.anonymous,
    contactPhone: draft.anonymous ? null : normalisePhone(draft.contactPhone.trim()),
    location: typedLocation(draft),
    concernedParty: normaliseConcernedParty(draft.concerned),
    attachmentIds: draft.photos.map((p) => p.attachmentId).filter((id): id is string => id !== null),
  }
}
