import { ROUTES, type Route } from '../../core/routes'
import type { InboxLink } from '../../../server/contract-licences'

export interface MessageTarget {
  route: Route
  query: Record<string, string>
}

/** Where tapping a message leads: the licence, policy or complaint it is about; nowhere for a notice. */
export function messageTarget(link: InboxLink): MessageTarget | null {
  switch (link.kind) {
    case 'licence':
      return { route: ROUTES.licenceDetail, query: { id: link.licenceId } }
    case 'policy':
      return { route: ROUTES.policyDetail, query: { id: link.policyId } }
    case 'complaint':
      return { route: ROUTES.complaintDetail, query: { id: link.complaintId } }
    case 'none':
      return null
  }
}
