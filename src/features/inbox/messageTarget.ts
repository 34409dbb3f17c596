import { ROUTES, type Route } from '../../core/routes'
import type { InboxMessage } from '../../contract/account/schemas'

export interface MessageTarget {
  route: Route
  query: Record<string, string>
}

/**
 * Where tapping a message leads: the licence, policy, complaint, seal report / 用章记录 or compliance deadline it is
 * about (the same pages and queries as the server's deep links, src/domain/links.ts); nowhere for a
 * notice. A policy message names its enterprise (「XX公司符合申报条件」), so the policy is judged
 * for that enterprise, not whichever one happens to be current.
 */
export function messageTarget(message: Pick<InboxMessage, 'link' | 'enterpriseId'>): MessageTarget | null {
  const { link } = message
  switch (link.kind) {
    case 'licence':
      return { route: ROUTES.licenceDetail, query: { id: link.licenceId } }
    case 'policy':
      return {
        route: ROUTES.policyDetail,
        query: message.enterpriseId ? { id: link.policyId, enterpriseId: message.enterpriseId } : { id: link.policyId },
      }
    case 'complaint':
      return { route: ROUTES.complaintDetail, query: { id: link.complaintId } }
    case 'seal-report':
      return {
        route: ROUTES.sealReports,
        query: message.enterpriseId ? { enterpriseId: message.enterpriseId, month: link.month } : { month: link.month },
      }
    case 'seal-audit':
      return { route: ROUTES.sealAudit, query: message.enterpriseId ? { enterpriseId: message.enterpriseId } : {} }
    case 'compliance-item':
      // The detail page needs its enterprise; a message without one opens the calendar.
      return message.enterpriseId
        ? {
            route: ROUTES.complianceDetail,
            query: { enterpriseId: message.enterpriseId, key: link.key, date: link.date },
          }
        : { route: ROUTES.compliance, query: {} }
    case 'none':
      return null
  }
}
