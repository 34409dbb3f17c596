import { defineEndpoints } from '../endpoint'
import type { ops } from './schemas'

/** 账号 operations: what the app calls and the server serves (types from ./schemas.ts, type-only). */
export const accountEndpoints = defineEndpoints<typeof ops>()({
  getHealth: { method: 'GET', path: '/api/v1/health', auth: 'public' },
  systemWhoAmI: { method: 'GET', path: '/api/v1/system/whoami', auth: 'system', errors: ['SYSTEM_KEY_INVALID'] },
})
