import { endpointsOf } from '../endpoint'
import type { ops } from './schemas'

/** 合规日历 operations: what the app calls and the server serves (types from ./schemas.ts, type-only). */

// One export per operation, marked pure, so a bundle keeps only the descriptors it calls (the
// main package must not carry admin or staff operations); see src/contract/endpoint.ts.
const endpoint = /*#__PURE__*/ endpointsOf<typeof ops>()

export const getTimeline = /*#__PURE__*/ endpoint(
  'getTimeline',
  'GET /api/v1/enterprises/:enterpriseId/compliance/timeline',
)
export const getMyTimeline = /*#__PURE__*/ endpoint('getMyTimeline', 'GET /api/v1/me/compliance/timeline')
export const getSettings = /*#__PURE__*/ endpoint(
  'getSettings',
  'GET /api/v1/enterprises/:enterpriseId/compliance/settings',
)
export const saveSettings = /*#__PURE__*/ endpoint(
  'saveSettings',
  'PUT /api/v1/enterprises/:enterpriseId/compliance/settings',
)
export const addPenalty = /*#__PURE__*/ endpoint(
  'addPenalty',
  'POST /api/v1/enterprises/:enterpriseId/compliance/penalties',
)
/** Besides the common errors: PENALTY_NOT_FOUND. */
export const deletePenalty = /*#__PURE__*/ endpoint(
  'deletePenalty',
  'DELETE /api/v1/enterprises/:enterpriseId/compliance/penalties/:penaltyId',
)
export const markReportFiled = /*#__PURE__*/ endpoint(
  'markReportFiled',
  'PUT /api/v1/enterprises/:enterpriseId/compliance/annual-reports/:reportYear/filed',
)
export const unmarkReportFiled = /*#__PURE__*/ endpoint(
  'unmarkReportFiled',
  'DELETE /api/v1/enterprises/:enterpriseId/compliance/annual-reports/:reportYear/filed',
)
export const getReportReminders = /*#__PURE__*/ endpoint(
  'getReportReminders',
  'GET /api/v1/enterprises/:enterpriseId/compliance/annual-report-reminders/:windowYear',
)
export const saveReportReminders = /*#__PURE__*/ endpoint(
  'saveReportReminders',
  'PUT /api/v1/enterprises/:enterpriseId/compliance/annual-report-reminders/:windowYear',
)
export const resetReportReminders = /*#__PURE__*/ endpoint(
  'resetReportReminders',
  'DELETE /api/v1/enterprises/:enterpriseId/compliance/annual-report-reminders/:windowYear',
)
/** Besides the common errors: COMPLIANCE_ITEM_NOT_FOUND. */
export const setItemState = /*#__PURE__*/ endpoint(
  'setItemState',
  'PUT /api/v1/enterprises/:enterpriseId/compliance/items/:itemKey/state',
)
/** Besides the common errors: COMPLIANCE_ITEM_NOT_FOUND. */
export const clearItemState = /*#__PURE__*/ endpoint(
  'clearItemState',
  'DELETE /api/v1/enterprises/:enterpriseId/compliance/items/:itemKey/state',
)
export const annualReportFollowUp = /*#__PURE__*/ endpoint(
  'annualReportFollowUp',
  'GET /api/v1/admin/compliance/annual-report-follow-up',
  'admin',
)
