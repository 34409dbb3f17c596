import type { LicenceView } from '../../../server/contract-licences'
import { licencesToIcs } from '../../domain/licences/ics'
import { DEFAULT_REMINDER_OFFSETS } from '../../domain/licences/reminders'
import { saveTextFile, type SavedFile } from '../../platform/files'

/** The licences an export includes: neither cancelled nor expired. */
export function liveLicences(licences: readonly LicenceView[]): LicenceView[] {
  return licences.filter((l) => l.status !== 'cancelled' && l.status !== 'expired')
}

/**
 * The wallet's live licences as an .ics file with the user's reminder offsets as alarms. Only the
 * licences subpackage's export page imports this (with the .ics writer and the file saver).
 */
export function exportCalendar(
  licences: readonly LicenceView[],
  offsets: readonly number[] = DEFAULT_REMINDER_OFFSETS,
): Promise<SavedFile> {
  const ics = licencesToIcs(liveLicences(licences), offsets, new Date())
  return saveTextFile('zhengqitong-licences.ics', ics, 'text/calendar;charset=utf-8')
}
