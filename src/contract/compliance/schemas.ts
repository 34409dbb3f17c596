/**
 * 合规日历 wire types and schemas (issue #14). Server-side at runtime; the app: `import type` only.
 * The response schemas are allow-lists (docs/architecture.md); they are the JSON Schemas the routes
 * had before the contract (#13), typed here with the wire types through `Type.Unsafe`.
 */
import { Type, type Static } from 'typebox'
import { COMPLIANCE_KINDS } from '../../domain/compliance/reminderOffsets'
import { Binary, DateTime } from '../common'
import type { OperationSchemas } from '../endpoint'
import type { ComplianceKind } from '../../domain/compliance/item'
import type { PenaltyField } from '../../domain/compliance/creditRepair'
import type { RegisteredEntityType } from '../../domain/compliance/annualReport'
import type { TaxSettings } from '../../domain/compliance/taxFiling'

/** The domain's kinds plus the licence deadlines of 许证闹钟. */
export type TimelineKind = ComplianceKind | 'licence'

/** Where an item opens: its own record, or the 年报/税务/信用修复 detail page. */
export type TimelineSource =
  | { type: 'licence'; id: string }
  | { type: 'policy'; id: string }
  | { type: 'complaint'; id: string }
  | { type: 'detail' }

export interface TimelineItem {
  /** Stable per deadline and enterprise: the ComplianceItem's sourceId, or `licence:<id>:<deadline>`. */
  key: string
  kind: TimelineKind
  enterpriseId: string
  enterpriseName: string
  title: string
  opensOn: string | null
  dueDate: string
  /** The day that matters on the calendar: the due date, or for 信用修复 the earliest application day. */
  date: string
  estimated: boolean
  countsWorkingDays: boolean
  /** From today to `date`: working days when countsWorkingDays, else calendar days; negative when past. */
  daysRemaining: number
  state: 'open' | 'snoozed'
  snoozedUntil: string | null
  reminders: string[]
  legalBasis: string
  source: TimelineSource
}

export interface EnterpriseCount {
  enterpriseId: string
  enterpriseName: string
  count: number
}

export interface TimelineResponse {
  asOf: string
  from: string
  to: string
  /** Most urgent first: by date, then kind. Done items are not listed. */
  items: TimelineItem[]
  /** Per enterprise the caller may see (zero included), over the listed items. */
  enterprises: EnterpriseCount[]
}

export interface PenaltyView {
  id: string
  decidedOn: string
  field: PenaltyField
  fieldName: string
  simpleProcedure: boolean
  decisionNumber: string | null
  published: boolean
  minimumDisplayEndsOn: string | null
  /** The day 信用修复 can first be applied for. */
  earliestApplyOn: string | null
  maximumDisplayEndsOn: string | null
}

export interface PenaltyInput {
  decidedOn: string
  field: PenaltyField
  simpleProcedure: boolean
  decisionNumber?: string
}

export interface ComplianceSettingsView {
  entityType: RegisteredEntityType
  /** null until the owner fills them in: no tax items then. */
  tax: TaxSettings | null
  penalties: PenaltyView[]
  /** Report years marked 已报送. */
  annualReportsFiled: number[]
}

export interface ComplianceSettingsInput {
  entityType: RegisteredEntityType
  tax: TaxSettings | null
}

export interface AnnualReportRemindersView {
  windowYear: number
  days: string[]
  /** false while the defaults apply */
  custom: boolean
}

export interface AnnualReportFollowUpEntry {
  enterpriseId: string
  enterpriseName: string
  uscc: string
  reportYear: number
  contactPhoneMasked: string | null
}

const enterpriseIdSchema = { type: 'string', format: 'uuid', maxLength: 36 } as const

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

const yearParamLoose = <N extends string>(name: N) =>
  ({
    type: 'object',
    required: ['enterpriseId', name],
    additionalProperties: false,
    properties: { enterpriseId: enterpriseIdSchema, [name]: { type: 'string', maxLength: 4 } },
  }) as const

const enterpriseIdParams = {
  type: 'object',
  required: ['enterpriseId'],
  additionalProperties: false,
  properties: { enterpriseId: enterpriseIdSchema },
} as const

const itemParams = {
  type: 'object',
  required: ['enterpriseId', 'itemKey'],
  additionalProperties: false,
  properties: { enterpriseId: enterpriseIdSchema, itemKey: { type: 'string', minLength: 1, maxLength: 200 } },
} as const

const penaltyParams = {
  type: 'object',
  required: ['enterpriseId', 'penaltyId'],
  additionalProperties: false,
  properties: { enterpriseId: enterpriseIdSchema, penaltyId: { type: 'string', format: 'uuid' } },
} as const

export interface TimelineQuery {
  from?: string
  to?: string
  /** comma-separated kinds; default all */
  kinds?: string
}

const U = Type.Unsafe
const EnterpriseParams = U<{ enterpriseId: string }>(enterpriseIdParams)
const YearParams = <N extends string>(name: N) =>
  U<{ enterpriseId: string } & { [K in N]: string }>(yearParamLoose(name))
const Timeline = U<TimelineResponse>(timelineResponseSchema)
const Settings = U<ComplianceSettingsView>(settingsViewSchema)
const Reminders = U<AnnualReportRemindersView>(remindersViewSchema)
const NoContent = { 204: Type.Null() }

// --- 合规提醒 settings (issue #14 item 10) ---

const KIND_LABELS: Record<ComplianceKind, string> = {
  'annual-report': '年报',
  'tax-filing': '纳税申报',
  'credit-repair': '信用修复',
  'policy-window': '政策申报',
  complaint: '诉求',
}

/**
 * GET/PUT /api/v1/me/compliance-reminder-settings: which kinds of compliance deadline remind the
 * user (合规提醒: 年报、纳税申报、信用修复、政策申报、诉求), every kind on until switched off. The
 * channels are those of the reminder settings (/me/reminder-settings); the inbox always. A PUT
 * gives every kind.
 */
export const ComplianceReminderSettings = Type.Object(
  {
    kinds: U<Record<ComplianceKind, boolean>>({
      type: 'object',
      required: [...COMPLIANCE_KINDS],
      additionalProperties: false,
      properties: Object.fromEntries(
        COMPLIANCE_KINDS.map((kind) => [kind, { type: 'boolean', description: `${KIND_LABELS[kind]}提醒` }]),
      ),
    }),
  },
  { additionalProperties: false },
)
export type ComplianceReminderSettings = Static<typeof ComplianceReminderSettings>

// --- 订阅到日历 (calendar feeds) ---

/** What a feed covers: one enterprise (its id) or every enterprise the user may act for. */
export type CalendarFeedScope = 'all' | string

// Either case, as every other id in a path (the handlers lower-case it).
const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'
const ScopeParams = Type.Object(
  {
    scope: U<CalendarFeedScope>({
      type: 'string',
      maxLength: 36,
      pattern: `^(all|${UUID_PATTERN})$`,
      description: 'all，或企业 id',
    }),
  },
  { additionalProperties: false },
)

const feedViewFields = { scope: U<CalendarFeedScope>({ type: 'string' }), createdAt: DateTime() }

export const CalendarFeedView = Type.Object(feedViewFields, { additionalProperties: false })
export type CalendarFeedView = Static<typeof CalendarFeedView>

export const CalendarFeedList = Type.Object({ feeds: Type.Array(CalendarFeedView) }, { additionalProperties: false })
export type CalendarFeedList = Static<typeof CalendarFeedList>

/** Answered once, when the feed is created or regenerated: only a hash of the token is kept. */
export const CalendarFeedCreated = Type.Object(
  {
    ...feedViewFields,
    /** https://…/calendar/feed/<token>.ics */
    httpsUrl: Type.String(),
    /** the same address as webcal://, which calendar apps open as a subscription */
    webcalUrl: Type.String(),
  },
  { additionalProperties: false },
)
export type CalendarFeedCreated = Static<typeof CalendarFeedCreated>

/** The schemas of each compliance operation, by the operation's name in ./endpoints.ts. */
export const ops = {
  getTimeline: {
    params: EnterpriseParams,
    query: U<TimelineQuery>(timelineQuerystring),
    response: { 200: Timeline },
  },
  getMyTimeline: {
    query: U<TimelineQuery & { enterpriseId?: string }>(meTimelineQuerystring),
    response: { 200: Timeline },
  },
  getSettings: { params: EnterpriseParams, response: { 200: Settings } },
  saveSettings: {
    params: EnterpriseParams,
    body: U<ComplianceSettingsInput>(settingsInputSchema),
    response: { 200: Settings },
  },
  addPenalty: {
    params: EnterpriseParams,
    body: U<PenaltyInput>(penaltyInputSchema),
    response: { 201: U<PenaltyView>(penaltyViewSchema) },
  },
  deletePenalty: {
    params: U<{ enterpriseId: string; penaltyId: string }>(penaltyParams),
    response: NoContent,
  },
  markReportFiled: { params: YearParams('reportYear'), response: NoContent },
  unmarkReportFiled: { params: YearParams('reportYear'), response: NoContent },
  getReportReminders: { params: YearParams('windowYear'), response: { 200: Reminders } },
  saveReportReminders: {
    params: YearParams('windowYear'),
    body: U<{ days: string[] }>(remindersInputSchema),
    response: { 200: Reminders },
  },
  resetReportReminders: { params: YearParams('windowYear'), response: { 200: Reminders } },
  setItemState: {
    params: U<{ enterpriseId: string; itemKey: string }>(itemParams),
    body: U<{ state: 'done' | 'snoozed'; until?: string }>(itemStateInputSchema),
    response: NoContent,
  },
  clearItemState: {
    params: U<{ enterpriseId: string; itemKey: string }>(itemParams),
    response: NoContent,
  },
  annualReportFollowUp: {
    query: U<{ date?: string; format?: 'json' | 'csv' }>({
      type: 'object',
      additionalProperties: false,
      properties: {
        date: { type: 'string', format: 'date', description: '默认今天（中国时间）' },
        format: { type: 'string', enum: ['json', 'csv'] },
      },
    }),
    response: { 200: U<AnnualReportFollowUpEntry[]>({ type: 'array', items: followUpEntrySchema }) },
  },
  // 合规提醒 settings
  getComplianceReminderSettings: { response: { 200: ComplianceReminderSettings } },
  saveComplianceReminderSettings: { body: ComplianceReminderSettings, response: { 200: ComplianceReminderSettings } },
  // 订阅到日历: the user's feeds, and the feed itself (outside /api/v1: calendar apps read it with the link's token)
  listCalendarFeeds: { response: { 200: CalendarFeedList } },
  createCalendarFeed: {
    errors: ['CALENDAR_FEED_UNAVAILABLE'],
    params: ScopeParams,
    response: { 201: CalendarFeedCreated },
  },
  deleteCalendarFeed: { errors: ['CALENDAR_FEED_NOT_FOUND'], params: ScopeParams, response: NoContent },
  getCalendarFeed: {
    errors: ['CALENDAR_FEED_NOT_FOUND', 'RATE_LIMITED'],
    params: Type.Object({ file: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
    /** iCalendar text (gzipped for a client that takes it); 304 when the client's ETag is current. */
    response: {
      200: Binary('text/calendar', 'iCalendar（RFC 5545）'),
      304: Type.Null({ description: '未变化：If-None-Match 与当前 ETag 相同' }),
    },
  },
} satisfies { [name: string]: OperationSchemas }
