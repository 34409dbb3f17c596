/** JSON schemas of 合规日历's routes; the response schemas are allow-lists (docs/architecture.md). */
import { enterpriseIdSchema } from '../auth/enterprise-access'

const date = { type: 'string', format: 'date' } as const
const nullableDate = { type: ['string', 'null'], format: 'date' } as const

export const KIND_LIST_PATTERN =
  '^(licence|annual-report|tax-filing|credit-repair|policy-window|complaint)(,(licence|annual-report|tax-filing|credit-repair|policy-window|complaint))*$'

export const timelineQuerystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { ...date, description: '默认今天（中国时间）' },
    to: { ...date, description: '默认 from 后 30 天；跨度不超过 400 天' },
    kinds: { type: 'string', maxLength: 120, pattern: KIND_LIST_PATTERN, description: '逗号分隔；默认全部' },
  },
} as const

export const meTimelineQuerystring = {
  type: 'object',
  additionalProperties: false,
  properties: { ...timelineQuerystring.properties, enterpriseId: enterpriseIdSchema },
} as const

const timelineItemSchema = {
  type: 'object',
  required: [
    'key',
    'kind',
    'enterpriseId',
    'enterpriseName',
    'title',
    'opensOn',
    'dueDate',
    'date',
    'estimated',
    'countsWorkingDays',
    'daysRemaining',
    'state',
    'snoozedUntil',
    'reminders',
    'legalBasis',
    'source',
  ],
  additionalProperties: false,
  properties: {
    key: { type: 'string' },
    kind: { type: 'string' },
    enterpriseId: { type: 'string', format: 'uuid' },
    enterpriseName: { type: 'string' },
    title: { type: 'string' },
    opensOn: nullableDate,
    dueDate: date,
    date,
    estimated: { type: 'boolean' },
    countsWorkingDays: { type: 'boolean' },
    daysRemaining: { type: 'integer' },
    state: { type: 'string', enum: ['open', 'snoozed'] },
    snoozedUntil: nullableDate,
    reminders: { type: 'array', items: date },
    legalBasis: { type: 'string' },
    source: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { type: 'string', enum: ['licence', 'policy', 'complaint', 'detail'] },
        id: { type: 'string' },
      },
    },
  },
} as const

export const timelineResponseSchema = {
  type: 'object',
  required: ['asOf', 'from', 'to', 'items', 'enterprises'],
  additionalProperties: false,
  properties: {
    asOf: date,
    from: date,
    to: date,
    items: { type: 'array', items: timelineItemSchema },
    enterprises: {
      type: 'array',
      items: {
        type: 'object',
        required: ['enterpriseId', 'enterpriseName', 'count'],
        additionalProperties: false,
        properties: {
          enterpriseId: { type: 'string', format: 'uuid' },
          enterpriseName: { type: 'string' },
          count: { type: 'integer' },
        },
      },
    },
  },
} as const

const taxSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    vatPayer: { type: 'string' },
    hasEmployees: { type: 'boolean' },
    corporateIncomeTax: { type: 'boolean' },
    financialStatements: { type: 'string' },
  },
} as const

/** Loose on purpose: the domain's taxSettingsProblems decides and words the 400. */
export const settingsInputSchema = {
  type: 'object',
  required: ['entityType', 'tax'],
  additionalProperties: false,
  properties: {
    entityType: { type: 'string', enum: ['enterprise', 'individual-business', 'cooperative'] },
    tax: { anyOf: [{ type: 'null' }, { type: 'object' }] },
  },
} as const

export const penaltyViewSchema = {
  type: 'object',
  required: [
    'id',
    'decidedOn',
    'field',
    'fieldName',
    'simpleProcedure',
    'decisionNumber',
    'published',
    'minimumDisplayEndsOn',
    'earliestApplyOn',
    'maximumDisplayEndsOn',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid' },
    decidedOn: date,
    field: { type: 'string' },
    fieldName: { type: 'string' },
    simpleProcedure: { type: 'boolean' },
    decisionNumber: { type: ['string', 'null'] },
    published: { type: 'boolean' },
    minimumDisplayEndsOn: nullableDate,
    earliestApplyOn: nullableDate,
    maximumDisplayEndsOn: nullableDate,
  },
} as const

export const settingsViewSchema = {
  type: 'object',
  required: ['entityType', 'tax', 'penalties', 'annualReportsFiled'],
  additionalProperties: false,
  properties: {
    entityType: { type: 'string' },
    tax: { anyOf: [{ type: 'null' }, taxSettingsSchema] },
    penalties: { type: 'array', items: penaltyViewSchema },
    annualReportsFiled: { type: 'array', items: { type: 'integer' } },
  },
} as const

/** Loose on purpose: penaltyRecordProblems decides and words the 400. */
export const penaltyInputSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    decidedOn: { type: 'string', maxLength: 10 },
    field: { type: 'string', maxLength: 32 },
    simpleProcedure: {},
    decisionNumber: { type: 'string', minLength: 1, maxLength: 64 },
  },
} as const

export const itemStateInputSchema = {
  type: 'object',
  required: ['state'],
  additionalProperties: false,
  properties: {
    state: { type: 'string', enum: ['done', 'snoozed'] },
    until: { ...date, description: '稍后提醒的日期（state=snoozed 时必填）' },
  },
} as const

export const remindersViewSchema = {
  type: 'object',
  required: ['windowYear', 'days', 'custom'],
  additionalProperties: false,
  properties: { windowYear: { type: 'integer' }, days: { type: 'array', items: date }, custom: { type: 'boolean' } },
} as const

export const remindersInputSchema = {
  type: 'object',
  required: ['days'],
  additionalProperties: false,
  properties: { days: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 10 } } },
} as const

export const followUpEntrySchema = {
  type: 'object',
  required: ['enterpriseId', 'enterpriseName', 'uscc', 'reportYear', 'contactPhoneMasked'],
  additionalProperties: false,
  properties: {
    enterpriseId: { type: 'string', format: 'uuid' },
    enterpriseName: { type: 'string' },
    uscc: { type: 'string' },
    reportYear: { type: 'integer' },
    contactPhoneMasked: { type: ['string', 'null'] },
  },
} as const
