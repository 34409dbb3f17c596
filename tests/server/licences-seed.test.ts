import { DEMO_ENTERPRISES } from '../../server/seed/demo'
import { demoLicences } from '../../server/capabilities/licences/seed/demo-licences'
import { addDays } from '../../src/domain/calendar/dates'
import { isWorkingDay } from '../../src/domain/calendar/workingDays'
import { licenceStatus } from '../../src/domain/licences/status'
import { licenceFactProblems } from '../../src/domain/licences/validation'

/**
 * The demo licences are dated around the day the database is seeded, so the demo always shows
 * every status. Checked for every day from 2026-01-01 to early 2027 (holidays, 春节 and 国庆 included).
 */
describe('demo licences', () => {
  const days = Array.from({ length: 400 }, (_, i) => addDays('2026-01-01', i))

  /** A deadline is a working day: in the first days of a long holiday none lies within a week. */
  const urgentPossible = (today: string) => Array.from({ length: 8 }, (_, i) => addDays(today, i)).some(isWorkingDay)

  it('show one licence in each status on whatever day they are seeded', () => {
    const wrong: string[] = []
    const noUrgentDays = days.filter((today) => !urgentPossible(today))
    // 2026 春节 (02-15 to 02-23): from 02-15 and 02-16 the next working day is 02-24.
    expect(noUrgentDays.slice(0, 2)).toEqual(['2026-02-15', '2026-02-16'])
    for (const today of days) {
      for (const enterprise of DEMO_ENTERPRISES) {
        for (const licence of demoLicences(enterprise, today)) {
          const { status } = licenceStatus(
            {
              expiresOn: licence.facts.expiresOn,
              leadRule: licence.type.leadRule,
              renewalStartedOn: licence.renewalStartedOn,
              cancelledOn: licence.cancelledOn,
            },
            today,
          )
          const expected = licence.status === 'urgent' && !urgentPossible(today) ? 'renewal-due' : licence.status
          if (status !== expected) wrong.push(`${today} ${enterprise.key} ${licence.type.code}: ${status}`)
        }
      }
    }
    expect(wrong).toEqual([])
  })

  it('pass the same checks as a licence a user enters', () => {
    for (const today of days.filter((_, i) => i % 10 === 0)) {
      for (const enterprise of DEMO_ENTERPRISES) {
        for (const { facts, type } of demoLicences(enterprise, today)) {
          expect(licenceFactProblems(facts, today, type.validityYears)).toEqual({})
        }
      }
    }
  })

  it('are of types that fit each industry', () => {
    const codes = (key: string) =>
      demoLicences(
        DEMO_ENTERPRISES.find((e) => e.key === key)!,
        '2026-03-10',
      ).map((l) => l.type.code)
    expect(codes('ruifeng')).toEqual(expect.arrayContaining(['food-production', 'pollutant-discharge']))
    expect(codes('jianfeng')).toEqual(
      expect.arrayContaining(['construction-safety-production', 'construction-enterprise-qualification']),
    )
    expect(codes('yuxiang')).toEqual(expect.arrayContaining(['food-business', 'public-venue-hygiene']))
    expect(codes('yunfan')).toEqual(expect.arrayContaining(['value-added-telecom', 'internet-culture']))
    for (const enterprise of DEMO_ENTERPRISES) {
      const numbers = demoLicences(enterprise, '2026-03-10').map((l) => `${l.type.code} ${l.facts.number}`)
      expect(new Set(numbers).size).toBe(numbers.length)
    }
  })
})
