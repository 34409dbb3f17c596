/**
 * Pins `Date` to PINNED_NOW (./pinned-clock.ts) for a whole test file — module scope, hooks and
 * tests — and puts it back to PINNED_NOW before every test: a fixture built at load time and a
 * screen rendered in a test see the same "now", on any machine and any date. Time still moves on
 * from there (only `Date` is faked), so waits, timers and countdowns run. A test that fakes timers
 * itself (`jest.useFakeTimers(...)`) is put back on the pinned `Date` after it.
 *
 * jest `setupFilesAfterEnv` of the app project (through ./app-each.ts) and of the domain project.
 */
import { PINNED_NOW } from './pinned-clock'

const pinnedDateOnly: Parameters<typeof jest.useFakeTimers>[0] = {
  now: PINNED_NOW,
  advanceTimers: true,
  doNotFake: [
    'hrtime',
    'nextTick',
    'performance',
    'queueMicrotask',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'requestIdleCallback',
    'cancelIdleCallback',
    'setImmediate',
    'clearImmediate',
    'setInterval',
    'clearInterval',
    'setTimeout',
    'clearTimeout',
  ],
}

export const pinDate = (): void => {
  jest.useFakeTimers(pinnedDateOnly)
}

// From the first line of the test file on (this runs before it is loaded).
pinDate()
beforeEach(pinDate)
afterEach(pinDate)
