import { defineEndpoints } from '../endpoint'
import type { ops } from './schemas'

/** 许证闹钟 operations: what the app calls and the server serves (types from ./schemas.ts, type-only). */
export const licenceEndpoints = defineEndpoints<typeof ops>()({
  listLicenceTypes: { method: 'GET', path: '/api/v1/licence-types', auth: 'public' },
  replaceLicenceTypes: { method: 'PUT', path: '/api/v1/admin/licence-types', auth: 'admin' },
})
