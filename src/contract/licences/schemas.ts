/**
 * 许证闹钟 wire schemas (licences, the type catalogue, admin import and follow-up). Server-side at
 * runtime; the app: `import type` only. As every response schema, they are the serializer's
 * allow-lists: what is not listed is not sent. Dates are 'YYYY-MM-DD' (China calendar days);
 * instants are ISO timestamps.
 */

import { Type, type Static } from 'typebox'
import { LICENCE_STATUSES } from '../../domain/licences/status'
import { DateTime, EnterpriseIdParams, IdParam, IsoDay, Nullable, StringEnum, Uuid } from '../common'
import type { OperationSchemas } from '../endpoint'

export type { LicenceStatus } from '../../domain/licences/status'

/** The statuses, from the domain's one list. */
export const LicenceStatusSchema = StringEnum(LICENCE_STATUSES)

/** One entry of the (city-merged) catalogue, as the type picker and detail screen show it. */
export const LicenceTypeView = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    authorityLabel: Type.String(),
    validityYears: Nullable(Type.Integer()),
    leadRuleText: Type.String({ description: '如「有效期届满30日前」' }),
    procedureLabel: Type.String(),
    materials: Type.Array(Type.String()),
    applyAt: Type.String(),
    source: Type.String(),
  },
  { additionalProperties: false },
)
export type LicenceTypeView = Static<typeof LicenceTypeView>

export const ReplaceLicenceTypesBody = Type.Object(
  {
    // Each entry is checked by the catalogue (server/capabilities/licences/catalogue-store.ts), not here.
    types: Type.Array(Type.Unsafe<Record<string, unknown>>({ type: 'object' }), {
      maxItems: 500,
      description: '本市配置的全部条目（整体替换）；每条的字段由目录校验',
    }),
  },
  { additionalProperties: false },
)

/** What the user types to add or edit a licence (dates are checked by the rules, not the schema). */
export const LicenceInput = Type.Object(
  {
    typeCode: Type.String({ maxLength: 64 }),
    number: Type.String({ maxLength: 200 }),
    authority: Type.String({ maxLength: 200 }),
    issuedOn: Type.String({ maxLength: 32 }),
    expiresOn: Type.String({ maxLength: 32 }),
    scope: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
)
export type LicenceInput = Static<typeof LicenceInput>

export const RenewedLicenceInput = Type.Object(
  {
    number: Type.String({ maxLength: 200 }),
    issuedOn: Type.String({ maxLength: 32 }),
    expiresOn: Type.String({ maxLength: 32 }),
  },
  { additionalProperties: false },
)
export type RenewedLicenceInput = Static<typeof RenewedLicenceInput>

export const LicenceHistoryEntry = Type.Object(
  {
    number: Type.String(),
    issuedOn: IsoDay(),
    expiresOn: IsoDay(),
    /** the day the new certificate replaced this one */
    replacedOn: IsoDay(),
  },
  { additionalProperties: false },
)
export type LicenceHistoryEntry = Static<typeof LicenceHistoryEntry>

export const LicenceView = Type.Object(
  {
    id: Uuid(),
    enterpriseId: Uuid(),
    typeCode: Type.String(),
    typeName: Type.String(),
    number: Type.String(),
    authority: Type.String(),
    issuedOn: IsoDay(),
    expiresOn: IsoDay(),
    scope: Nullable(Type.String()),
    renewalStartedOn: Nullable(IsoDay()),
    cancelledOn: Nullable(IsoDay()),
    /** as of `asOf` (today in China when the server answered) */
    status: LicenceStatusSchema,
    statusLabel: Type.String(),
    asOf: IsoDay({ description: '按中国时间计算状态的日期' }),
    /** last day to apply for renewal (moved back to a working day if the legal date is a day off) */
    latestApplyOn: IsoDay({ description: '最晚申请续期日（遇节假日提前到最近的工作日）' }),
    legalLatestApplyOn: IsoDay({ description: '法规规定的最晚申请日' }),
    movedOffDayOff: Type.Boolean(),
    earliestApplyOn: Nullable(IsoDay()),
    daysToDeadline: Type.Integer(),
    daysToExpiry: Type.Integer(),
    /** the deadline relied on a year whose holidays are not published yet: show 「预计」 */
    estimate: Type.Boolean({ description: '依赖尚未公布的节假日安排，为预计日期' }),
    canApplyNow: Type.Boolean(),
    history: Type.Array(LicenceHistoryEntry),
    updatedAt: DateTime(),
  },
  { additionalProperties: false },
)
export type LicenceView = Static<typeof LicenceView>

/** Per status, over all of the enterprise's licences (the 工作台 card and the filter chips). */
const StatusCounts = Type.Unsafe<Record<(typeof LICENCE_STATUSES)[number], number>>({
  type: 'object',
  required: [...LICENCE_STATUSES],
  additionalProperties: false,
  properties: Object.fromEntries(LICENCE_STATUSES.map((status) => [status, { type: 'integer' }])),
})

export const LicenceListResponse = Type.Object(
  { asOf: IsoDay(), items: Type.Array(LicenceView), counts: StatusCounts },
  { additionalProperties: false },
)
export type LicenceListResponse = Static<typeof LicenceListResponse>

export const LicenceListQuery = Type.Object(
  { status: Type.Optional(LicenceStatusSchema), q: Type.Optional(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
)

export const LicenceIdParams = Type.Object({ licenceId: IdParam() }, { additionalProperties: false })

export const FollowUpEntry = Type.Object(
  {
    licenceId: Uuid(),
    enterpriseName: Type.String(),
    uscc: Type.String(),
    typeName: Type.String(),
    number: Type.String(),
    latestApplyOn: IsoDay(),
    expiresOn: IsoDay(),
    daysToDeadline: Type.Integer(),
    /** masked: staff phone the legal representative */
    contactPhoneMasked: Nullable(Type.String()),
  },
  { additionalProperties: false },
)
export type FollowUpEntry = Static<typeof FollowUpEntry>

export const FollowUpQuery = Type.Object(
  {
    date: Type.Optional(IsoDay({ description: '默认今天（中国时间）' })),
    format: Type.Optional(StringEnum(['json', 'csv'] as const)),
  },
  { additionalProperties: false },
)

export const ImportReport = Type.Object(
  {
    received: Type.Integer(),
    accepted: Type.Integer(),
    created: Type.Integer(),
    updated: Type.Integer(),
    /** accepted rows identical to what was already stored (a re-import) */
    unchanged: Type.Integer(),
    rejected: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
)
export type ImportReport = Static<typeof ImportReport>

const one = { params: LicenceIdParams, response: { 200: LicenceView } }

/** The schemas of each licences operation, by the operation's name in ./endpoints.ts. */
export const ops = {
  listLicenceTypes: { response: { 200: Type.Array(LicenceTypeView) } },
  replaceLicenceTypes: { body: ReplaceLicenceTypesBody, response: { 200: Type.Array(LicenceTypeView) } },
  listLicences: { params: EnterpriseIdParams, query: LicenceListQuery, response: { 200: LicenceListResponse } },
  createLicence: {
    errors: ['LICENCE_TYPE_UNKNOWN', 'LICENCE_DUPLICATE'],
    params: EnterpriseIdParams,
    body: LicenceInput,
    response: { 201: LicenceView },
  },
  getLicence: { ...one, errors: ['LICENCE_NOT_FOUND'] },
  updateLicence: { errors: ['LICENCE_NOT_FOUND'], ...one, body: LicenceInput },
  deleteLicence: { errors: ['LICENCE_NOT_FOUND'], params: LicenceIdParams, response: { 204: Type.Null() } },
  markRenewalStarted: { ...one, errors: ['LICENCE_NOT_FOUND', 'LICENCE_CANCELLED'] },
  undoRenewalStarted: { ...one, errors: ['LICENCE_NOT_FOUND'] },
  recordRenewal: { errors: ['LICENCE_NOT_FOUND', 'LICENCE_CANCELLED'], ...one, body: RenewedLicenceInput },
  followUp: { query: FollowUpQuery, response: { 200: Type.Array(FollowUpEntry) } },
  importLicences: { query: null, response: { 200: ImportReport } },
} satisfies { [name: string]: OperationSchemas }
