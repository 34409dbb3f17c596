import type { ComplianceErrorCode } from '../contract-compliance'

/** Default HTTP status and Chinese message of 合规日历's error codes (merged into ERROR_DEFAULTS). */
export const COMPLIANCE_ERROR_DEFAULTS: Record<ComplianceErrorCode, { status: number; message: string }> = {
  COMPLIANCE_ITEM_NOT_FOUND: { status: 404, message: '该企业没有这一办事期限' },
  PENALTY_NOT_FOUND: { status: 404, message: '处罚记录不存在或已删除' },
}
