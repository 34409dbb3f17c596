import { act, render, screen } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { page, policy, view } from './PolicyFixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { PolicyListScreen } from '../../src/features/policies/PolicyListScreen'
import { usePolicies } from '../../src/features/policies/policiesStore'
import { useSession } from '../../src/core/session'

/**
 * 惠企政策 on an H5 cold start (issue #12 item 17): the browser has painted nothing yet, so the
 * first render is the 政策计算器 card alone (the page's largest text); the filters and the
 * catalogue are appended below it after the next frame. Any later visit renders everything at once.
 */
let painted: string[]
let frames: Array<() => void>

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

const renderList = () =>
  render(
    <PolicyListScreen signedIn={false} enterpriseId={null} onOpen={() => undefined} onCalculator={() => undefined} />,
  )

/** One frame: its animation-frame callbacks, then the task each of them queued. */
const frame = () =>
  act(async () => {
    frames.splice(0).forEach((run) => run())
    await new Promise((resolve) => setTimeout(resolve, 0))
  })

test('before the first paint only the 政策计算器 card; then a part per frame: the filters, the catalogue', async () => {
  renderList()
  expect(screen.getByText('填写企业基本信息，逐条看清能享受哪些政策、还差什么')).toBeTruthy()
  expect(screen.queryByText('查找政策')).toBeNull()
  expect(screen.queryByText('全部政策')).toBeNull()
  // The frame is painted, then the filters are appended below the card a part per frame (the search
  // boxes first, the chip rows after), then the catalogue.
  painted.push('first-contentful-paint')
  await frame()
  expect(screen.getByText('查找政策')).toBeTruthy()
  expect(screen.getByLabelText('搜索政策')).toBeTruthy()
  expect(screen.queryByLabelText('层级')).toBeNull()
  await frame()
  expect(screen.getByLabelText('层级')).toBeTruthy()
  expect(screen.queryByLabelText('免申即享')).toBeNull()
  await frame()
  expect(screen.getByLabelText('免申即享')).toBeTruthy()
  expect(screen.queryByText('全部政策')).toBeNull()
  await frame()
  expect(screen.getByText('全部政策')).toBeTruthy()
  await act(() => usePolicies.getState().loadCatalogue())
  expect(screen.getByText('共 1 项')).toBeTruthy()
})

test('a frame that painted nothing yet (custom elements still hydrating) mounts nothing more', async () => {
  renderList()
  await frame()
  await frame()
  expect(screen.queryByText('查找政策')).toBeNull()
  expect(screen.queryByText('全部政策')).toBeNull()
  painted.push('first-contentful-paint')
  await frame()
  expect(screen.getByText('查找政策')).toBeTruthy()
})

test('once the app has painted, the whole page renders at once', () => {
  painted.push('first-contentful-paint')
  renderList()
  expect(screen.getByText('查找政策')).toBeTruthy()
  expect(screen.getByText('全部政策')).toBeTruthy()
  expect(frames).toHaveLength(0)
})
