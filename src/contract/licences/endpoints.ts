/**
 * 许证闹钟 operations: what the app calls and the server serves (types from ./schemas.ts, type-only).
 * One export per operation (tree-shaken in the app); see src/contract/endpoint.ts.
 */
import { endpointsOf } from '../endpoint'
import type { ops } from './schemas'

const endpoint = /*#__PURE__*/ endpointsOf<typeof ops>()

export const listLicenceTypes = /*#__PURE__*/ endpoint('listLicenceTypes', 'GET /api/v1/licence-types', 'public')
export const replaceLicenceTypes = /*#__PURE__*/ endpoint(
  'replaceLicenceTypes',
  'PUT /api/v1/admin/licence-types',
  'admin',
)
export const listLicences = /*#__PURE__*/ endpoint('listLicences', 'GET /api/v1/enterprises/:enterpriseId/licences')
export const createLicence = /*#__PURE__*/ endpoint('createLicence', 'POST /api/v1/enterprises/:enterpriseId/licences')
export const getLicence = /*#__PURE__*/ endpoint('getLicence', 'GET /api/v1/licences/:licenceId')
export const updateLicence = /*#__PURE__*/ endpoint('updateLicence', 'PUT /api/v1/licences/:licenceId')
export const deleteLicence = /*#__PURE__*/ endpoint('deleteLicence', 'DELETE /api/v1/licences/:licenceId')
export const markRenewalStarted = /*#__PURE__*/ endpoint(
  'markRenewalStarted',
  'POST /api/v1/licences/:licenceId/renewal-started',
)
export const undoRenewalStarted = /*#__PURE__*/ endpoint(
  'undoRenewalStarted',
  'DELETE /api/v1/licences/:licenceId/renewal-started',
)
export const recordRenewal = /*#__PURE__*/ endpoint('recordRenewal', 'POST /api/v1/licences/:licenceId/renewed')
export const followUp = /*#__PURE__*/ endpoint('followUp', 'GET /api/v1/admin/licences/follow-up', 'admin')
export const importLicences = /*#__PURE__*/ endpoint('importLicences', 'POST /api/v1/admin/licences/import', 'admin')
