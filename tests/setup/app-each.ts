/**
 * Runs around every app test (jest `setupFilesAfterEnv` of the app project), so no test inherits
 * another's state or the day it happens to run on:
 *
 * - Every zustand store goes back to its initial state after each test — the pattern of zustand's
 *   own testing guide (zustand.docs.pmnd.rs, "Testing": a mocked `create` that remembers each
 *   store's initial state and resets them all). A test only sets the state it needs; it never
 *   resets stores itself. (Storage is not cleared here: persisted slices and their storage are
 *   what some tests are about.)
 * - Every mock's recorded calls are cleared before each test (jest.clearAllMocks), so "called
 *   once" means once in this test.
 * - The clock is pinned (./pinned-date.ts): `Date` is PINNED_NOW (./pinned-clock.ts) from the
 *   test file's first line on and again at the start of every test, and moves on with real time
 *   from there, so a screen that counts days from "today" — or a fixture built at load time —
 *   sees the same today on any machine and any date, while timers, waits and countdowns still
 *   run. Only `Date` is faked; a test that wants to move time itself calls `jest.useFakeTimers(...)`.
 */
import { act } from '@testing-library/react'
import type * as ZustandVanilla from 'zustand/vanilla'
import './pinned-date'

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

// Calls recorded by mocks shared across a file (Taro's API in ./taro-api.ts, module mocks) start
// from none in every test; what the mocks answer is left as the file set it up.
beforeEach(() => {
  jest.clearAllMocks()
})

afterEach(() => {
  act(() => {
    mockStoreResets.forEach((reset) => reset())
  })
})
