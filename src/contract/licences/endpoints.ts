import { defineEndpoints } from '../endpoint'
import type { ops } from './schemas'

/** 许证闹钟 operations: what the app calls and the server serves (types from ./schemas.ts, type-only). */
export const licenceEndpoints = defineEndpoints<typeof ops>()({
  listLicenceTypes: { method: 'GET', path: '/api/v1/licence-types', auth: 'public' },
  replaceLicenceTypes: { method: 'PUT', path: '/api/v1/admin/licence-types', auth: 'admin' },
  listLicences: { method: 'GET', path: '/api/v1/enterprises/:enterpriseId/licences', auth: 'session' },
  createLicence: {
    method: 'POST',
    path: '/api/v1/enterprises/:enterpriseId/licences',
    auth: 'session',
    errors: ['LICENCE_TYPE_UNKNOWN', 'LICENCE_DUPLICATE'],
  },
  getLicence: { method: 'GET', path: '/api/v1/licences/:licenceId', auth: 'session', errors: ['LICENCE_NOT_FOUND'] },
  updateLicence: { method: 'PUT', path: '/api/v1/licences/:licenceId', auth: 'session', errors: ['LICENCE_NOT_FOUND'] },
  deleteLicence: {
    method: 'DELETE',
    path: '/api/v1/licences/:licenceId',
    auth: 'session',
    errors: ['LICENCE_NOT_FOUND'],
  },
  markRenewalStarted: {
    method: 'POST',
    path: '/api/v1/licences/:licenceId/renewal-started',
    auth: 'session',
    errors: ['LICENCE_NOT_FOUND', 'LICENCE_CANCELLED'],
  },
  undoRenewalStarted: {
    method: 'DELETE',
    path: '/api/v1/licences/:licenceId/renewal-started',
    auth: 'session',
    errors: ['LICENCE_NOT_FOUND'],
  },
  recordRenewal: {
    method: 'POST',
    path: '/api/v1/licences/:licenceId/renewed',
    auth: 'session',
    errors: ['LICENCE_NOT_FOUND', 'LICENCE_CANCELLED'],
  },
  followUp: { method: 'GET', path: '/api/v1/admin/licences/follow-up', auth: 'admin' },
  importLicences: { method: 'POST', path: '/api/v1/admin/licences/import', auth: 'admin' },
})
