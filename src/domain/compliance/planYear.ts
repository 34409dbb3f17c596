/**
 * One year of compliance deadlines for one enterprise, every kind planned so far, in date order.
 */
import { planAnnualReport, type AnnualReportFacts } from './annualReport'
import { planCreditRepair, type PenaltyRecord } from './creditRepair'
import type { ComplianceItem } from './item'
import { planTaxFiling, type TaxSettings } from './taxFiling'

export interface EnterpriseComplianceFacts extends AnnualReportFacts {
  /** absent until the owner fills in the tax settings: no tax items then */
  tax?: TaxSettings
  penalties?: readonly PenaltyRecord[]
  /** the user's own 年报 reminder days for this year */
  annualReportReminders?: readonly string[]
}

export function planYear(facts: EnterpriseComplianceFacts, year: number): ComplianceItem[] {
  const items = [
    ...planAnnualReport(facts, year, facts.annualReportReminders),
    ...(facts.tax ? planTaxFiling(facts.enterpriseId, facts.tax, year) : []),
    ...(facts.penalties ?? []).flatMap((penalty) => planCreditRepair(penalty, year)),
  ]
  return items.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
}
