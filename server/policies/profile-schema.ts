import { QUALIFICATIONS, TAX_CREDIT_GRADES } from '../../src/domain/policies/profile'

const amount = { type: 'number', minimum: 0, maximum: 1e12 } as const
const date = { type: 'string', format: 'date' } as const

/** JSON schema of an EnterpriseProfile (every fact optional; unknown keys are a 400). */
export const enterpriseProfileSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    industryCode: { type: 'string', pattern: '^[A-Ta-t][0-9]{0,4}$', description: 'GB/T 4754-2017，如 C3311' },
    employees: { type: 'integer', minimum: 0, maximum: 10_000_000 },
    revenueWan: amount,
    assetsWan: amount,
    registeredCapitalWan: amount,
    foundedOn: date,
    regionCode: { type: 'string', pattern: '^[0-9]{6}$', description: '行政区划代码（6 位）' },
    developmentZone: { anyOf: [{ type: 'string', minLength: 1, maxLength: 100 }, { type: 'null' }] },
    qualifications: { type: 'array', uniqueItems: true, maxItems: 10, items: { type: 'string', enum: QUALIFICATIONS } },
    taxCreditGrade: { type: 'string', enum: TAX_CREDIT_GRADES },
    rdSpendWan: amount,
    exporter: { type: 'boolean' },
    lastSeriousViolationOn: { anyOf: [date, { type: 'null' }] },
  },
} as const
