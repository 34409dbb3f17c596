import { defineEndpoints } from '../endpoint'
import type { ops } from './schemas'

/** 有诉即办 operations: what the app calls and the server serves (types from ./schemas.ts, type-only). */
export const complaintEndpoints = defineEndpoints<typeof ops>()({
  /** The city's categories with their time limits (config COMPLAINT_RULES), for the new-complaint form. */
  getComplaintRules: { method: 'GET', path: '/api/v1/complaint-rules', auth: 'public' },
  uploadComplaintPhoto: { method: 'POST', path: '/api/v1/complaints/attachments', auth: 'session' },
  submitComplaint: { method: 'POST', path: '/api/v1/complaints', auth: 'session' },
  listComplaints: { method: 'GET', path: '/api/v1/complaints', auth: 'session' },
  getComplaint: {
    method: 'GET',
    path: '/api/v1/complaints/:complaintId',
    auth: 'session',
    errors: ['COMPLAINT_NOT_FOUND'],
  },
  takeComplaintAction: {
    method: 'POST',
    path: '/api/v1/complaints/:complaintId/actions',
    auth: 'session',
    errors: ['COMPLAINT_NOT_FOUND', 'COMPLAINT_ACTION_REFUSED'],
  },
  getComplaintPhoto: {
    method: 'GET',
    path: '/api/v1/complaints/:complaintId/attachments/:attachmentId',
    auth: 'session',
    errors: ['COMPLAINT_NOT_FOUND'],
  },
  getComplaintByCode: {
    method: 'GET',
    path: '/api/v1/complaints/by-code/:code',
    // The route reads no session; the client sends a token it holds as it always has.
    auth: 'optional',
    errors: ['COMPLAINT_NOT_FOUND', 'RATE_LIMITED'],
  },
  staffListComplaints: { method: 'GET', path: '/api/v1/staff/complaints', auth: 'admin' },
  staffGetComplaint: {
    method: 'GET',
    path: '/api/v1/staff/complaints/:complaintId',
    auth: 'admin',
    errors: ['COMPLAINT_NOT_FOUND'],
  },
  staffTakeAction: {
    method: 'POST',
    path: '/api/v1/staff/complaints/:complaintId/actions',
    auth: 'admin',
    errors: ['COMPLAINT_NOT_FOUND', 'COMPLAINT_ACTION_REFUSED'],
  },
  staffGetComplaintPhoto: {
    method: 'GET',
    path: '/api/v1/staff/complaints/:complaintId/attachments/:attachmentId',
    auth: 'admin',
    errors: ['COMPLAINT_NOT_FOUND'],
  },
  superviseComplaints: { method: 'POST', path: '/api/v1/admin/complaints/supervise', auth: 'admin' },
})
