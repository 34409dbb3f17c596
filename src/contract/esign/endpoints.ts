import { endpointsOf } from '../endpoint'
import type { ops } from './schemas'

/** 刷脸 / 电子印章 / 电子签名 / 印章授权 operations (types from ./schemas.ts, type-only). */

// One export per operation, marked pure, so a bundle keeps only the descriptors it calls (the
// main package must not carry admin or staff operations); see src/contract/endpoint.ts.
const endpoint = /*#__PURE__*/ endpointsOf<typeof ops>()

// 刷脸
/** Besides the common errors: FACE_UNAVAILABLE, FACE_PROVIDER_ERROR, FACE_LOCKED, VERIFIED_IDENTITY_NONE. */
export const startFaceSession = /*#__PURE__*/ endpoint('startFaceSession', 'POST /api/v1/face/sessions')
export const getVerifiedIdentity = /*#__PURE__*/ endpoint('getVerifiedIdentity', 'GET /api/v1/face/identity')
/** Besides the common errors: FACE_SESSION_NOT_FOUND, FACE_SESSION_CLOSED, FACE_CANCELLED, FACE_MISMATCH, FACE_LOCKED, FACE_PROVIDER_ERROR. */
export const completeFaceSession = /*#__PURE__*/ endpoint(
  'completeFaceSession',
  'POST /api/v1/face/sessions/:sessionId/complete',
)
/** Besides the common errors: FACE_TICKET_INVALID. */
export const linkEnterprises = /*#__PURE__*/ endpoint('linkEnterprises', 'POST /api/v1/face/link-enterprises')
// 电子印章
/** Besides the common errors: FACE_TICKET_INVALID, NOT_LEGAL_REPRESENTATIVE, SEALS_ALREADY_CLAIMED. */
export const claimSeals = /*#__PURE__*/ endpoint('claimSeals', 'POST /api/v1/enterprises/:enterpriseId/seals/claim')
export const listSeals = /*#__PURE__*/ endpoint('listSeals', 'GET /api/v1/enterprises/:enterpriseId/seals')
/** Besides the common errors: SEAL_NOT_FOUND. */
export const getSealRules = /*#__PURE__*/ endpoint(
  'getSealRules',
  'GET /api/v1/enterprises/:enterpriseId/seals/:sealId/rules',
)
/** Besides the common errors: SEAL_NOT_FOUND. */
export const saveSealRules = /*#__PURE__*/ endpoint(
  'saveSealRules',
  'PUT /api/v1/enterprises/:enterpriseId/seals/:sealId/rules',
)
/** Besides the common errors: SEAL_NOT_FOUND, SEAL_ALREADY_REVOKED, PIN_INVALID, PIN_LOCKED, FACE_TICKET_INVALID. */
export const revokeSeal = /*#__PURE__*/ endpoint(
  'revokeSeal',
  'POST /api/v1/enterprises/:enterpriseId/seals/:sealId/revoke',
)
/** Besides the common errors: SEAL_NOT_FOUND, SEAL_ALREADY_REVOKED, PIN_INVALID, PIN_LOCKED, FACE_TICKET_INVALID. */
export const replaceSeal = /*#__PURE__*/ endpoint(
  'replaceSeal',
  'POST /api/v1/enterprises/:enterpriseId/seals/:sealId/replace',
)
// 个人电子签名
/** Besides the common errors: FACE_TICKET_INVALID, SIGNATURE_ALREADY_CLAIMED, SIGNATURE_IMAGE_INVALID. */
export const claimSignature = /*#__PURE__*/ endpoint('claimSignature', 'POST /api/v1/signatures/claim')
export const getMySignature = /*#__PURE__*/ endpoint('getMySignature', 'GET /api/v1/signatures/mine')
/** Besides the common errors: SIGNATURE_NOT_CLAIMED, PIN_INVALID, PIN_LOCKED, FACE_TICKET_INVALID. */
export const revokeMySignature = /*#__PURE__*/ endpoint('revokeMySignature', 'POST /api/v1/signatures/mine/revoke')
/** Besides the common errors: SIGNATURE_NOT_CLAIMED, FACE_TICKET_INVALID, SIGNATURE_IMAGE_INVALID. */
export const replaceMySignature = /*#__PURE__*/ endpoint('replaceMySignature', 'POST /api/v1/signatures/mine/replace')
// 印章授权 / 用章记录
/** Besides the common errors: GRANTEE_NOT_FOUND, SEAL_NOT_FOUND, PIN_INVALID, PIN_LOCKED, PIN_NOT_SET, FACE_TICKET_INVALID. */
export const createSealGrant = /*#__PURE__*/ endpoint(
  'createSealGrant',
  'POST /api/v1/enterprises/:enterpriseId/seal-grants',
)
export const listSealGrants = /*#__PURE__*/ endpoint(
  'listSealGrants',
  'GET /api/v1/enterprises/:enterpriseId/seal-grants',
)
/** Besides the common errors: GRANT_NOT_FOUND. */
export const revokeSealGrant = /*#__PURE__*/ endpoint(
  'revokeSealGrant',
  'DELETE /api/v1/enterprises/:enterpriseId/seal-grants/:grantId',
)
/** Besides the common errors: INVITE_CODE_INVALID. */
export const acceptSealGrant = /*#__PURE__*/ endpoint('acceptSealGrant', 'POST /api/v1/seal-grants/accept')
export const listMySealGrants = /*#__PURE__*/ endpoint('listMySealGrants', 'GET /api/v1/me/seal-grants')
/** Besides the common errors: GRANT_NOT_FOUND. */
export const acceptSealGrantById = /*#__PURE__*/ endpoint(
  'acceptSealGrantById',
  'POST /api/v1/seal-grants/:grantId/accept',
)
export const listSealAudit = /*#__PURE__*/ endpoint('listSealAudit', 'GET /api/v1/enterprises/:enterpriseId/seal-audit')
// 用章报告
export const listSealReports = /*#__PURE__*/ endpoint(
  'listSealReports',
  'GET /api/v1/enterprises/:enterpriseId/seal-reports',
)
export const getSealReport = /*#__PURE__*/ endpoint(
  'getSealReport',
  'GET /api/v1/enterprises/:enterpriseId/seal-reports/:month',
)
// 签章任务 (admin)
/** Besides the common errors: JOB_IN_PROGRESS. */
export const sweepSignTasks = /*#__PURE__*/ endpoint('sweepSignTasks', 'POST /api/v1/admin/sign-tasks/sweep', 'admin')
// 扫码签章: systems create and poll; the app scans, opens the document, confirms or rejects.
/** Besides the common errors: ENTERPRISE_NOT_FOUND, CALLBACK_URL_FORBIDDEN, SEAL_NOT_AVAILABLE. */
export const createSignTask = /*#__PURE__*/ endpoint('createSignTask', 'POST /api/v1/sign-tasks', 'system')
/** Besides the common errors: SIGN_TASK_NOT_FOUND. */
export const getSignTask = /*#__PURE__*/ endpoint('getSignTask', 'GET /api/v1/sign-tasks/:taskId', 'system')
/** Besides the common errors: SIGN_TICKET_INVALID, SIGN_TASK_EXPIRED, SIGN_TASK_SCANNED_BY_OTHER, SIGN_TASK_ALREADY_SIGNED, SIGN_TASK_REJECTED, SIGN_WRONG_ENTERPRISE, SIGN_NOT_AUTHORISED, SEAL_NOT_AVAILABLE, SIGNATURE_NOT_CLAIMED. */
export const scanSignTask = /*#__PURE__*/ endpoint('scanSignTask', 'POST /api/v1/sign-tasks/scan')
export const getSignTaskDocument = /*#__PURE__*/ endpoint(
  'getSignTaskDocument',
  'GET /api/v1/sign-tasks/:taskId/document',
)
/** Besides the common errors: SIGN_TASK_NOT_FOUND, SIGN_TASK_NOT_SCANNED, SIGN_TASK_EXPIRED, PIN_INVALID, PIN_LOCKED, PIN_NOT_SET, PIN_BUSY, FACE_TICKET_INVALID, SECOND_APPROVER_SAME_PERSON, SECOND_APPROVER_NOT_NAMED. */
export const confirmSignTask = /*#__PURE__*/ endpoint('confirmSignTask', 'POST /api/v1/sign-tasks/:taskId/confirm')
/** Besides the common errors: SIGN_TASK_NOT_FOUND, SIGN_TASK_NOT_SCANNED. */
export const rejectSignTask = /*#__PURE__*/ endpoint('rejectSignTask', 'POST /api/v1/sign-tasks/:taskId/reject')
// 企业成员 (the legal representative)
export const listEnterpriseMembers = /*#__PURE__*/ endpoint(
  'listEnterpriseMembers',
  'GET /api/v1/enterprises/:enterpriseId/members',
)
/** Besides the common errors: MEMBER_SELF_REMOVAL, MEMBER_LAST_LEGAL_REPRESENTATIVE. */
export const removeEnterpriseMember = /*#__PURE__*/ endpoint(
  'removeEnterpriseMember',
  'DELETE /api/v1/enterprises/:enterpriseId/members/:userId',
)
// 验章 and what it hands out, without login (bytes, not JSON: the app opens their URL)
export const verifySeal = /*#__PURE__*/ endpoint('verifySeal', 'POST /api/v1/seal-verifications', 'public')
export const getSesSignature = /*#__PURE__*/ endpoint(
  'getSesSignature',
  'GET /api/v1/signature-records/:recordId/ses-signature',
  'public',
)
export const getVerificationQr = /*#__PURE__*/ endpoint(
  'getVerificationQr',
  'GET /api/v1/signature-records/:recordId/verification-qr',
  'public',
)
export const getCaCertificate = /*#__PURE__*/ endpoint('getCaCertificate', 'GET /api/v1/pki/ca', 'public')
export const getTsaCertificate = /*#__PURE__*/ endpoint('getTsaCertificate', 'GET /api/v1/pki/tsa', 'public')
export const getCrl = /*#__PURE__*/ endpoint('getCrl', 'GET /api/v1/pki/crl', 'public')
export const getOpensslCrl = /*#__PURE__*/ endpoint('getOpensslCrl', 'GET /api/v1/pki/crl/openssl', 'public')
