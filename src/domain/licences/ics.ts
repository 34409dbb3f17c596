/**
 * An iCalendar file (RFC 5545) with each licence's renewal deadline and expiry day as all-day
 * events, and one alarm per reminder offset, so a phone's own calendar reminds the holder too.
 */
import { addDays, type IsoDate } from '../calendar/dates'

export interface IcsLicence {
  id: string
  typeName: string
  number: string
  latestApplyOn: IsoDate
  expiresOn: IsoDate
  estimate: boolean
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** UTF-8 length of one code point. (No TextEncoder: WeChat's and Alipay's logic layer lack it.) */
function utf8Octets(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded; never split a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const ch of line) {
    const size = utf8Octets(ch)
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current)
      current = ''
      octets = 0
    }
    current += ch
    octets += size
  }
  out.push(current)
  return out.join('\r\n ')
}

const compact = (date: IsoDate) => date.replace(/-/g, '')

function allDayEvent(
  uid: string,
  date: IsoDate,
  summary: string,
  description: string,
  stamp: string,
  alarms: number[],
): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compact(date)}`,
    `DTEND;VALUE=DATE:${compact(addDays(date, 1))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'TRANSP:TRANSPARENT',
    ...alarms.flatMap((days) => [
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(days === 0 ? summary : `${summary}（还有 ${days} 天）`)}`,
      // 09:00 on the day `days` days before the event (an all-day event starts at 00:00).
      days === 0 ? 'TRIGGER:PT9H' : `TRIGGER:-P${days - 1}DT15H`,
      'END:VALARM',
    ]),
    'END:VEVENT',
  ]
}

/** @param now the DTSTAMP instant, injected so output is reproducible. */
export function licencesToIcs(licences: readonly IcsLicence[], reminderOffsets: readonly number[], now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//zhengqitong//licence-reminders//ZH',
    'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:政企通 证照续期',
  ]
  for (const l of licences) {
    const estimate = l.estimate ? '（预计：所依据年份的节假日安排尚未公布）' : ''
    lines.push(
      ...allDayEvent(
        `deadline-${l.id}@zhengqitong`,
        l.latestApplyOn,
        `【续期申请截止】${l.typeName}`,
        `证照编号 ${l.number}；最迟于今天提交续期申请${estimate}；有效期至 ${l.expiresOn}`,
        stamp,
        [...reminderOffsets].sort((a, b) => b - a),
      ),
      ...allDayEvent(
        `expiry-${l.id}@zhengqitong`,
        l.expiresOn,
        `【证照到期】${l.typeName}`,
        `证照编号 ${l.number} 今天到期`,
        stamp,
        [0],
      ),
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(fold).join('\r\n') + '\r\n'
}
