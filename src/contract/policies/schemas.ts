/**
 * 惠企政策 wire schemas (issue 5): the catalogue, the 政策计算器, enterprise matches, favourites and
 * the push preference. Server-side at runtime; the app: `import type` only. As every response
 * schema, they are the serializer's allow-lists: what is not listed is not sent.
 */

import { Type, type Static } from 'typebox'
import type { ConditionResult as DomainConditionResult } from '../../domain/policies/match'
import { BENEFIT_TYPE_LABELS, POLICY_LEVEL_LABELS, type Policy } from '../../domain/policies/policy'
import { QUALIFICATIONS, TAX_CREDIT_GRADES, type EnterpriseProfile } from '../../domain/policies/profile'
import { DateTime, EnterpriseIdParams, IsoDay, Nullable, StringEnum } from '../common'
import type { OperationSchemas } from '../endpoint'

export type { Policy } from '../../domain/policies/policy'
export type { EnterpriseProfile } from '../../domain/policies/profile'

export const POLICY_STATUSES = ['draft', 'published', 'withdrawn'] as const
export type PolicyStatus = (typeof POLICY_STATUSES)[number]

export const POLICY_PUSH_FREQUENCIES = ['instant', 'weekly'] as const
export type PolicyPushFrequency = (typeof POLICY_PUSH_FREQUENCIES)[number]

/**
 * What a one-time subscribe-message template is for: GET /api/v1/me/subscriptions?platform=…&purpose=…
 * lists the template to pass to requestSubscribeMessage (default 'licence'); each "accept" recorded
 * with POST /api/v1/me/subscriptions allows one message. 'policy': 新政策 (at publication, or in the
 * weekly digest for users who chose it); 'complaint': every step of a real-name complaint; 'seal':
 * the legal representative's monthly 用章报告 and unusual-use 用章提醒; 'compliance': 合规提醒 (年报、纳税申报、
 * 信用修复、政策申报、诉求 deadlines).
 */
export type { SubscribePurpose } from '../account/schemas'

const amount = Type.Number({ minimum: 0, maximum: 1e12 })

/** An EnterpriseProfile (every fact optional; unknown keys are a 400). Enums from the domain's lists. */
export const EnterpriseProfileSchema = Type.Unsafe<EnterpriseProfile>(
  Type.Object(
    {
      industryCode: Type.Optional(
        Type.String({ pattern: '^[A-Ta-t][0-9]{0,4}$', description: 'GB/T 4754-2017，如 C3311' }),
      ),
      employees: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
      revenueWan: Type.Optional(amount),
      assetsWan: Type.Optional(amount),
      registeredCapitalWan: Type.Optional(amount),
      foundedOn: Type.Optional(IsoDay()),
      regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: '行政区划代码（6 位）' })),
      developmentZone: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
      qualifications: Type.Optional(Type.Array(StringEnum(QUALIFICATIONS), { uniqueItems: true, maxItems: 10 })),
      taxCreditGrade: Type.Optional(StringEnum(TAX_CREDIT_GRADES)),
      rdSpendWan: Type.Optional(amount),
      exporter: Type.Optional(Type.Boolean()),
      lastSeriousViolationOn: Type.Optional(Nullable(IsoDay())),
    },
    { additionalProperties: false },
  ),
)

/**
 * The policy body, checked on the way in by the domain (policyProblems, whose messages staff read),
 * stored as written and sent back whole: its nested conditions are the domain's, so the schema
 * does not repeat them.
 */
export const PolicyBody = Type.Unsafe<Policy>({
  type: 'object',
  additionalProperties: true,
  description: '政策内容（src/domain/policies/policy.ts 的 Policy；由 policyProblems 校验）',
})

const WindowStateSchema = StringEnum(['open', 'not-yet', 'closed'] as const)

/** A policy as the API shows it: the stored body plus what the server works out. */
export const PolicyView = Type.Object(
  {
    policy: PolicyBody,
    status: StringEnum(POLICY_STATUSES),
    publishedAt: Nullable(DateTime()),
    withdrawnAt: Nullable(DateTime()),
    /** Applications accepted today (China time). */
    openNow: Type.Boolean(),
    /** Where today falls against the window: open, not yet open, closed (labels: policyStatus.ts). */
    window: WindowStateSchema,
    /** 行政区划代码 the policy applies to ('000000' national); null when it cannot be placed. */
    regionCode: Nullable(Type.String()),
    /** 免申即享 or 需申报. */
    autoGrantLabel: Type.String(),
    /** The signed-in user saved it (false without a session). */
    favourite: Type.Boolean(),
  },
  { additionalProperties: false },
)
export type PolicyView = Static<typeof PolicyView>

const booleanText = StringEnum(['true', 'false'] as const)

export const PolicyListQuery = Type.Object(
  {
    level: Type.Optional(StringEnum(Object.keys(POLICY_LEVEL_LABELS) as (keyof typeof POLICY_LEVEL_LABELS)[])),
    /** Substring of the 发文单位. */
    issuer: Type.Optional(Type.String({ maxLength: 100 })),
    benefitType: Type.Optional(StringEnum(Object.keys(BENEFIT_TYPE_LABELS) as (keyof typeof BENEFIT_TYPE_LABELS)[])),
    openNow: Type.Optional(booleanText),
    autoGrant: Type.Optional(booleanText),
    /** Substring of title, summary or issuer. */
    q: Type.Optional(Type.String({ maxLength: 100 })),
    /** An enterprise's 行政区划代码: only policies that can apply there (regionApplies). */
    region: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    /** Page size, 1–50 (default 20). */
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,2}$' })),
    /** nextCursor of the previous page. */
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
)
export type PolicyListQuery = Static<typeof PolicyListQuery>

/** One page of the catalogue, newest publication first (then by id): a stable order for cursors. */
export const PolicyPage = Type.Object(
  {
    items: Type.Array(PolicyView),
    /** Policies matching the filters, all pages. */
    total: Type.Integer({ minimum: 0 }),
    /** Pass as `cursor` for the next page; null on the last one. */
    nextCursor: Nullable(Type.String()),
  },
  { additionalProperties: false },
)
export type PolicyPage = Static<typeof PolicyPage>

const RegionEntry = Type.Object({ code: Type.String(), name: Type.String() }, { additionalProperties: false })

/** GET /api/v1/regions?code=…: the picker's one level at a time (names from GB/T 2260 data). */
export const RegionLevelView = Type.Object(
  {
    /** Province, city, district of `code`, widest first (empty without a code). */
    path: Type.Array(RegionEntry),
    /** The areas one level below (provinces without a code; empty below a district). */
    children: Type.Array(RegionEntry),
  },
  { additionalProperties: false },
)
export type RegionLevelView = Static<typeof RegionLevelView>

/** One condition's outcome, as src/domain/policies/match.ts explains it. */
export const ConditionResultSchema = Type.Unsafe<DomainConditionResult>(
  Type.Object(
    {
      id: Type.String(),
      label: Type.String(),
      outcome: StringEnum(['met', 'unmet', 'missing'] as const),
      fact: Type.String(),
      group: Type.Optional(
        Type.Object(
          {
            id: Type.Optional(Type.String()),
            label: Type.Optional(Type.String()),
            mode: StringEnum(['all', 'any'] as const),
          },
          { additionalProperties: false },
        ),
      ),
      unfixable: Type.Optional(Type.Literal(true)),
      branch: Type.Optional(Type.Integer()),
    },
    { additionalProperties: false },
  ),
)

const PROFILE_FIELDS = [
  'industryCode',
  'employees',
  'revenueWan',
  'assetsWan',
  'registeredCapitalWan',
  'foundedOn',
  'regionCode',
  'developmentZone',
  'qualifications',
  'taxCreditGrade',
  'rdSpendWan',
  'exporter',
  'lastSeriousViolationOn',
] as const satisfies readonly (keyof EnterpriseProfile)[]

export const PolicyMatchView = Type.Object(
  {
    policyId: Type.String(),
    title: Type.String(),
    verdict: StringEnum(['eligible', 'near', 'ineligible'] as const),
    /** 可申报 / 差一点 / 不符合. */
    verdictLabel: Type.String(),
    autoGrant: Type.Boolean(),
    autoGrantLabel: Type.String(),
    openNow: Type.Boolean(),
    window: WindowStateSchema,
    conditions: Type.Array(ConditionResultSchema),
    /** Facts not given that some condition needs, in calculator order. */
    missingFacts: Type.Array(StringEnum(PROFILE_FIELDS)),
    /** Their Chinese names (PROFILE_FIELD_LABELS). */
    missingFactLabels: Type.Array(Type.String()),
    fixesNeeded: Nullable(Type.Integer()),
  },
  { additionalProperties: false },
)
export type PolicyMatchView = Static<typeof PolicyMatchView>

export const PolicyCalculatorRequest = Type.Object(
  {
    profile: EnterpriseProfileSchema,
    /** Only these published policies (default: all published). */
    policyIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 1000 })),
  },
  { additionalProperties: false },
)
export type PolicyCalculatorRequest = Static<typeof PolicyCalculatorRequest>

export const PolicyCalculatorResponse = Type.Object(
  {
    /** 可申报 first, then 差一点, then 不符合. */
    results: Type.Array(PolicyMatchView),
  },
  { additionalProperties: false },
)
export type PolicyCalculatorResponse = Static<typeof PolicyCalculatorResponse>

export const EnterprisePolicyMatches = Type.Object(
  {
    enterpriseId: Type.String(),
    /** The facts the matches used (empty when none are saved yet). */
    profile: EnterpriseProfileSchema,
    eligible: Type.Array(PolicyMatchView),
    near: Type.Array(PolicyMatchView),
  },
  { additionalProperties: false },
)
export type EnterprisePolicyMatches = Static<typeof EnterprisePolicyMatches>

export const ProfileFactsView = Type.Object(
  {
    enterpriseId: Type.String(),
    profile: EnterpriseProfileSchema,
    updatedAt: Nullable(DateTime()),
  },
  { additionalProperties: false },
)
export type ProfileFactsView = Static<typeof ProfileFactsView>

export const ProfileFactsBody = Type.Object({ profile: EnterpriseProfileSchema }, { additionalProperties: false })

export const PolicyPublishReport = Type.Object(
  {
    policy: PolicyView,
    /** Enterprises with stored facts that were matched. */
    matchedEnterprises: Type.Integer(),
    /** New inbox messages written by this publication (0 on a repeat). */
    delivered: Type.Integer(),
    /** Subscribe messages (WeChat/Alipay) the platforms accepted during this publication. */
    subscribeSent: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
)
export type PolicyPublishReport = Static<typeof PolicyPublishReport>

export const PolicyDigestReport = Type.Object(
  {
    /** Published policies in the digest window. */
    policies: Type.Integer(),
    /** Users who got a digest message. */
    users: Type.Integer(),
    /** (policy, enterprise, user) deliveries recorded by this run. */
    deliveries: Type.Integer(),
    /** digest subscribe messages (WeChat/Alipay) the platforms accepted */
    subscribeSent: Type.Integer(),
  },
  { additionalProperties: false },
)

export const PolicyPushPreference = Type.Object(
  { frequency: StringEnum(POLICY_PUSH_FREQUENCIES) },
  { additionalProperties: false },
)
export type PolicyPushPreference = Static<typeof PolicyPushPreference>

export const PolicyIdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
)

const AnyObjectBody = Type.Unsafe<unknown>({ type: 'object' })

const noContent = { 204: Type.Null() }

/** The schemas of each policies operation, by the operation's name in ./endpoints.ts. */
export const ops = {
  listPolicies: { query: PolicyListQuery, response: { 200: PolicyPage } },
  getRegions: {
    query: Type.Object(
      { code: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })) },
      { additionalProperties: false },
    ),
    response: { 200: RegionLevelView },
  },
  getPolicy: { params: PolicyIdParams, response: { 200: PolicyView } },
  calculatePolicies: { body: PolicyCalculatorRequest, response: { 200: PolicyCalculatorResponse } },
  getPolicyMatches: { params: EnterpriseIdParams, response: { 200: EnterprisePolicyMatches } },
  getProfileFacts: { params: EnterpriseIdParams, response: { 200: ProfileFactsView } },
  saveProfileFacts: { params: EnterpriseIdParams, body: ProfileFactsBody, response: { 200: ProfileFactsView } },
  listPolicyFavourites: { response: { 200: Type.Array(PolicyView) } },
  addPolicyFavourite: { params: PolicyIdParams, response: noContent },
  removePolicyFavourite: { params: PolicyIdParams, response: noContent },
  getPolicyPush: { response: { 200: PolicyPushPreference } },
  setPolicyPush: { body: PolicyPushPreference, response: { 200: PolicyPushPreference } },
  // 政策管理 (admin key)
  adminListPolicies: { response: { 200: Type.Array(PolicyView) } },
  adminCreatePolicy: { body: AnyObjectBody, response: { 201: PolicyView } },
  adminUpdatePolicy: { params: PolicyIdParams, body: AnyObjectBody, response: { 200: PolicyView } },
  adminPublishPolicy: { params: PolicyIdParams, response: { 200: PolicyPublishReport } },
  adminWithdrawPolicy: { params: PolicyIdParams, response: { 200: PolicyView } },
  sendWeeklyDigest: {
    query: Type.Object(
      {
        days: Type.Optional(Type.String({ pattern: '^[1-9][0-9]?$', description: '统计最近几天发布的政策，默认 7' })),
      },
      { additionalProperties: false },
    ),
    response: { 200: PolicyDigestReport },
  },
} satisfies { [name: string]: OperationSchemas }
