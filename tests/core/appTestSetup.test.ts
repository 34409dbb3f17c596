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

describe('the clock is pinned', () => {
  test('today is the pinned day, whatever day the suite runs on', () => {
    expect(Date.now()).toBeGreaterThanOrEqual(PINNED_NOW)
    expect(Date.now() - PINNED_NOW).toBeLessThan(60_000)
    expect(chinaDateOf(Date.now())).toBe('2026-03-10')
    expect(new Date().getTime()).toBeGreaterThanOrEqual(PINNED_NOW)
  })

  test('and still moves, so countdowns and timeouts run', async () => {
    const start = Date.now()
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(Date.now()).toBeGreaterThan(start)
  })
})
