import { annualReportPlanner } from './annual-report'
import { complaintPlanner } from './complaint'
import { creditRepairPlanner } from './credit-repair'
import type { CompliancePlanner } from './planner'
import { policyWindowPlanner } from './policy-window'
import { taxFilingPlanner } from './tax-filing'

export type { CompliancePlanner, DueReminder, PlannerInput } from './planner'

/** One planner per kind of compliance deadline. */
export const COMPLIANCE_PLANNERS: readonly CompliancePlanner[] = [
  annualReportPlanner,
  taxFilingPlanner,
  creditRepairPlanner,
  policyWindowPlanner,
  complaintPlanner,
]
