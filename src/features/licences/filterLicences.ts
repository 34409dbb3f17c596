import type { LicenceStatus, LicenceView } from '../../contract/licences/schemas'

/** Filter by status and search by licence name or number, over the list already on the device. */
export function filterLicences(
  items: readonly LicenceView[],
  status: LicenceStatus | 'all',
  query: string,
): LicenceView[] {
  const q = query.trim().toLowerCase()
  return items.filter(
    (l) =>
      (status === 'all' || l.status === status) &&
      (q === '' || l.typeName.toLowerCase().includes(q) || l.number.toLowerCase().includes(q)),
  )
}
