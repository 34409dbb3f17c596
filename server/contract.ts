/**
 * Wire types shared by the server and the app. The app imports this file with
 * `import type` only, so no server code can reach the bundle.
 * Field names are the JSON the server sends and accepts.
 */

import type { SealGrantView } from './contract-seals'
import type { EnterpriseRole } from '../src/domain/access/permissions'

export type Platform = 'weapp' | 'alipay' | 'h5'

// The error codes, their statuses and messages: the one registry in src/contract/errors.ts.
export type { ApiErrorBody, ErrorCode } from '../src/contract/errors'

export interface HealthResponse {
  status: 'ok'
  db: 'pglite' | 'postgres'
}

export interface LoginRequest {
  platform: Platform
  /** weapp: Taro.login code; alipay: my.getAuthCode authCode; h5 (sandbox only): "sandbox:<phone>" */
  code: string
  /** The privacy-policy version the user agreed to before logging in. */
  consentVersion: string
}

export interface ConsentState {
  accepted: boolean
  version: string | null
  /** ISO timestamp of the last change. */
  at: string | null
}

export interface UserProfile {
  id: string
  name: string | null
  /** e.g. 138****0001; never the full number. */
  phoneMasked: string | null
  /** e.g. 4101**********123X; never the full number. */
  idNumberMasked: string | null
  consent: ConsentState
  currentEnterpriseId: string | null
}

export interface LoginResponse {
  token: string
  /** ISO timestamp. */
  expiresAt: string
  user: UserProfile
}

export interface UpdateConsentRequest {
  accepted: boolean
  version: string
}

// The roles and what each may do live in the domain's permission table.
export type { EnterpriseRole }

export interface EnterpriseSummary {
  id: string
  name: string
  /** 统一社会信用代码 (public registry data, not masked). */
  uscc: string
  role: EnterpriseRole
}

export interface EnterpriseProfile extends EnterpriseSummary {
  legalRepresentative: string
  /** GB/T 4754-2017 code, e.g. "C3311". */
  industryCode: string
  industryName: string
  address: string
  /** As registered: a GB/T 2260 code, or (older records) the area's name. */
  region: string
  /** The region as province · city · district names (GB/T 2260); empty when `region` names no known area. */
  regionPath: { code: string; name: string }[]
  registeredCapitalWan: number
  /** YYYY-MM-DD */
  foundedOn: string
  employees: number | null
}

/** PUT /enterprises/:id/region (the legal representative corrects the region): a district, or a city without districts. */
export interface EnterpriseRegionRequest {
  regionCode: string
}

/** GET /enterprises/:id/members (the legal representative's list of the people linked). */
export interface EnterpriseMember {
  userId: string
  nameMasked: string | null
  phoneMasked: string | null
  role: EnterpriseRole
  /** The row is the caller's own (it cannot be removed). */
  isSelf: boolean
  /** False for a 经办人 whose grants have all ended: the link gives no rights until a new grant. */
  active: boolean
  linkedAt: string
  /** Grants addressed to this person that are waiting or in force. */
  grants: SealGrantView[]
}

export interface SetCurrentEnterpriseRequest {
  enterpriseId: string
}

export interface CreateSystemRequest {
  name: string
  /** What the system may do, e.g. "sign-tasks", "licence-import". */
  scopes: string[]
  /** Host names its sign-task callbacks may go to; omitted or null: any public host. */
  callbackHosts?: string[] | null
}

export interface SetCallbackHostsRequest {
  /** null lifts the allowlist (any public host); [] allows no callback at all. */
  callbackHosts: string[] | null
}

export interface SystemCreated {
  id: string
  name: string
  scopes: string[]
  /** Shown once; only its hash is stored. */
  apiKey: string
  callbackHosts: string[] | null
  createdAt: string
}

export interface SystemSummary {
  id: string
  name: string
  scopes: string[]
  callbackHosts: string[] | null
  createdAt: string
  revokedAt: string | null
}
