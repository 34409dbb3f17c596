import { defineEndpoints } from '../endpoint'
import type { ops } from './schemas'

const base = '/api/v1/enterprises/:enterpriseId/compliance'

/** 合规日历 operations: what the app calls and the server serves (types from ./schemas.ts, type-only). */
export const complianceEndpoints = defineEndpoints<typeof ops>()({
  getTimeline: { method: 'GET', path: `${base}/timeline`, auth: 'session' },
  getMyTimeline: { method: 'GET', path: '/api/v1/me/compliance/timeline', auth: 'session' },
  getSettings: { method: 'GET', path: `${base}/settings`, auth: 'session' },
  saveSettings: { method: 'PUT', path: `${base}/settings`, auth: 'session' },
  addPenalty: { method: 'POST', path: `${base}/penalties`, auth: 'session' },
  deletePenalty: {
    method: 'DELETE',
    path: `${base}/penalties/:penaltyId`,
    auth: 'session',
    errors: ['PENALTY_NOT_FOUND'],
  },
  markReportFiled: { method: 'PUT', path: `${base}/annual-reports/:reportYear/filed`, auth: 'session' },
  unmarkReportFiled: { method: 'DELETE', path: `${base}/annual-reports/:reportYear/filed`, auth: 'session' },
  getReportReminders: { method: 'GET', path: `${base}/annual-report-reminders/:windowYear`, auth: 'session' },
  saveReportReminders: { method: 'PUT', path: `${base}/annual-report-reminders/:windowYear`, auth: 'session' },
  resetReportReminders: { method: 'DELETE', path: `${base}/annual-report-reminders/:windowYear`, auth: 'session' },
  setItemState: {
    method: 'PUT',
    path: `${base}/items/:itemKey/state`,
    auth: 'session',
    errors: ['COMPLIANCE_ITEM_NOT_FOUND'],
  },
  clearItemState: {
    method: 'DELETE',
    path: `${base}/items/:itemKey/state`,
    auth: 'session',
    errors: ['COMPLIANCE_ITEM_NOT_FOUND'],
  },
  annualReportFollowUp: { method: 'GET', path: '/api/v1/admin/compliance/annual-report-follow-up', auth: 'admin' },
})
