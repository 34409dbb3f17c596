import { defineEndpoints } from '../endpoint'
import type { ops } from './schemas'

const E = '/api/v1/enterprises/:enterpriseId'

/** 刷脸 / 电子印章 / 电子签名 / 印章授权 operations (types from ./schemas.ts, type-only). */
export const esignEndpoints = defineEndpoints<typeof ops>()({
  // 刷脸
  startFaceSession: {
    method: 'POST',
    path: '/api/v1/face/sessions',
    auth: 'session',
    errors: ['FACE_UNAVAILABLE', 'FACE_PROVIDER_ERROR', 'FACE_LOCKED', 'VERIFIED_IDENTITY_NONE'],
  },
  getVerifiedIdentity: { method: 'GET', path: '/api/v1/face/identity', auth: 'session' },
  completeFaceSession: {
    method: 'POST',
    path: '/api/v1/face/sessions/:sessionId/complete',
    auth: 'session',
    errors: [
      'FACE_SESSION_NOT_FOUND',
      'FACE_SESSION_CLOSED',
      'FACE_CANCELLED',
      'FACE_MISMATCH',
      'FACE_LOCKED',
      'FACE_PROVIDER_ERROR',
    ],
  },
  linkEnterprises: {
    method: 'POST',
    path: '/api/v1/face/link-enterprises',
    auth: 'session',
    errors: ['FACE_TICKET_INVALID'],
  },
  // 电子印章
  claimSeals: {
    method: 'POST',
    path: `${E}/seals/claim`,
    auth: 'session',
    errors: ['FACE_TICKET_INVALID', 'NOT_LEGAL_REPRESENTATIVE', 'SEALS_ALREADY_CLAIMED'],
  },
  listSeals: { method: 'GET', path: `${E}/seals`, auth: 'session' },
  getSealRules: { method: 'GET', path: `${E}/seals/:sealId/rules`, auth: 'session', errors: ['SEAL_NOT_FOUND'] },
  saveSealRules: { method: 'PUT', path: `${E}/seals/:sealId/rules`, auth: 'session', errors: ['SEAL_NOT_FOUND'] },
  revokeSeal: {
    method: 'POST',
    path: `${E}/seals/:sealId/revoke`,
    auth: 'session',
    errors: ['SEAL_NOT_FOUND', 'SEAL_ALREADY_REVOKED', 'PIN_INVALID', 'PIN_LOCKED', 'FACE_TICKET_INVALID'],
  },
  replaceSeal: {
    method: 'POST',
    path: `${E}/seals/:sealId/replace`,
    auth: 'session',
    errors: ['SEAL_NOT_FOUND', 'SEAL_ALREADY_REVOKED', 'PIN_INVALID', 'PIN_LOCKED', 'FACE_TICKET_INVALID'],
  },
  // 个人电子签名
  claimSignature: {
    method: 'POST',
    path: '/api/v1/signatures/claim',
    auth: 'session',
    errors: ['FACE_TICKET_INVALID', 'SIGNATURE_ALREADY_CLAIMED', 'SIGNATURE_IMAGE_INVALID'],
  },
  getMySignature: { method: 'GET', path: '/api/v1/signatures/mine', auth: 'session' },
  revokeMySignature: {
    method: 'POST',
    path: '/api/v1/signatures/mine/revoke',
    auth: 'session',
    errors: ['SIGNATURE_NOT_CLAIMED', 'PIN_INVALID', 'PIN_LOCKED', 'FACE_TICKET_INVALID'],
  },
  replaceMySignature: {
    method: 'POST',
    path: '/api/v1/signatures/mine/replace',
    auth: 'session',
    errors: ['SIGNATURE_NOT_CLAIMED', 'FACE_TICKET_INVALID', 'SIGNATURE_IMAGE_INVALID'],
  },
  // 印章授权 / 用章记录
  createSealGrant: {
    method: 'POST',
    path: `${E}/seal-grants`,
    auth: 'session',
    errors: ['GRANTEE_NOT_FOUND', 'SEAL_NOT_FOUND', 'PIN_INVALID', 'PIN_LOCKED', 'PIN_NOT_SET', 'FACE_TICKET_INVALID'],
  },
  listSealGrants: { method: 'GET', path: `${E}/seal-grants`, auth: 'session' },
  revokeSealGrant: {
    method: 'DELETE',
    path: `${E}/seal-grants/:grantId`,
    auth: 'session',
    errors: ['GRANT_NOT_FOUND'],
  },
  acceptSealGrant: {
    method: 'POST',
    path: '/api/v1/seal-grants/accept',
    auth: 'session',
    errors: ['INVITE_CODE_INVALID'],
  },
  listMySealGrants: { method: 'GET', path: '/api/v1/me/seal-grants', auth: 'session' },
  acceptSealGrantById: {
    method: 'POST',
    path: '/api/v1/seal-grants/:grantId/accept',
    auth: 'session',
    errors: ['GRANT_NOT_FOUND'],
  },
  listSealAudit: { method: 'GET', path: `${E}/seal-audit`, auth: 'session' },
  // 用章报告
  listSealReports: { method: 'GET', path: `${E}/seal-reports`, auth: 'session' },
  getSealReport: { method: 'GET', path: `${E}/seal-reports/:month`, auth: 'session' },
  // 签章任务 (admin)
  sweepSignTasks: {
    method: 'POST',
    path: '/api/v1/admin/sign-tasks/sweep',
    auth: 'admin',
    errors: ['JOB_IN_PROGRESS'],
  },
  // 扫码签章: systems create and poll; the app scans, opens the document, confirms or rejects.
  createSignTask: {
    method: 'POST',
    path: '/api/v1/sign-tasks',
    auth: 'system',
    errors: ['ENTERPRISE_NOT_FOUND', 'CALLBACK_URL_FORBIDDEN', 'SEAL_NOT_AVAILABLE'],
  },
  getSignTask: { method: 'GET', path: '/api/v1/sign-tasks/:taskId', auth: 'system', errors: ['SIGN_TASK_NOT_FOUND'] },
  scanSignTask: {
    method: 'POST',
    path: '/api/v1/sign-tasks/scan',
    auth: 'session',
    errors: [
      'SIGN_TICKET_INVALID',
      'SIGN_TASK_EXPIRED',
      'SIGN_TASK_SCANNED_BY_OTHER',
      'SIGN_TASK_ALREADY_SIGNED',
      'SIGN_TASK_REJECTED',
      'SIGN_WRONG_ENTERPRISE',
      'SIGN_NOT_AUTHORISED',
      'SEAL_NOT_AVAILABLE',
      'SIGNATURE_NOT_CLAIMED',
    ],
  },
  getSignTaskDocument: { method: 'GET', path: '/api/v1/sign-tasks/:taskId/document', auth: 'session' },
  confirmSignTask: {
    method: 'POST',
    path: '/api/v1/sign-tasks/:taskId/confirm',
    auth: 'session',
    errors: [
      'SIGN_TASK_NOT_FOUND',
      'SIGN_TASK_NOT_SCANNED',
      'SIGN_TASK_EXPIRED',
      'PIN_INVALID',
      'PIN_LOCKED',
      'PIN_NOT_SET',
      'PIN_BUSY',
      'FACE_TICKET_INVALID',
      'SECOND_APPROVER_SAME_PERSON',
      'SECOND_APPROVER_NOT_NAMED',
    ],
  },
  rejectSignTask: {
    method: 'POST',
    path: '/api/v1/sign-tasks/:taskId/reject',
    auth: 'session',
    errors: ['SIGN_TASK_NOT_FOUND', 'SIGN_TASK_NOT_SCANNED'],
  },
})
