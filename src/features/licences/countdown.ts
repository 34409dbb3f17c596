import type { LicenceView } from '../../contract/licences/schemas'

/** The one line under a licence that says how much time is left, in words a holder acts on. */
export function countdownText(
  licence: Pick<LicenceView, 'status' | 'daysToDeadline' | 'daysToExpiry' | 'estimate'>,
): string {
  const estimate = licence.estimate ? '（预计）' : ''
  switch (licence.status) {
    case 'cancelled':
      return '已注销，无需续期'
    case 'renewing':
      return licence.daysToExpiry >= 0 ? `续期办理中，距到期 ${licence.daysToExpiry} 天` : '续期办理中'
    case 'expired':
      return `已过期 ${-licence.daysToExpiry} 天，需重新申请`
    case 'deadline-missed':
      return `已超过续期申请截止日 ${-licence.daysToDeadline} 天，距到期还有 ${licence.daysToExpiry} 天`
    default:
      return licence.daysToDeadline === 0
        ? `今天是续期申请截止日${estimate}`
        : `距续期申请截止还有 ${licence.daysToDeadline} 天${estimate}`
  }
}
