import { endpointsOf } from '../endpoint'
import type { ops } from './schemas'

/** 惠企政策 operations: what the app calls and the server serves (types from ./schemas.ts, type-only). */

// One export per operation, marked pure, so a bundle keeps only the descriptors it calls (the
// main package must not carry admin or staff operations); see src/contract/endpoint.ts.
const endpoint = /*#__PURE__*/ endpointsOf<typeof ops>()

export const listPolicies = /*#__PURE__*/ endpoint('listPolicies', 'GET /api/v1/policies', 'optional')
export const getRegions = /*#__PURE__*/ endpoint('getRegions', 'GET /api/v1/regions', 'public')
/** Besides the common errors: POLICY_NOT_FOUND. */
export const getPolicy = /*#__PURE__*/ endpoint('getPolicy', 'GET /api/v1/policies/:id', 'optional')
export const calculatePolicies = /*#__PURE__*/ endpoint('calculatePolicies', 'POST /api/v1/policy-calculator', 'public')
export const getPolicyMatches = /*#__PURE__*/ endpoint(
  'getPolicyMatches',
  'GET /api/v1/enterprises/:enterpriseId/policy-matches',
)
export const getProfileFacts = /*#__PURE__*/ endpoint(
  'getProfileFacts',
  'GET /api/v1/enterprises/:enterpriseId/profile-facts',
)
export const saveProfileFacts = /*#__PURE__*/ endpoint(
  'saveProfileFacts',
  'PUT /api/v1/enterprises/:enterpriseId/profile-facts',
)
export const listPolicyFavourites = /*#__PURE__*/ endpoint('listPolicyFavourites', 'GET /api/v1/me/policy-favourites')
/** Besides the common errors: POLICY_NOT_FOUND. */
export const addPolicyFavourite = /*#__PURE__*/ endpoint('addPolicyFavourite', 'PUT /api/v1/me/policy-favourites/:id')
export const removePolicyFavourite = /*#__PURE__*/ endpoint(
  'removePolicyFavourite',
  'DELETE /api/v1/me/policy-favourites/:id',
)
export const getPolicyPush = /*#__PURE__*/ endpoint('getPolicyPush', 'GET /api/v1/me/policy-push')
export const setPolicyPush = /*#__PURE__*/ endpoint('setPolicyPush', 'PUT /api/v1/me/policy-push')
export const adminListPolicies = /*#__PURE__*/ endpoint('adminListPolicies', 'GET /api/v1/admin/policies', 'admin')
/** Besides the common errors: POLICY_DUPLICATE. */
export const adminCreatePolicy = /*#__PURE__*/ endpoint('adminCreatePolicy', 'POST /api/v1/admin/policies', 'admin')
/** Besides the common errors: POLICY_NOT_FOUND, POLICY_WITHDRAWN. */
export const adminUpdatePolicy = /*#__PURE__*/ endpoint('adminUpdatePolicy', 'PUT /api/v1/admin/policies/:id', 'admin')
/** Besides the common errors: POLICY_NOT_FOUND, POLICY_WITHDRAWN. */
export const adminPublishPolicy = /*#__PURE__*/ endpoint(
  'adminPublishPolicy',
  'POST /api/v1/admin/policies/:id/publish',
  'admin',
)
/** Besides the common errors: POLICY_NOT_FOUND. */
export const adminWithdrawPolicy = /*#__PURE__*/ endpoint(
  'adminWithdrawPolicy',
  'POST /api/v1/admin/policies/:id/withdraw',
  'admin',
)
/** Besides the common errors: JOB_IN_PROGRESS. */
export const sendWeeklyDigest = /*#__PURE__*/ endpoint(
  'sendWeeklyDigest',
  'POST /api/v1/admin/policies/weekly-digest',
  'admin',
)
