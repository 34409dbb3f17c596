/**
 * One year of compliance deadlines for one enterprise, every kind planned so far, in date order.
 */
import { planAnnualReport, type AnnualReportFacts } from './annualReport'
import { planCreditRepair, type PenaltyRecord } from './creditRepair'
import type { ComplianceItem } from './item'
import { planPolicyWindow, type PolicyWindowFacts } from './policyWindow'
import { planTaxFiling, type TaxSettings } from './taxFiling'

export interface EnterpriseComplianceFacts extends AnnualReportFacts {
  /** absent until the owner fills in the tax settings: no tax items then */
  tax?: TaxSettings
  penalties?: readonly PenaltyRecord[]
  /** the user's own 年报 reminder days for this year */
  annualReportReminders?: readonly string[]
  /** favourited and 可申报 policies with an application window */
  policies?: readonly PolicyWindowFacts[]
}

/**
 * In date order; same-day items keep the order 年报, repairs, policies, taxes. Complaints need the
 * instant to judge their clocks: plan them with planComplaint (./complaintDeadlines).
 */
export function planYear(facts: EnterpriseComplianceFacts, year: number): ComplianceItem[] {
  // The tax list comes out sorted and is the long one: merge the few others into it.
  const items = facts.tax ? planTaxFiling(facts.enterpriseId, facts.tax, year) : []
  const others = planAnnualReport(facts, year, facts.annualReportReminders)
  for (const penalty of facts.penalties ?? []) others.push(...planCreditRepair(penalty, year))
  for (const policy of facts.policies ?? []) others.push(...planPolicyWindow(facts.enterpriseId, policy, year))
  for (let i = others.length - 1; i >= 0; i--) {
    const item = others[i]
    let at = 0
    while (at < items.length && items[at].dueDate < item.dueDate) at++
    items.splice(at, 0, item)
  }
  return items
}
