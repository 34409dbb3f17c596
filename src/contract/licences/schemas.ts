/**
 * 许证闹钟 wire schemas (licences, the type catalogue, admin import and follow-up). Server-side at
 * runtime; the app: `import type` only. As every response schema, they are the serializer's
 * allow-lists: what is not listed is not sent.
 */

import { Type, type Static } from 'typebox'
import { Nullable } from '../common'
import type { OperationSchemas } from '../endpoint'

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
    types: Type.Array(Type.Object({}), {
      maxItems: 500,
      description: '本市配置的全部条目（整体替换）；每条的字段由目录校验',
    }),
  },
  { additionalProperties: false },
)

/** The schemas of each licences operation, by the operation's name in ./endpoints.ts. */
export const ops = {
  listLicenceTypes: { response: { 200: Type.Array(LicenceTypeView) } },
  replaceLicenceTypes: { body: ReplaceLicenceTypesBody, response: { 200: Type.Array(LicenceTypeView) } },
} satisfies { [name: string]: OperationSchemas }
