// What tests/setup/app-each.ts promises every app test. Test order matters on purpose here: the
// second test of each pair sees what the first left behind, unless the setup cleans it up.
import { chinaDateOf } from '../../src/domain/calendar/dates'
import { usePreferences } from '../../src/core/preferences'
import { usePrivacyPrompt } from '../../src/core/privacyPrompt'
import { PINNED_NOW } from '../setup/pinned-clock'

describe('zustand stores start every test in their initial state', () => {
  test('a test changes stores', () => {
    usePreferences.setState({ elderMode: true, consentVersion: '2026-11-01' })
    usePrivacyPrompt.setState({ pending: [{} as never] })
    expect(usePreferences.getState().elderMode).toBe(true)
  })

  test('the next test does not see it', () => {
    expect(usePreferences.getState()).toMatchObject({ elderMode: false, consentVersion: null })
    expect(usePrivacyPrompt.getState().pending).toEqual([])
  })
})

// Read while the file loads, as a fixture built at module scope reads it.
const loadedAt = Date.now()

describe('the clock is pinned', () => {
  test('already while the test file loads', () => {
    expect(chinaDateOf(loadedAt)).toBe('2026-03-10')
    expect(loadedAt - PINNED_NOW).toBeLessThan(60_000)
  })

  test('today is the pinned day, whatever day the suite runs on', () => {
    expect(Date.now()).toBeGreaterThanOrEqual(PINNED_NOW)
    expect(Date.now() - PINNED_NOW).toBeLessThan(60_000)
    expect(chinaDateOf(Date.now())).toBe('2026-03-10')
    expect(new Date().getTime()).toBeGreaterThanOrEqual(PINNED_NOW)
  })

  test('and a test that fakes timers itself leaves the next test on the pinned clock', () => {
    jest.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') })
    expect(chinaDateOf(Date.now())).toBe('2030-01-01')
  })

  test('(the next test)', () => {
    expect(chinaDateOf(Date.now())).toBe('2026-03-10')
  })

  test('and still moves, so countdowns and timeouts run', async () => {
    const start = Date.now()
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(Date.now()).toBeGreaterThan(start)
  })
})
