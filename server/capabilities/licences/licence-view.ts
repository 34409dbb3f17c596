import type { LicenceHistoryEntry, LicenceStatus, LicenceView } from '../../../src/contract/licences/schemas'
import type { IsoDate } from '../../../src/domain/calendar/dates'
import { LICENCE_STATUS_LABELS, licenceStatus, urgencyOrder } from '../../../src/domain/licences/status'
import { recordType, type CityCatalogue } from './catalogue-store'
import type { LicenceRow } from './licence-repo'

/** A licence as the app shows it on `today` (China): status and deadline come from src/domain. */
export function toLicenceView(
  row: LicenceRow,
  history: LicenceHistoryEntry[],
  catalogue: CityCatalogue,
  today: IsoDate,
): LicenceView {
  const type = recordType(catalogue, row.type_code)
  const result = licenceStatus(
    {
      expiresOn: row.expires_on,
      leadRule: type.leadRule,
      renewalStartedOn: row.renewal_started_on,
      cancelledOn: row.cancelled_on,
    },
    today,
  )
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    typeCode: row.type_code,
    typeName: type.name,
    number: row.number,
    authority: row.authority,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    scope: row.scope,
    renewalStartedOn: row.renewal_started_on,
    cancelledOn: row.cancelled_on,
    status: result.status,
    statusLabel: LICENCE_STATUS_LABELS[result.status],
    asOf: today,
    latestApplyOn: result.deadline.latestApplyOn,
    legalLatestApplyOn: result.deadline.legalLatestApplyOn,
    movedOffDayOff: result.deadline.movedOffDayOff,
    earliestApplyOn: result.deadline.earliestApplyOn ?? null,
    daysToDeadline: result.daysToDeadline,
    daysToExpiry: result.daysToExpiry,
    estimate: result.estimate,
    canApplyNow: result.canApplyNow,
    history,
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

export function emptyStatusCounts(): Record<LicenceStatus, number> {
  return { valid: 0, 'renewal-due': 0, urgent: 0, 'deadline-missed': 0, expired: 0, renewing: 0, cancelled: 0 }
}

/** Most pressing first (the domain's order), ties by id so the order never flickers. */
export function sortByUrgency(views: LicenceView[]): LicenceView[] {
  return views.sort((a, b) => urgencyOrder(a, b) || a.id.localeCompare(b.id))
}

/** Case-insensitive match of the search box against what the wallet card shows. */
export function matchesQuery(view: LicenceView, q: string): boolean {
  const needle = q.trim().toLowerCase()
  if (!needle) return true
  return [view.typeName, view.number, view.authority, view.scope ?? ''].some((text) =>
    text.toLowerCase().includes(needle),
  )
}
