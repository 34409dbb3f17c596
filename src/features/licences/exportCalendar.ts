import type { LicenceView } from '../../../server/contract-licences'
import { licencesToIcs } from '../../domain/licences/ics'
import { DEFAULT_REMINDER_OFFSETS } from '../../domain/licences/reminders'
import { saveTextFile, type SavedFile } from '../../platform/files'

/** The wallet's live licences as an .ics file with the user's reminder offsets as alarms. */
export function exportCalendar(
  licences: readonly LicenceView[],
  offsets: readonly number[] = DEFAULT_REMINDER_OFFSETS,
): Promise<SavedFile> {
  const live = licences.filter((l) => l.status !== 'cancelled' && l.status !== 'expired')
  const ics = licencesToIcs(live, offsets, new Date())
  return saveTextFile('zhengqitong-licences.ics', ics, 'text/calendar;charset=utf-8')
}
