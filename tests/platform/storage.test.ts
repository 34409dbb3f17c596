import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { getItem, platformStorage, removeItem, setItem } from '../../src/platform/storage'

// Taro is the mock in tests/setup/taro-api.ts: an in-memory store that, like WeChat and Alipay,
// returns '' for a key that was never written.
const mocked = Taro as unknown as Record<'getStorageSync' | 'setStorageSync' | 'clearStorageSync', jest.Mock>

beforeEach(() => mocked.clearStorageSync())

it("reads a missing key ('' from the platform) as null", () => {
  expect(Taro.getStorageSync('never-written')).toBe('')
  expect(getItem('never-written')).toBeNull()
})

it('round-trips a value and forgets it on remove', () => {
  setItem('k', '{"a":1}')
  expect(getItem('k')).toBe('{"a":1}')
  removeItem('k')
  expect(getItem('k')).toBeNull()
})

it('re-encodes a non-string value written by other code, and survives a throwing read', () => {
  Taro.setStorageSync('legacy', { a: 1 })
  expect(getItem('legacy')).toBe('{"a":1}')
  mocked.getStorageSync.mockImplementationOnce(() => {
    throw new Error('storage corrupted')
  })
  expect(getItem('legacy')).toBeNull()
})

it('setItem reports a refused write; platformStorage logs it instead of crashing the state update', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  const refuse = () => {
    throw new Error('setStorageSync:fail exceed storage max size 10M')
  }
  mocked.setStorageSync.mockImplementationOnce(refuse).mockImplementationOnce(refuse)
  expect(() => setItem('big', 'x')).toThrow('exceed storage')
  expect(() => platformStorage.setItem('big', 'x')).not.toThrow()
  expect(warn).toHaveBeenCalledTimes(1)
  expect(getItem('big')).toBeNull()
  warn.mockRestore()
})

it('works under zustand persist: a fresh store hydrates, a second one reads what the first wrote', async () => {
  const makeStore = () =>
    create<{ count: number; bump: () => void }>()(
      persist((set) => ({ count: 0, bump: () => set((s) => ({ count: s.count + 1 })) }), {
        name: 'counter',
        storage: createJSONStorage(() => platformStorage),
      }),
    )
  const first = makeStore()
  await first.persist.rehydrate() // nothing stored yet: must not throw on ''
  expect(first.getState().count).toBe(0)
  first.getState().bump()
  const second = makeStore()
  await second.persist.rehydrate()
  expect(second.getState().count).toBe(1)
})
