/**
 * Response schemas of 许证闹钟 (see ../contract-licences.ts). As in ./schemas.ts they are also
 * allow-lists: the serializer drops whatever is not listed.
 */

const date = { type: 'string', format: 'date' } as const
const nullableDate = { type: ['string', 'null'], format: 'date' } as const
const uuid = { type: 'string', format: 'uuid' } as const

export const LICENCE_STATUSES = [
  'valid',
  'renewal-due',
  'urgent',
  'deadline-missed',
  'expired',
  'renewing',
  'cancelled',
] as const

const licenceStatus = { type: 'string', enum: LICENCE_STATUSES } as const

/** Params schema for `/licences/:licenceId…`. */
export const licenceIdParamsSchema = {
  type: 'object',
  required: ['licenceId'],
  additionalProperties: false,
  properties: { licenceId: { type: 'string', format: 'uuid', maxLength: 36 } },
} as const

const historyEntrySchema = {
  type: 'object',
  required: ['number', 'issuedOn', 'expiresOn', 'replacedOn'],
  additionalProperties: false,
  properties: { number: { type: 'string' }, issuedOn: date, expiresOn: date, replacedOn: date },
} as const

export const licenceViewSchema = {
  type: 'object',
  required: [
    'id',
    'enterpriseId',
    'typeCode',
    'typeName',
    'number',
    'authority',
    'issuedOn',
    'expiresOn',
    'scope',
    'renewalStartedOn',
    'cancelledOn',
    'status',
    'statusLabel',
    'asOf',
    'latestApplyOn',
    'legalLatestApplyOn',
    'movedOffDayOff',
    'earliestApplyOn',
    'daysToDeadline',
    'daysToExpiry',
    'estimate',
    'canApplyNow',
    'history',
    'updatedAt',
  ],
  additionalProperties: false,
  properties: {
    id: uuid,
    enterpriseId: uuid,
    typeCode: { type: 'string' },
    typeName: { type: 'string' },
    number: { type: 'string' },
    authority: { type: 'string' },
    issuedOn: date,
    expiresOn: date,
    scope: { type: ['string', 'null'] },
    renewalStartedOn: nullableDate,
    cancelledOn: nullableDate,
    status: licenceStatus,
    statusLabel: { type: 'string' },
    asOf: { ...date, description: '按中国时间计算状态的日期' },
    latestApplyOn: { ...date, description: '最晚申请续期日（遇节假日提前到最近的工作日）' },
    legalLatestApplyOn: { ...date, description: '法规规定的最晚申请日' },
    movedOffDayOff: { type: 'boolean' },
    earliestApplyOn: nullableDate,
    daysToDeadline: { type: 'integer' },
    daysToExpiry: { type: 'integer' },
    estimate: { type: 'boolean', description: '依赖尚未公布的节假日安排，为预计日期' },
    canApplyNow: { type: 'boolean' },
    history: { type: 'array', items: historyEntrySchema },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const

const statusCountsSchema = {
  type: 'object',
  required: [...LICENCE_STATUSES],
  additionalProperties: false,
  properties: Object.fromEntries(LICENCE_STATUSES.map((status) => [status, { type: 'integer' }])),
} as const

export const licenceListSchema = {
  type: 'object',
  required: ['asOf', 'items', 'counts'],
  additionalProperties: false,
  properties: { asOf: date, items: { type: 'array', items: licenceViewSchema }, counts: statusCountsSchema },
} as const
