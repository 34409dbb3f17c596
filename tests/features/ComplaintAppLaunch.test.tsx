import { createFakeApi } from '../setup/fake-api'
import { complaintView } from './ComplaintFixtures'
import { loginResponse } from './fixtures'

// App-wide retry: a complaint queued on an earlier run goes out when the app starts, and again at
// each retry moment, whichever page is open — no complaints screen is rendered here.
const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))
const mockNetwork = { online: false, retry: [] as (() => void)[] }
jest.mock('../../src/platform/network', () => ({
  isOnline: async () => mockNetwork.online,
  onRetryMoment: (callback: () => void) => {
    mockNetwork.retry.push(callback)
    return () => undefined
  },
}))

import { act, waitFor } from '@testing-library/react'
import { useComplaintDraft } from '../../src/features/complaints/draftStore'
import { useSession } from '../../src/core/session'

const COMPLAINTS = '/api/v1/complaints'
const submits = () => mockApi.calls.filter((c) => c.method === 'POST' && c.url.endsWith(COMPLAINTS))

test('starting the app sends a queued complaint once the network returns, with its key', async () => {
  useSession.getState().signedIn(loginResponse())
  const request = {
    category: 'complaint',
    title: '占道经营影响通行',
    description: '七一路菜市场门口长期占道经营，早高峰车辆无法通行。',
    anonymous: false,
    contactPhone: '13800138000',
    location: null,
    concernedParty: null,
    attachmentIds: [],
  }
  useComplaintDraft.setState({
    queued: { idempotencyKey: 'complaint-key-1', request, queuedAt: '2026-11-20T01:00:00.000Z', reason: '' },
  })
  mockApi.on('POST', COMPLAINTS, () => ({ status: 201, body: complaintView() }))

  await act(async () => {
    require('../../src/app')
  })
  // Offline at launch: kept, the user told why.
  await waitFor(() => expect(useComplaintDraft.getState().queued?.reason).toBe('网络不可用，已保存，联网后自动提交'))
  expect(submits()).toHaveLength(0)
  expect(mockNetwork.retry).toHaveLength(1)

  mockNetwork.online = true
  await act(async () => mockNetwork.retry[0]())
  await waitFor(() => expect(useComplaintDraft.getState().submitted?.title).toBe('占道经营影响通行'))
  expect(submits()).toHaveLength(1)
  expect(submits()[0].headers['Idempotency-Key']).toBe('complaint-key-1')
  expect(submits()[0].json).toEqual(request)
  expect(useComplaintDraft.getState().queued).toBeNull()
})
