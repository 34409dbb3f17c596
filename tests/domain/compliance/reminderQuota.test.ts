import { othersSuffix, planPlatformMessages } from '../../../src/domain/compliance/reminderQuota'

/** One user, one platform channel: q subscriptions left, n reminders due (by due day). */
const due = ['2026-06-30', '2026-06-23', '2026-07-15']
const byDay = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

describe('planPlatformMessages', () => {
  it.each([
    ['q ≥ n: one each, most urgent first', 3, [['2026-06-23'], ['2026-06-30'], ['2026-07-15']]],
    ['q > n', 50, [['2026-06-23'], ['2026-06-30'], ['2026-07-15']]],
    ['q < n: ONE message naming the most urgent, covering the others', 2, [['2026-06-23', '2026-06-30', '2026-07-15']]],
    ['q = 1', 1, [['2026-06-23', '2026-06-30', '2026-07-15']]],
    ['q = 0: nothing', 0, []],
  ])('%s', (_name, q, expected) => {
    expect(planPlatformMessages(due, q, byDay).map((m) => [m.lead, ...m.covered])).toEqual(expected)
  })

  it('nothing due: nothing sent', () => {
    expect(planPlatformMessages([], 5, byDay)).toEqual([])
  })

  it('「等N项」 counts the others', () => {
    expect(othersSuffix(0)).toBe('')
    expect(othersSuffix(2)).toBe('等2项')
  })
})
