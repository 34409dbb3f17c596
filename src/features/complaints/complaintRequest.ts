import type { ComplaintSubmitRequest } from '../../../server/contract-complaints'
import {
  characterCount,
  complaintInputProblems,
  DESCRIPTION_MAX_CHARS,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  normalisePhone,
  PHOTO_TYPES,
  type ComplaintField,
} from '../../domain/complaints/validation'
import type { ComplaintDraft } from './draftStore'

export type DraftField = ComplaintField | 'place' | 'concerned'

const MAX_EXTRA_CHARS = 50

/**
 * The description as sent: the text, then where and whom it concerns. The API has no fields for a
 * typed place (its location needs map coordinates) or the department concerned, so they travel
 * as labelled lines that staff read with the rest.
 */
export function composedDescription(draft: ComplaintDraft): string {
  const lines = [draft.description.trim()]
  const place = draft.place.trim()
  const concerned = draft.concerned.trim()
  if (place || concerned) lines.push('')
  if (place) lines.push(`【地点】${place}`)
  if (concerned) lines.push(`【涉及部门或企业】${concerned}`)
  return lines.join('\n')
}

/** Why a picked photo cannot be sent, checked before uploading (the server checks again). */
export function photoProblem(photo: { mimeType: string; sizeBytes: number }): string | null {
  if (!PHOTO_TYPES.includes(photo.mimeType)) return '格式不支持，请上传 JPG、PNG 或 WebP 图片'
  if (!Number.isFinite(photo.sizeBytes) || photo.sizeBytes <= 0) return '无法读取，请重新选择'
  if (photo.sizeBytes > MAX_PHOTO_BYTES) return '超过 5 MB，请压缩后再上传'
  return null
}

/** Field → Chinese message, by the server's own rules (src/domain/complaints/validation). */
export function draftProblems(draft: ComplaintDraft): Partial<Record<DraftField, string>> {
  const problems: Partial<Record<DraftField, string>> = complaintInputProblems({
    category: draft.category,
    title: draft.title,
    description: draft.description,
    photos: draft.photos.map(({ mimeType, sizeBytes }) => ({ mimeType, sizeBytes })),
    anonymous: draft.anonymous,
    contactPhone: draft.anonymous ? null : draft.contactPhone,
    location: null,
  })
  if (!problems.description && characterCount(composedDescription(draft)) > DESCRIPTION_MAX_CHARS)
    problems.description = `诉求内容连同地点、涉及部门不能超过 ${DESCRIPTION_MAX_CHARS} 个字`
  if (characterCount(draft.place.trim()) > MAX_EXTRA_CHARS) problems.place = `地点不能超过 ${MAX_EXTRA_CHARS} 个字`
  if (characterCount(draft.concerned.trim()) > MAX_EXTRA_CHARS)
    problems.concerned = `涉及部门或企业不能超过 ${MAX_EXTRA_CHARS} 个字`
  if (!problems.photos) {
    if (draft.photos.length > MAX_PHOTOS) problems.photos = `最多上传 ${MAX_PHOTOS} 张照片`
    else if (draft.photos.some((p) => p.error !== null)) problems.photos = '有照片未能上传，请重试或删除'
    else if (draft.photos.some((p) => p.attachmentId === null)) problems.photos = '照片正在上传，请稍候'
  }
  return problems
}

/** The body POST /complaints takes for this draft. */
export function submitRequest(draft: ComplaintDraft): ComplaintSubmitRequest {
  return {
    category: draft.category,
    title: draft.title.trim(),
    description: composedDescription(draft),
    anonymous: draft.anonymous,
    contactPhone: draft.anonymous ? null : normalisePhone(draft.contactPhone.trim()),
    location: null,
    attachmentIds: draft.photos.map((p) => p.attachmentId).filter((id): id is string => id !== null),
  }
}
