import { act, render } from '@testing-library/react'
import { useDidShow } from '@tarojs/taro'
import { createFakeApi } from '../setup/fake-api'
import { page, policy, view } from './PolicyFixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import PolicyListPage from '../../src/packages/policies/pages/list/index'
import { useSession } from '../../src/core/session'

/**
 * 惠企政策's page on an H5 cold start (issue #12 item 17): the catalogue request starts after the
 * first paint, not before it (a simulated phone waits for every request started before the LCP).
 */
let painted: string[]
let frames: Array<() => void>
const catalogueCalls = () => mockApi.calls.filter((c) => c.url.includes('/api/v1/policies')).length

beforeEach(() => {
  painted = []
  frames = []
  Object.defineProperty(globalThis.performance, 'getEntriesByName', {
    configurable: true,
    value: (name: string) => painted.filter((entry) => entry === name).map((entry) => ({ name: entry })),
  })
  jest.spyOn(globalThis, 'requestAnimationFrame').mockImplementation((run) => {
    frames.push(() => run(0))
    return frames.length
  })
  useSession.getState().clear()
  mockApi.on('GET', '/api/v1/policies', () => ({ body: page([view(policy({ id: 'p-1', title: '政策一' }))]) }))
})

afterEach(() => {
  jest.restoreAllMocks()
  delete (globalThis.performance as unknown as Record<string, unknown>).getEntriesByName
})

/** The page shows: the callback the page gave to useDidShow. */
const show = () => {
  const calls = (useDidShow as jest.Mock).mock.calls
  calls[calls.length - 1][0]()
}

test('before the first paint the catalogue is not asked for; it is right after the frame', async () => {
  render(<PolicyListPage />)
  const before = catalogueCalls()
  act(() => show())
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
  expect(catalogueCalls()).toBe(before)
  painted.push('first-contentful-paint')
  await act(async () => {
    frames.splice(0).forEach((run) => run())
    await new Promise((resolve) => setTimeout(resolve, 10))
  })
  expect(catalogueCalls()).toBeGreaterThan(before)
})

test('a frame that painted nothing yet does not start it: it waits for the first contentful paint', async () => {
  render(<PolicyListPage />)
  const before = catalogueCalls()
  act(() => show())
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      frames.splice(0).forEach((run) => run())
      await new Promise((resolve) => setTimeout(resolve, 10))
    })
  }
  expect(catalogueCalls()).toBe(before)
  painted.push('first-contentful-paint')
  await act(async () => {
    frames.splice(0).forEach((run) => run())
    await new Promise((resolve) => setTimeout(resolve, 10))
  })
  expect(catalogueCalls()).toBeGreaterThan(before)
})

test('on a later visit the catalogue is asked for at once', async () => {
  painted.push('first-contentful-paint')
  render(<PolicyListPage />)
  const before = catalogueCalls()
  act(() => show())
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
  expect(catalogueCalls()).toBeGreaterThan(before)
})
