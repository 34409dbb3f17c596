import { defineEndpoints } from '../endpoint'
import type { ops } from './schemas'

/** 惠企政策 operations: what the app calls and the server serves (types from ./schemas.ts, type-only). */
export const policyEndpoints = defineEndpoints<typeof ops>()({
  listPolicies: { method: 'GET', path: '/api/v1/policies', auth: 'optional' },
  getRegions: { method: 'GET', path: '/api/v1/regions', auth: 'public' },
  getPolicy: { method: 'GET', path: '/api/v1/policies/:id', auth: 'optional', errors: ['POLICY_NOT_FOUND'] },
  calculatePolicies: { method: 'POST', path: '/api/v1/policy-calculator', auth: 'public' },
  getPolicyMatches: { method: 'GET', path: '/api/v1/enterprises/:enterpriseId/policy-matches', auth: 'session' },
  getProfileFacts: { method: 'GET', path: '/api/v1/enterprises/:enterpriseId/profile-facts', auth: 'session' },
  saveProfileFacts: { method: 'PUT', path: '/api/v1/enterprises/:enterpriseId/profile-facts', auth: 'session' },
  listPolicyFavourites: { method: 'GET', path: '/api/v1/me/policy-favourites', auth: 'session' },
  addPolicyFavourite: {
    method: 'PUT',
    path: '/api/v1/me/policy-favourites/:id',
    auth: 'session',
    errors: ['POLICY_NOT_FOUND'],
  },
  removePolicyFavourite: { method: 'DELETE', path: '/api/v1/me/policy-favourites/:id', auth: 'session' },
  getPolicyPush: { method: 'GET', path: '/api/v1/me/policy-push', auth: 'session' },
  setPolicyPush: { method: 'PUT', path: '/api/v1/me/policy-push', auth: 'session' },
  adminListPolicies: { method: 'GET', path: '/api/v1/admin/policies', auth: 'admin' },
  adminCreatePolicy: { method: 'POST', path: '/api/v1/admin/policies', auth: 'admin', errors: ['POLICY_DUPLICATE'] },
  adminUpdatePolicy: {
    method: 'PUT',
    path: '/api/v1/admin/policies/:id',
    auth: 'admin',
    errors: ['POLICY_NOT_FOUND', 'POLICY_WITHDRAWN'],
  },
  adminPublishPolicy: {
    method: 'POST',
    path: '/api/v1/admin/policies/:id/publish',
    auth: 'admin',
    errors: ['POLICY_NOT_FOUND', 'POLICY_WITHDRAWN'],
  },
  adminWithdrawPolicy: {
    method: 'POST',
    path: '/api/v1/admin/policies/:id/withdraw',
    auth: 'admin',
    errors: ['POLICY_NOT_FOUND'],
  },
  sendWeeklyDigest: {
    method: 'POST',
    path: '/api/v1/admin/policies/weekly-digest',
    auth: 'admin',
    errors: ['JOB_IN_PROGRESS'],
  },
})
