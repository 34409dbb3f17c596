import type { ComplaintView } from '../../contract/complaints/schemas'
import { complaintCategory, rulesForCase, type ComplaintRules } from '../../domain/complaints/categories'
import type { Actor } from '../../domain/complaints/complaintCase'
import { countdownText, isLate, slaStatus } from '../../domain/complaints/sla'

/**
 * The limits the case keeps from its submission, as the server sent them (a view cached before
 * the server sent limits has none: the domain's defaults, as the server used then).
 */
function rulesOf(view: ComplaintView): ComplaintRules | undefined {
  return view.limits ? rulesForCase(view.case.category, view.limits) : undefined
}

/** The countdown as of now (the list may have been fetched hours ago), by the domain's own SLA rules. */
export function slaText(view: ComplaintView, now: number = Date.now()): string {
  try {
    return countdownText(slaStatus(view.case, new Date(now).toISOString(), rulesOf(view)))
  } catch {
    return view.sla.text
  }
}

export function isOverdue(view: ComplaintView, now: number = Date.now()): boolean {
  try {
    return isLate(slaStatus(view.case, new Date(now).toISOString(), rulesOf(view)))
  } catch {
    return view.sla.overdue
  }
}

export function categoryName(view: ComplaintView): string {
  return complaintCategory(view.case.category)?.name ?? view.case.category
}

export const ACTOR_LABELS: Record<Actor, string> = { submitter: '诉求人', staff: '工作人员', system: '系统' }

/** A chip colour for the state; the text carries the meaning. */
export function stateChipClass(view: ComplaintView, now?: number): string {
  const { state } = view.case
  if (state === 'withdrawn') return 'chip chip--cancelled'
  if (state === 'replied' || state === 'closed' || state === 'rated') return 'chip chip--renewing'
  if (isOverdue(view, now)) return 'chip chip--urgent'
  if (state === 'needs-info' || state === 'return-visit') return 'chip chip--renewal-due'
  return 'chip'
}
