/**
 * Wire types of 合规日历 (issue #14). The app imports this file with `import type` only.
 */
import type { ComplianceKind } from '../src/domain/compliance/item'
import type { PenaltyField } from '../src/domain/compliance/creditRepair'
import type { RegisteredEntityType } from '../src/domain/compliance/annualReport'
import type { TaxSettings } from '../src/domain/compliance/taxFiling'

/** The domain's kinds plus the licence deadlines of 许证闹钟. */
export type TimelineKind = ComplianceKind | 'licence'

/** Where an item opens: its own record, or the 年报/税务/信用修复 detail page. */
export type TimelineSource =
  | { type: 'licence'; id: string }
  | { type: 'policy'; id: string }
  | { type: 'complaint'; id: string }
  | { type: 'detail' }

export interface TimelineItem {
  /** Stable per deadline and enterprise: the ComplianceItem's sourceId, or `licence:<id>:<deadline>`. */
  key: string
  kind: TimelineKind
  enterpriseId: string
  enterpriseName: string
  title: string
  opensOn: string | null
  dueDate: string
  /** The day that matters on the calendar: the due date, or for 信用修复 the earliest application day. */
  date: string
  estimated: boolean
  countsWorkingDays: boolean
  /** From today to `date`: working days when countsWorkingDays, else calendar days; negative when past. */
  daysRemaining: number
  state: 'open' | 'snoozed'
  snoozedUntil: string | null
  reminders: string[]
  legalBasis: string
  source: TimelineSource
}

export interface EnterpriseCount {
  enterpriseId: string
  enterpriseName: string
  count: number
}

export interface TimelineResponse {
  asOf: string
  from: string
  to: string
  /** Most urgent first: by date, then kind. Done items are not listed. */
  items: TimelineItem[]
  /** Per enterprise the caller may see (zero included), over the listed items. */
  enterprises: EnterpriseCount[]
}

export interface PenaltyView {
  id: string
  decidedOn: string
  field: PenaltyField
  fieldName: string
  simpleProcedure: boolean
  decisionNumber: string | null
  published: boolean
  minimumDisplayEndsOn: string | null
  /** The day 信用修复 can first be applied for. */
  earliestApplyOn: string | null
  maximumDisplayEndsOn: string | null
}

export interface PenaltyInput {
  decidedOn: string
  field: PenaltyField
  simpleProcedure: boolean
  decisionNumber?: string
}

export interface ComplianceSettingsView {
  entityType: RegisteredEntityType
  /** null until the owner fills them in: no tax items then. */
  tax: TaxSettings | null
  penalties: PenaltyView[]
  /** Report years marked 已报送. */
  annualReportsFiled: number[]
}

export interface ComplianceSettingsInput {
  entityType: RegisteredEntityType
  tax: TaxSettings | null
}

export interface AnnualReportRemindersView {
  windowYear: number
  days: string[]
  /** false while the defaults apply */
  custom: boolean
}

export interface AnnualReportFollowUpEntry {
  enterpriseId: string
  enterpriseName: string
  uscc: string
  reportYear: number
  contactPhoneMasked: string | null
}

export type ComplianceErrorCode = 'COMPLIANCE_ITEM_NOT_FOUND' | 'PENALTY_NOT_FOUND'
