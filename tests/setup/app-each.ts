/**
 * Runs around every app test (jest `setupFilesAfterEnv` of the app project), so no test inherits
 * another's state or the day it happens to run on:
 *
 * - Every zustand store goes back to its initial state after each test — the pattern of zustand's
 *   own testing guide (zustand.docs.pmnd.rs, "Testing": a mocked `create` that remembers each
 *   store's initial state and resets them all). A test only sets the state it needs; it never
 *   resets stores itself. (Storage is not cleared here: persisted slices and their storage are
 *   what some tests are about.)
 * - The clock is pinned: `Date` starts at PINNED_NOW (./pinned-clock.ts) in every test
 *   and moves on with real time from there, so a screen that counts days from "today" sees the
 *   same today on any machine and any date, while timers, waits and countdowns still run. Only
 *   `Date` is faked; a test that wants to move time itself calls `jest.useFakeTimers(...)`.
 */
import { act } from '@testing-library/react'
import type * as ZustandVanilla from 'zustand/vanilla'
import { PINNED_NOW } from './pinned-clock'

const mockStoreResets = new Set<() => void>()

// zustand's `create` (zustand/react) builds every store with zustand/vanilla's `createStore`, so
// wrapping that one function sees every store while React stays whatever copy the store's module
// registry loaded (a test that restarts the app in `jest.isolateModules` gets a fresh React).
jest.mock('zustand/vanilla', () => {
  const actual = jest.requireActual<typeof ZustandVanilla>('zustand/vanilla')
  const createStore = ((creator?: ZustandVanilla.StateCreator<unknown>) => {
    if (creator === undefined) return createStore
    const store = actual.createStore(creator)
    const initial = store.getInitialState()
    mockStoreResets.add(() => store.setState(initial, true))
    return store
  }) as typeof actual.createStore
  return { ...actual, createStore }
})

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

beforeEach(() => {
  jest.useFakeTimers(pinnedDateOnly)
})

afterEach(() => {
  act(() => {
    mockStoreResets.forEach((reset) => reset())
  })
  jest.useRealTimers()
})
