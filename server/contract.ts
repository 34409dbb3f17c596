/**
 * What is left of the server's wire types (issue #13): the contract lives in src/contract. These
 * re-exports keep the files not converted yet compiling; new code imports src/contract directly.
 */

import type { SealGrantView } from './contract-seals'
import type { EnterpriseRole } from '../src/contract/account/schemas'

// The error codes, their statuses and messages: the one registry in src/contract/errors.ts.
export type { ApiErrorBody, ErrorCode } from '../src/contract/errors'

export type {
  ConsentState,
  CreateSystemRequest,
  EnterpriseProfile,
  EnterpriseRegionRequest,
  EnterpriseRole,
  EnterpriseSummary,
  HealthResponse,
  LoginRequest,
  LoginResponse,
  Platform,
  SetCallbackHostsRequest,
  SetCurrentEnterpriseRequest,
  SystemCreated,
  SystemSummary,
  UpdateConsentRequest,
  UserProfile,
} from '../src/contract/account/schemas'

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
