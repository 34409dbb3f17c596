import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

// The device's zone must not move a date. A phone set to New York (UTC−5) reads
// `new Date('2026-03-02')` as 1 March, and chinese-days' own isWorkday('2026-03-02') answers false
// for that Monday. Jest cannot switch TZ inside a test, so a child process runs the calendar there.
const ROOT = path.resolve(__dirname, '../../..')

const probe = `
  import { chinaDateOf, toDayNumber, weekdayOfDayNumber } from './src/domain/calendar/dates'
  import { addWorkingDays, isWorkingDay } from './src/domain/calendar/workingDays'
  import { renewalDeadline } from './src/domain/licences/deadline'
  console.log(JSON.stringify({
    offset: new Date(2026, 0, 1).getTimezoneOffset(),
    monday: weekdayOfDayNumber(toDayNumber('2026-03-02')),
    working: ['2026-03-02', '2026-02-14', '2026-02-15'].map(isWorkingDay),
    back: addWorkingDays('2026-02-24', -1).date,
    deadline: renewalDeadline('2026-03-20', { kind: 'calendarDays', days: 30 }).latestApplyOn,
    china: chinaDateOf(Date.UTC(2026, 0, 31, 16, 30)),
  }))
`

test('dates and working days do not depend on the device zone', () => {
  const output = execFileSync(process.execPath, [createRequire(__filename).resolve('tsx/cli'), '--eval', probe], {
    cwd: ROOT,
    env: { ...process.env, TZ: 'America/New_York' },
    encoding: 'utf8',
  })
  expect(JSON.parse(output)).toEqual({
    offset: 300, // really running at UTC−5
    monday: 1,
    working: [true, true, false],
    back: '2026-02-14',
    deadline: '2026-02-14',
    china: '2026-02-01', // 00:30 in Beijing, still 31 January in New York
  })
}, 20_000)
