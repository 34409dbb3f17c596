import { endpointsOf } from '../endpoint'
import type { ops } from './schemas'

/** 有诉即办 operations: what the app calls and the server serves (types from ./schemas.ts, type-only). */

// One export per operation, marked pure, so a bundle keeps only the descriptors it calls (the
// main package must not carry admin or staff operations); see src/contract/endpoint.ts.
const endpoint = /*#__PURE__*/ endpointsOf<typeof ops>()

/** The city's categories with their time limits (config COMPLAINT_RULES), for the new-complaint form. */
export const getComplaintRules = /*#__PURE__*/ endpoint('getComplaintRules', 'GET /api/v1/complaint-rules', 'public')
export const uploadComplaintPhoto = /*#__PURE__*/ endpoint(
  'uploadComplaintPhoto',
  'POST /api/v1/complaints/attachments',
)
export const submitComplaint = /*#__PURE__*/ endpoint('submitComplaint', 'POST /api/v1/complaints')
export const listComplaints = /*#__PURE__*/ endpoint('listComplaints', 'GET /api/v1/complaints')
/** Besides the common errors: COMPLAINT_NOT_FOUND. */
export const getComplaint = /*#__PURE__*/ endpoint('getComplaint', 'GET /api/v1/complaints/:complaintId')
/** Besides the common errors: COMPLAINT_NOT_FOUND, COMPLAINT_ACTION_REFUSED. */
export const takeComplaintAction = /*#__PURE__*/ endpoint(
  'takeComplaintAction',
  'POST /api/v1/complaints/:complaintId/actions',
)
/** Besides the common errors: COMPLAINT_NOT_FOUND. */
export const getComplaintPhoto = /*#__PURE__*/ endpoint(
  'getComplaintPhoto',
  'GET /api/v1/complaints/:complaintId/attachments/:attachmentId',
)
/** Besides the common errors: COMPLAINT_NOT_FOUND, RATE_LIMITED. */
export const getComplaintByCode = /*#__PURE__*/ endpoint(
  'getComplaintByCode',
  'GET /api/v1/complaints/by-code/:code',
  'optional',
)
export const staffListComplaints = /*#__PURE__*/ endpoint(
  'staffListComplaints',
  'GET /api/v1/staff/complaints',
  'admin',
)
/** Besides the common errors: COMPLAINT_NOT_FOUND. */
export const staffGetComplaint = /*#__PURE__*/ endpoint(
  'staffGetComplaint',
  'GET /api/v1/staff/complaints/:complaintId',
  'admin',
)
/** Besides the common errors: COMPLAINT_NOT_FOUND, COMPLAINT_ACTION_REFUSED. */
export const staffTakeAction = /*#__PURE__*/ endpoint(
  'staffTakeAction',
  'POST /api/v1/staff/complaints/:complaintId/actions',
  'admin',
)
/** Besides the common errors: COMPLAINT_NOT_FOUND. */
export const staffGetComplaintPhoto = /*#__PURE__*/ endpoint(
  'staffGetComplaintPhoto',
  'GET /api/v1/staff/complaints/:complaintId/attachments/:attachmentId',
  'admin',
)
export const superviseComplaints = /*#__PURE__*/ endpoint(
  'superviseComplaints',
  'POST /api/v1/admin/complaints/supervise',
  'admin',
)
