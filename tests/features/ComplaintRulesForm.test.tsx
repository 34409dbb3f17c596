import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'

import { loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

// The device: photos picked and sent by src/platform/media, connectivity from src/platform/network.
const mockMedia = {
  choosePhotos: jest.fn(),
  sendPhoto: jest.fn(),
  uploads: [] as any[],
  previewed: [] as { paths: string[]; current: string }[],
}
jest.mock('../../src/platform/media', () => ({
  choosePhotos: (max: number) => mockMedia.choosePhotos(max),
  sendPhoto: (photo: any, request: any, onProgress: any) => mockMedia.sendPhoto(photo, request, onProgress),
  forgetPhoto: () => undefined,
  loadProtectedImage: async () => 'blob:photo',
  previewPhotos: (paths: string[], current: string) => mockMedia.previewed.push({ paths, current }),
}))
// Subscriptions last the app session (see ensureAutoSend), so they are kept across tests.
const mockNetwork = { online: true, retry: [] as (() => void)[] }
jest.mock('../../src/platform/network', () => ({
  isOnline: async () => mockNetwork.online,
  onRetryMoment: (callback: () => void) => {
    mockNetwork.retry.push(callback)
    return () => undefined
  },
}))

// The platform the bundle was built for (H5 unless a test says otherwise) and its subscribe prompt.
const mockEnv = { platform: 'h5' as 'h5' | 'weapp' | 'alipay' }
jest.mock('../../src/platform/env', () => ({
  ...jest.requireActual('../../src/platform/env'),
  get platform() {
    return mockEnv.platform
  },
}))
const mockSubscribe = { request: jest.fn() }
jest.mock('../../src/platform/subscribe', () => ({
  ...jest.requireActual('../../src/platform/subscribe'),
  requestSubscribe: (ids: string[]) => mockSubscribe.request(ids),
}))

import { NewComplaintScreen } from '../../src/features/complaints/NewComplaintScreen'
import { emptyDraft, useComplaintDraft } from '../../src/features/complaints/draftStore'
import { useSession } from '../../src/core/session'

import { forgetComplaintRules } from '../../src/features/complaints/complaintRules'

/**
 * The new-complaint form offers the categories and time limits the server applies (GET
 * /api/v1/complaint-rules, the city's COMPLAINT_RULES), and the built-in table when it cannot ask.
 */
const RULES = '/api/v1/complaint-rules'

beforeEach(() => {
  mockApi.calls.length = 0
  mockNetwork.online = true
  mockEnv.platform = 'h5'
  forgetComplaintRules()
  useSession.getState().signedIn(loginResponse())
  useComplaintDraft.setState({ draft: emptyDraft(), queued: null, submitted: null, sending: false, error: null })
})

afterEach(cleanup)

function screenUnderTest() {
  return render(<NewComplaintScreen onOpen={() => undefined} onDone={() => undefined} />)
}

test("the city's categories and limits replace the built-in ones, asked for without a token", async () => {
  mockApi.on('GET', RULES, () => ({
    body: {
      categories: [
        { code: 'enquiry', name: '咨询', timeLimitWorkingDays: 2 },
        { code: 'complaint', name: '投诉', timeLimitWorkingDays: 7 },
      ],
      returnVisit: { callBackWorkingDays: 1, rectifyWorkingDays: 15 },
    },
  }))
  screenUnderTest()
  expect(await screen.findByRole('radio', { name: '投诉，7 个工作日内答复' })).toBeTruthy()
  expect(screen.getByText('咨询 · 2 个工作日')).toBeTruthy()
  expect(screen.queryByText('紧急 · 1 个工作日')).toBeNull()
  expect(screen.queryByText('投诉 · 13 个工作日')).toBeNull()
  const asked = mockApi.calls.filter((c) => c.url.endsWith(RULES))
  expect(asked).toHaveLength(1)
  expect(asked[0].headers.Authorization).toBeUndefined()

  // Fetched once per app session: the next form shows them at once, without asking again.
  cleanup()
  screenUnderTest()
  expect(screen.getByText('投诉 · 7 个工作日')).toBeTruthy()
  expect(mockApi.calls.filter((c) => c.url.endsWith(RULES))).toHaveLength(1)
})

test('when the rules cannot be fetched (offline, an older server) the built-in list stays', async () => {
  mockApi.on('GET', RULES, () => ({ status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂不可用' } }))
  screenUnderTest()
  await waitFor(() => expect(mockApi.calls.some((c) => c.url.endsWith(RULES))).toBe(true))
  await act(async () => undefined)
  expect(screen.getByText('紧急 · 1 个工作日')).toBeTruthy()
  expect(screen.getByRole('radio', { name: '投诉，13 个工作日内答复' })).toBeTruthy()
})
