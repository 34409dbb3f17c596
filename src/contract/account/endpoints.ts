/**
 * 账号 operations: what the app calls and the server serves (types from ./schemas.ts, type-only).
 * One export per operation (tree-shaken in the app); see src/contract/endpoint.ts.
 */
import { endpointsOf } from '../endpoint'
import type { ops } from './schemas'

const endpoint = /*#__PURE__*/ endpointsOf<typeof ops>()

export const getHealth = /*#__PURE__*/ endpoint('getHealth', 'GET /api/v1/health', 'public')
export const systemWhoAmI = /*#__PURE__*/ endpoint('systemWhoAmI', 'GET /api/v1/system/whoami', 'system')
export const login = /*#__PURE__*/ endpoint('login', 'POST /api/v1/auth/login', 'public')
export const logout = /*#__PURE__*/ endpoint('logout', 'POST /api/v1/auth/logout')
export const getMe = /*#__PURE__*/ endpoint('getMe', 'GET /api/v1/me')
export const updateConsent = /*#__PURE__*/ endpoint('updateConsent', 'PUT /api/v1/me/consent')
export const setCurrentEnterprise = /*#__PURE__*/ endpoint('setCurrentEnterprise', 'PUT /api/v1/me/current-enterprise')
export const listMyEnterprises = /*#__PURE__*/ endpoint('listMyEnterprises', 'GET /api/v1/enterprises')
export const getEnterprise = /*#__PURE__*/ endpoint('getEnterprise', 'GET /api/v1/enterprises/:enterpriseId')
export const updateEnterpriseRegion = /*#__PURE__*/ endpoint(
  'updateEnterpriseRegion',
  'PUT /api/v1/enterprises/:enterpriseId/region',
)
export const listInbox = /*#__PURE__*/ endpoint('listInbox', 'GET /api/v1/inbox')
export const markAllRead = /*#__PURE__*/ endpoint('markAllRead', 'POST /api/v1/inbox/read-all')
export const markRead = /*#__PURE__*/ endpoint('markRead', 'POST /api/v1/inbox/:id/read')
export const getReminderSettings = /*#__PURE__*/ endpoint('getReminderSettings', 'GET /api/v1/me/reminder-settings')
export const saveReminderSettings = /*#__PURE__*/ endpoint('saveReminderSettings', 'PUT /api/v1/me/reminder-settings')
export const getSubscriptions = /*#__PURE__*/ endpoint('getSubscriptions', 'GET /api/v1/me/subscriptions')
export const recordSubscriptions = /*#__PURE__*/ endpoint('recordSubscriptions', 'POST /api/v1/me/subscriptions')
export const createSystem = /*#__PURE__*/ endpoint('createSystem', 'POST /api/v1/admin/systems', 'admin')
export const listSystems = /*#__PURE__*/ endpoint('listSystems', 'GET /api/v1/admin/systems', 'admin')
export const setSystemCallbackHosts = /*#__PURE__*/ endpoint(
  'setSystemCallbackHosts',
  'PUT /api/v1/admin/systems/:id/callback-hosts',
  'admin',
)
export const revokeSystem = /*#__PURE__*/ endpoint('revokeSystem', 'DELETE /api/v1/admin/systems/:id', 'admin')
export const runReminders = /*#__PURE__*/ endpoint('runReminders', 'POST /api/v1/admin/reminders/run', 'admin')
