import type { LicenceListResponse, LicenceStatus, LicenceView } from '../../src/contract/licences/schemas'

export function licence(patch: Partial<LicenceView> & Pick<LicenceView, 'id' | 'typeName' | 'status'>): LicenceView {
  return {
    enterpriseId: 'e0000000-0000-4000-8000-000000000001',
    typeCode: 'food-production',
    number: `NO-${patch.id}`,
    authority: '许昌市市场监督管理局',
    issuedOn: '2022-01-10',
    expiresOn: '2027-01-09',
    scope: null,
    renewalStartedOn: null,
    cancelledOn: null,
    statusLabel: '',
    asOf: '2026-11-22',
    latestApplyOn: '2026-12-10',
    legalLatestApplyOn: '2026-12-10',
    movedOffDayOff: false,
    earliestApplyOn: null,
    daysToDeadline: 18,
    daysToExpiry: 48,
    estimate: false,
    canApplyNow: true,
    history: [],
    updatedAt: '2026-11-22T00:00:00.000Z',
    ...patch,
  }
}

export function listOf(items: LicenceView[]): LicenceListResponse {
  const counts = {
    valid: 0,
    'renewal-due': 0,
    urgent: 0,
    'deadline-missed': 0,
    expired: 0,
    renewing: 0,
    cancelled: 0,
  } as Record<LicenceStatus, number>
  for (const item of items) counts[item.status] += 1
  return { asOf: '2026-11-22', items, counts }
}
