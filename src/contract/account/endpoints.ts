import { defineEndpoints } from '../endpoint'
import type { ops } from './schemas'

/** 账号 operations: what the app calls and the server serves (types from ./schemas.ts, type-only). */
export const accountEndpoints = defineEndpoints<typeof ops>()({
  getHealth: { method: 'GET', path: '/api/v1/health', auth: 'public' },
  systemWhoAmI: { method: 'GET', path: '/api/v1/system/whoami', auth: 'system', errors: ['SYSTEM_KEY_INVALID'] },
  login: {
    method: 'POST',
    path: '/api/v1/auth/login',
    auth: 'public',
    errors: ['LOGIN_CODE_INVALID', 'LOGIN_PROVIDER_UNAVAILABLE', 'LOGIN_PLATFORM_UNAVAILABLE', 'SANDBOX_DISABLED'],
  },
  logout: { method: 'POST', path: '/api/v1/auth/logout', auth: 'session' },
  getMe: { method: 'GET', path: '/api/v1/me', auth: 'session' },
  updateConsent: { method: 'PUT', path: '/api/v1/me/consent', auth: 'session' },
  setCurrentEnterprise: { method: 'PUT', path: '/api/v1/me/current-enterprise', auth: 'session' },
  listMyEnterprises: { method: 'GET', path: '/api/v1/enterprises', auth: 'session' },
  getEnterprise: { method: 'GET', path: '/api/v1/enterprises/:enterpriseId', auth: 'session' },
  updateEnterpriseRegion: { method: 'PUT', path: '/api/v1/enterprises/:enterpriseId/region', auth: 'session' },
  listInbox: { method: 'GET', path: '/api/v1/inbox', auth: 'session' },
  markAllRead: { method: 'POST', path: '/api/v1/inbox/read-all', auth: 'session' },
  markRead: { method: 'POST', path: '/api/v1/inbox/:id/read', auth: 'session' },
  getReminderSettings: { method: 'GET', path: '/api/v1/me/reminder-settings', auth: 'session' },
  saveReminderSettings: { method: 'PUT', path: '/api/v1/me/reminder-settings', auth: 'session' },
  getSubscriptions: { method: 'GET', path: '/api/v1/me/subscriptions', auth: 'session' },
  recordSubscriptions: { method: 'POST', path: '/api/v1/me/subscriptions', auth: 'session' },
  createSystem: { method: 'POST', path: '/api/v1/admin/systems', auth: 'admin' },
  listSystems: { method: 'GET', path: '/api/v1/admin/systems', auth: 'admin' },
  setSystemCallbackHosts: { method: 'PUT', path: '/api/v1/admin/systems/:id/callback-hosts', auth: 'admin' },
  revokeSystem: { method: 'DELETE', path: '/api/v1/admin/systems/:id', auth: 'admin' },
  runReminders: {
    method: 'POST',
    path: '/api/v1/admin/reminders/run',
    auth: 'admin',
    errors: ['REMINDER_RUN_IN_PROGRESS'],
  },
})
