import { COMPLAINT_STATE_LABELS } from '../../src/domain/complaints/complaintCase'
import { actionTypesOf } from '../../src/domain/complaints/stateMachine'
import { MAX_PHOTOS } from '../../src/domain/complaints/validation'

/**
 * Shapes only: the limits a person can break (lengths, phone, category, location) are checked by
 * complaintInputProblems and answered field by field; these caps keep absurd payloads out early.
 */
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const

export const complaintSubmitSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['category', 'title', 'description', 'anonymous'],
  properties: {
    category: text(32),
    title: text(500),
    description: text(10_000),
    anonymous: { type: 'boolean' },
    contactPhone: { type: ['string', 'null'], maxLength: 32 },
    // A map point (both coordinates) or a place typed as text (address alone, coordinates null or absent).
    location: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['address'],
      properties: {
        latitude: { type: ['number', 'null'] },
        longitude: { type: ['number', 'null'] },
        address: text(1000),
      },
    },
    concernedParty: { type: ['string', 'null'], maxLength: 1000 },
    attachmentIds: {
      type: 'array',
      maxItems: MAX_PHOTOS,
      uniqueItems: true,
      items: { type: 'string', format: 'uuid' },
    },
  },
} as const

export const complaintIdParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['complaintId'],
  properties: { complaintId: { type: 'string', format: 'uuid' } },
} as const

export const attachmentParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['complaintId', 'attachmentId'],
  properties: { complaintId: { type: 'string', format: 'uuid' }, attachmentId: { type: 'string', format: 'uuid' } },
} as const

export const submitterActionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: { type: 'string', enum: actionTypesOf('submitter') },
    addition: text(10_000),
    level: text(32),
    comment: text(10_000),
  },
} as const

export const staffActionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: { type: 'string', enum: actionTypesOf('staff') },
    category: text(32),
    department: text(1000),
    question: text(10_000),
    answer: text(10_000),
    note: text(10_000),
  },
} as const

export const staffListQuerystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    state: { type: 'string', enum: Object.keys(COMPLAINT_STATE_LABELS) },
    overdue: { type: 'string', enum: ['true', 'false'] },
  },
} as const

export const superviseBodySchema = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { now: { type: 'string', format: 'date-time' } },
} as const
