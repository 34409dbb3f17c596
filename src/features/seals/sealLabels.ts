import type { SealGrantStatus, SealStatus } from '../../contract/esign/schemas'

export const SEAL_STATUS_LABELS: Record<SealStatus, string> = { valid: '有效', expired: '已过期', revoked: '已注销' }

export const GRANT_STATUS_LABELS: Record<SealGrantStatus, string> = {
  invited: '待接受',
  active: '生效中',
  expired: '已过期',
  revoked: '已撤销',
}
