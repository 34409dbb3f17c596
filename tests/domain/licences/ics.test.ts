import { licencesToIcs } from '../../../src/domain/licences/ics'

const licence = {
  id: 'l1',
  typeName: '食品生产许可证',
  number: 'SC10641100200123',
  latestApplyOn: '2026-12-14',
  expiresOn: '2027-01-25',
  estimate: false,
}
const NOW = new Date('2026-11-22T01:02:03.456Z')

describe('licence calendar export (RFC 5545)', () => {
  const ics = licencesToIcs([licence], [30, 7], NOW)
  const lines = ics.split('\r\n')

  test('is a calendar with CRLF line ends and one deadline and one expiry event per licence', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2)
  })

  test('the deadline is an all-day event on latestApplyOn with one alarm per offset at 09:00', () => {
    expect(lines).toContain('DTSTART;VALUE=DATE:20261214')
    expect(lines).toContain('DTEND;VALUE=DATE:20261215')
    expect(lines).toContain('UID:deadline-l1@zhengqitong')
    // 30 days before 2026-12-14 at 09:00 is 2026-11-14 09:00 = 00:00 minus 29 days 15 hours
    expect(lines).toContain('TRIGGER:-P29DT15H')
    expect(lines).toContain('TRIGGER:-P6DT15H')
    expect(lines).toContain('DTSTAMP:20261122T010203Z')
  })

  test('the expiry day has its own event with an alarm at 09:00 that day', () => {
    expect(lines).toContain('DTSTART;VALUE=DATE:20270125')
    expect(lines).toContain('TRIGGER:PT9H')
  })

  test('no physical line exceeds 75 octets and unfolding restores the Chinese text intact', () => {
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    const unfolded = ics.replace(/\r\n /g, '')
    expect(unfolded).toContain('SUMMARY:【续期申请截止】食品生产许可证')
  })

  test('commas, semicolons and backslashes in text are escaped', () => {
    const tricky = licencesToIcs([{ ...licence, typeName: 'A,B;C\\D' }], [], NOW).replace(/\r\n /g, '')
    expect(tricky).toContain('SUMMARY:【续期申请截止】A\\,B\\;C\\\\D')
  })

  test('an estimated deadline says so in the event', () => {
    const estimated = licencesToIcs([{ ...licence, estimate: true }], [], NOW).replace(/\r\n /g, '')
    expect(estimated).toContain('预计')
  })
})
