/**
 * Wire types of 惠企政策 (issue 5): the catalogue, the 政策计算器, enterprise matches, favourites
 * and the push preference. The policy body itself is the domain's Policy.
 */
import type { ConditionResult, Verdict } from '../src/domain/policies/match'
import type { Policy } from '../src/domain/policies/policy'
import type { WindowState } from '../src/domain/policies/policyStatus'
import type { EnterpriseProfile, ProfileField } from '../src/domain/policies/profile'

export type { Policy } from '../src/domain/policies/policy'
export type { EnterpriseProfile } from '../src/domain/policies/profile'

export type PolicyStatus = 'draft' | 'published' | 'withdrawn'

/** A policy as the API shows it: the stored body plus what the server works out. */
export interface PolicyView {
  policy: Policy
  status: PolicyStatus
  publishedAt: string | null
  withdrawnAt: string | null
  /** Applications accepted today (China time). */
  openNow: boolean
  /** Where today falls against the window: open, not yet open, closed (labels: policyStatus.ts). */
  window: WindowState
  /** 行政区划代码 the policy applies to ('000000' national); null when it cannot be placed. */
  regionCode: string | null
  /** 免申即享 or 需申报. */
  autoGrantLabel: string
  /** The signed-in user saved it (false without a session). */
  favourite: boolean
}

export interface PolicyListQuery {
  level?: Policy['level']
  /** Substring of the 发文单位. */
  issuer?: string
  benefitType?: Policy['benefit']['type']
  openNow?: 'true' | 'false'
  autoGrant?: 'true' | 'false'
  /** Substring of title, summary or issuer. */
  q?: string
  /**
   * An enterprise's 行政区划代码: only policies that can apply there (national, its province, its
   * city, its district; regionApplies in src/domain/regions).
   */
  region?: string
  /** Page size, 1–50 (default 20). */
  limit?: string
  /** nextCursor of the previous page. */
  cursor?: string
}

/** One page of the catalogue, newest publication first (then by id): a stable order for cursors. */
export interface PolicyPage {
  items: PolicyView[]
  /** Policies matching the filters, all pages. */
  total: number
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null
}

export interface PolicyMatchView {
  policyId: string
  title: string
  verdict: Verdict
  /** 可申报 / 差一点 / 不符合. */
  verdictLabel: string
  autoGrant: boolean
  autoGrantLabel: string
  openNow: boolean
  window: WindowState
  conditions: ConditionResult[]
  /** Facts not given that some condition needs, in calculator order. */
  missingFacts: ProfileField[]
  /** Their Chinese names (PROFILE_FIELD_LABELS). */
  missingFactLabels: string[]
  fixesNeeded: number | null
}

export interface PolicyCalculatorRequest {
  profile: EnterpriseProfile
  /** Only these published policies (default: all published). */
  policyIds?: string[]
}

export interface PolicyCalculatorResponse {
  /** 可申报 first, then 差一点, then 不符合. */
  results: PolicyMatchView[]
}

export interface EnterprisePolicyMatches {
  enterpriseId: string
  /** The facts the matches used (empty when none are saved yet). */
  profile: EnterpriseProfile
  eligible: PolicyMatchView[]
  near: PolicyMatchView[]
}

export interface ProfileFactsView {
  enterpriseId: string
  profile: EnterpriseProfile
  updatedAt: string | null
}

export interface PolicyPublishReport {
  policy: PolicyView
  /** Enterprises with stored facts that were matched. */
  matchedEnterprises: number
  /** New inbox messages written by this publication (0 on a repeat). */
  delivered: number
  /** Subscribe messages (WeChat/Alipay) the platforms accepted during this publication. */
  subscribeSent?: number
}

export type PolicyPushFrequency = 'instant' | 'weekly'

/**
 * What a one-time subscribe-message template is for: GET /api/v1/me/subscriptions?platform=…&purpose=…
 * lists the template to pass to requestSubscribeMessage (default 'licence'); each "accept" recorded
 * with POST /api/v1/me/subscriptions allows one message. 'policy': 新政策 (at publication, or in the
 * weekly digest for users who chose it); 'complaint': every step of a real-name complaint; 'seal':
 * the legal representative's monthly 用章报告 and unusual-use 用章提醒; 'compliance': 合规提醒 (年报、纳税申报、
 * 信用修复、政策申报、诉求 deadlines).
 */
export type SubscribePurpose = 'licence' | 'policy' | 'complaint' | 'seal' | 'compliance'

export interface PolicyPushPreference {
  frequency: PolicyPushFrequency
}

/** GET /api/v1/regions?code=…: the picker's one level at a time (names from GB/T 2260 data). */
export interface RegionLevelView {
  /** Province, city, district of `code`, widest first (empty without a code). */
  path: { code: string; name: string }[]
  /** The areas one level below (provinces without a code; empty below a district). */
  children: { code: string; name: string }[]
}
