/**
 * JSON schemas shared by routes. Where a route declares a response schema it doubles as an
 * allow-list: Fastify's serializer drops any property not listed, so a column added later cannot
 * leak by accident. Not every route does: 29 of the 85 /api/v1 routes (every complaints and
 * policies route) have no 2xx response schema and send whatever the handler returns — issue #13
 * item 2 gives each one (see docs/architecture.md, "Wire contract").
 */

import { ENTERPRISE_ROLES } from '../../../src/domain/access/permissions'

export const errorResponses = {
  '4xx': { $ref: 'ApiError#' },
  '5xx': { $ref: 'ApiError#' },
} as const

/** For routes that take no query parameters: unknown ones are an error, not silently ignored. */
export const noQuerystring = { type: 'object', additionalProperties: false, properties: {} } as const

export const enterpriseRoleSchema = { type: 'string', enum: ENTERPRISE_ROLES } as const

const enterpriseSummaryProperties = {
  id: { type: 'string', format: 'uuid' },
  name: { type: 'string' },
  uscc: { type: 'string', description: '统一社会信用代码' },
  role: enterpriseRoleSchema,
} as const

export const enterpriseSummarySchema = {
  type: 'object',
  required: ['id', 'name', 'uscc', 'role'],
  additionalProperties: false,
  properties: enterpriseSummaryProperties,
} as const

export const enterpriseProfileSchema = {
  type: 'object',
  required: [
    ...enterpriseSummarySchema.required,
    'legalRepresentative',
    'industryCode',
    'industryName',
    'address',
    'region',
    'regionPath',
    'registeredCapitalWan',
    'foundedOn',
    'employees',
  ],
  additionalProperties: false,
  properties: {
    ...enterpriseSummaryProperties,
    legalRepresentative: { type: 'string' },
    industryCode: { type: 'string', description: 'GB/T 4754-2017 行业代码' },
    industryName: { type: 'string' },
    address: { type: 'string' },
    region: { type: 'string' },
    regionPath: {
      type: 'array',
      description: '所在地区：省、市、区县（GB/T 2260）；无法识别时为空',
      items: {
        type: 'object',
        required: ['code', 'name'],
        additionalProperties: false,
        properties: { code: { type: 'string' }, name: { type: 'string' } },
      },
    },
    registeredCapitalWan: { type: 'number', description: '注册资本（万元）' },
    foundedOn: { type: 'string', format: 'date' },
    employees: { type: ['integer', 'null'] },
  },
} as const
