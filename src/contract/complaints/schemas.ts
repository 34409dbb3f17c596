/**
 * 有诉即办 wire schemas: submission, the submitter's cases and steps, the anonymous query code, the
 * 12345 workbench and the city's complaint rules. Server-side at runtime; the app: `import type`
 * only. As every response schema, they are the serializer's allow-lists: what is not listed is not
 * sent. The case itself, its SLA and its limits are the domain's (src/domain/complaints) and are
 * sent as the domain builds them.
 */

import { Type, type Static } from 'typebox'
import { COMPLAINT_CATEGORY_CODES, type ComplaintLimits, type ComplaintRules } from '../../domain/complaints/categories'
import {
  COMPLAINT_STATE_LABELS,
  type ComplaintActionType,
  type ComplaintCase,
  type ComplaintState,
  type TimelineEntry,
} from '../../domain/complaints/complaintCase'
import type { SlaStatus } from '../../domain/complaints/sla'
import { actionTypesOf } from '../../domain/complaints/stateMachine'
import { MAX_PHOTOS } from '../../domain/complaints/validation'
import { Binary, DateTime, Nullable, StringEnum, Uuid } from '../common'
import type { OperationSchemas } from '../endpoint'

/**
 * Shapes only: the limits a person can break (lengths, phone, category, location) are checked by
 * complaintInputProblems and answered field by field; these caps keep absurd payloads out early.
 */
const text = (maxLength: number) => Type.String({ maxLength })

/**
 * Where the problem is: a map point (both coordinates, GCJ-02, with its address) or a place typed
 * as text (the address alone; coordinates absent or null).
 */
export const ComplaintLocationInput = Type.Object(
  {
    latitude: Type.Optional(Nullable(Type.Number())),
    longitude: Type.Optional(Nullable(Type.Number())),
    address: text(1000),
  },
  { additionalProperties: false },
)
export type ComplaintLocationInput = Static<typeof ComplaintLocationInput>

export const ComplaintSubmitRequest = Type.Object(
  {
    category: text(32),
    title: text(500),
    description: text(10_000),
    anonymous: Type.Boolean(),
    /** required for real-name cases, absent or null for anonymous ones */
    contactPhone: Type.Optional(Nullable(text(32))),
    location: Type.Optional(Nullable(ComplaintLocationInput)),
    /** the department or enterprise the complaint concerns (at most 100 characters); optional */
    concernedParty: Type.Optional(Nullable(text(1000))),
    /** ids from POST /complaints/attachments, in display order */
    attachmentIds: Type.Optional(Type.Array(Uuid(), { maxItems: MAX_PHOTOS, uniqueItems: true })),
  },
  { additionalProperties: false },
)
export type ComplaintSubmitRequest = Static<typeof ComplaintSubmitRequest>

/** The location as answered: coordinates are null for a place typed as text. */
export const ComplaintLocationView = Type.Object(
  {
    latitude: Nullable(Type.Number()),
    longitude: Nullable(Type.Number()),
    address: Type.String(),
  },
  { additionalProperties: false },
)
export type ComplaintLocationView = Static<typeof ComplaintLocationView>

export const ComplaintAttachmentView = Type.Object(
  { id: Type.String(), mimeType: Type.String(), sizeBytes: Type.Integer() },
  { additionalProperties: false },
)
export type ComplaintAttachmentView = Static<typeof ComplaintAttachmentView>

/** A domain object sent as the domain builds it (its shape is the named TypeScript type). */
const domainObject = <T>(description: string) =>
  Type.Unsafe<T>({ type: 'object', additionalProperties: true, description })

export type ComplaintTimelineItem = TimelineEntry & {
  /** the staff member (X-Staff-Name) who took a staff step; staff views only */
  staffName?: string | null
}

export const ComplaintView = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    description: Type.String(),
    anonymous: Type.Boolean(),
    /** masked, e.g. 138****8000; null for anonymous cases */
    contactPhoneMasked: Nullable(Type.String()),
    location: Nullable(ComplaintLocationView),
    /** the department or enterprise the complaint concerns, as the submitter named it */
    concernedParty: Nullable(Type.String()),
    statusLabel: Type.String(),
    case: domainObject<ComplaintCase>('诉求案件（src/domain/complaints/complaintCase.ts 的 ComplaintCase）'),
    sla: domainObject<SlaStatus & { text: string }>('办理时限（src/domain/complaints/sla.ts 的 SlaStatus 与说明文字）'),
    /**
     * the limits the case keeps from its submission (a later change of the city's table applies to
     * new cases only); the app recomputes the countdown with them (rulesForCase)
     */
    limits: domainObject<ComplaintLimits>('本案适用的时限（提交时确定）'),
    timeline: Type.Array(domainObject<ComplaintTimelineItem>('进展（TimelineEntry；工作台另有经办人 staffName）')),
    attachments: Type.Array(ComplaintAttachmentView),
    /** what the viewer (submitter or staff) may do next */
    availableActions: Type.Array(Type.Unsafe<ComplaintActionType>({ type: 'string' })),
    createdAt: DateTime(),
    /**
     * anonymous cases only, and only in the answer to the submission itself — including an
     * idempotent replay of it (same Idempotency-Key and body), so a retry after a lost answer gets it
     */
    queryCode: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
)
export type ComplaintView = Static<typeof ComplaintView>

export const ComplaintListResponse = Type.Object({ items: Type.Array(ComplaintView) }, { additionalProperties: false })
export type ComplaintListResponse = Static<typeof ComplaintListResponse>

export const AttachmentUploadResponse = Type.Object(
  { attachmentId: Type.String(), mimeType: Type.String(), sizeBytes: Type.Integer() },
  { additionalProperties: false },
)
export type AttachmentUploadResponse = Static<typeof AttachmentUploadResponse>

export const SuperviseResponse = Type.Object({ supervised: Type.Array(Type.String()) }, { additionalProperties: false })
export type SuperviseResponse = Static<typeof SuperviseResponse>

/** The city's complaint rules as they apply to new cases: categories with their limits, and 回访. */
export const ComplaintRulesView = Type.Unsafe<ComplaintRules>(
  Type.Object(
    {
      categories: Type.Array(
        Type.Object(
          {
            code: StringEnum(COMPLAINT_CATEGORY_CODES),
            name: Type.String(),
            timeLimitWorkingDays: Type.Integer(),
          },
          { additionalProperties: false },
        ),
      ),
      returnVisit: Type.Object(
        { callBackWorkingDays: Type.Integer(), rectifyWorkingDays: Type.Integer() },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
)
export type ComplaintRulesView = ComplaintRules

export const ComplaintIdParams = Type.Object({ complaintId: Uuid() }, { additionalProperties: false })
export const AttachmentParams = Type.Object(
  { complaintId: Uuid(), attachmentId: Uuid() },
  { additionalProperties: false },
)

export const SubmitterActionBody = Type.Object(
  {
    type: StringEnum(actionTypesOf('submitter')),
    addition: Type.Optional(text(10_000)),
    level: Type.Optional(text(32)),
    comment: Type.Optional(text(10_000)),
  },
  { additionalProperties: false },
)

export const StaffActionBody = Type.Object(
  {
    type: StringEnum(actionTypesOf('staff')),
    category: Type.Optional(text(32)),
    department: Type.Optional(text(1000)),
    question: Type.Optional(text(10_000)),
    answer: Type.Optional(text(10_000)),
    note: Type.Optional(text(10_000)),
  },
  { additionalProperties: false },
)

export const StaffListQuery = Type.Object(
  {
    state: Type.Optional(StringEnum(Object.keys(COMPLAINT_STATE_LABELS) as ComplaintState[])),
    overdue: Type.Optional(StringEnum(['true', 'false'] as const)),
  },
  { additionalProperties: false },
)

export const SuperviseBody = Type.Unsafe<{ now?: string } | null>({
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { now: { type: 'string', format: 'date-time' } },
})

/** A stored photo: the image bytes themselves, with their type (never JSON). */
const Photo = Binary(['image/jpeg', 'image/png', 'image/webp'], '图片本身（image/jpeg、image/png 或 image/webp）')

/** The schemas of each complaints operation, by the operation's name in ./endpoints.ts. */
export const ops = {
  getComplaintRules: { response: { 200: ComplaintRulesView } },
  uploadComplaintPhoto: { response: { 201: AttachmentUploadResponse } },
  submitComplaint: { body: ComplaintSubmitRequest, response: { 200: ComplaintView, 201: ComplaintView } },
  listComplaints: { response: { 200: ComplaintListResponse } },
  getComplaint: { params: ComplaintIdParams, response: { 200: ComplaintView } },
  takeComplaintAction: { params: ComplaintIdParams, body: SubmitterActionBody, response: { 200: ComplaintView } },
  getComplaintPhoto: { params: AttachmentParams, response: { 200: Photo } },
  getComplaintByCode: {
    params: Type.Object({ code: Type.String({ maxLength: 32 }) }, { additionalProperties: false }),
    response: { 200: ComplaintView },
  },
  // 12345 工作台 (admin key)
  staffListComplaints: { query: StaffListQuery, response: { 200: ComplaintListResponse } },
  staffGetComplaint: { params: ComplaintIdParams, response: { 200: ComplaintView } },
  staffTakeAction: { params: ComplaintIdParams, body: StaffActionBody, response: { 200: ComplaintView } },
  staffGetComplaintPhoto: { params: AttachmentParams, response: { 200: Photo } },
  superviseComplaints: { body: SuperviseBody, response: { 200: SuperviseResponse } },
} satisfies { [name: string]: OperationSchemas }
