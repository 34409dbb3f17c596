import type { EnterpriseRole } from '../../../server/contract'

export const ROLE_LABELS: Record<EnterpriseRole, string> = {
  legal_representative: '法定代表人',
  agent: '代办',
  handler: '经办人',
  staff: '员工',
}
