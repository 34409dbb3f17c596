import { act, fireEvent, render, screen } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { complaintView } from './ComplaintFixtures'
import { legalRep, loginResponse } from './fixtures'

// A shared phone: each account works on its own complaint draft; another's stays stored for it.
const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))
jest.mock('../../src/platform/media', () => ({
  choosePhotos: async () => [],
  sendPhoto: async () => undefined,
  forgetPhoto: () => undefined,
  loadProtectedImage: async () => 'blob:photo',
  previewPhotos: () => undefined,
}))
const mockNetwork = { online: true }
jest.mock('../../src/platform/network', () => ({
  isOnline: async () => mockNetwork.online,
  onRetryMoment: () => () => undefined,
}))

import { NewComplaintScreen } from '../../src/features/complaints/NewComplaintScreen'
import { useComplaintDraft } from '../../src/features/complaints/draftStore'
import { useSession } from '../../src/core/session'
import { getItem } from '../../src/platform/storage'

const A = loginResponse(legalRep)
const B = loginResponse({ ...legalRep, id: 'user-b', name: '李四', phoneMasked: '139****0002' })
const title = () => (screen.getByRole('textbox', { name: '标题' }) as HTMLInputElement).value

function signIn(who: typeof A) {
  act(() => useSession.getState().signedIn(who))
}

function photoOf(attachmentId: string) {
  return {
    localId: attachmentId,
    previewPath: `blob:${attachmentId}`,
    mimeType: 'image/jpeg',
    sizeBytes: 1000,
    attachmentId,
    progress: 1,
    error: null,
  }
}

test('account B on the same phone gets its own draft; A finds its text and photo again', () => {
  signIn(A)
  const view = render(<NewComplaintScreen onOpen={() => undefined} onDone={() => undefined} />)
  fireEvent.change(screen.getByRole('textbox', { name: '标题' }), { target: { value: 'A 的诉求：路灯不亮' } })
  act(() => useComplaintDraft.getState().addPhotos([photoOf('a0000000-0000-4000-8000-00000000000a')]))
  expect(screen.getByText('已上传')).toBeTruthy()

  act(() => useSession.getState().clear())
  signIn(B)
  expect(title()).toBe('')
  expect(screen.queryByText('已上传')).toBeNull()
  expect(useComplaintDraft.getState().draft.photos).toEqual([])
  fireEvent.change(screen.getByRole('textbox', { name: '标题' }), { target: { value: 'B 的诉求：井盖缺失' } })
  // A's draft is kept on the device, under A.
  const stored = JSON.parse(getItem('zqt-complaint-draft')!).state
  expect(stored.others[A.user.id]).toMatchObject({ title: 'A 的诉求：路灯不亮', ownerId: A.user.id })
  expect(stored.draft).toMatchObject({ title: 'B 的诉求：井盖缺失', ownerId: 'user-b' })

  signIn(A)
  expect(title()).toBe('A 的诉求：路灯不亮')
  expect(screen.getByText('已上传')).toBeTruthy()
  signIn(B)
  expect(title()).toBe('B 的诉求：井盖缺失')
  expect(screen.queryByText('已上传')).toBeNull()
  view.unmount()
})

test('what A submitted (and its query code) is not shown to B', async () => {
  mockApi.on('POST', '/api/v1/complaints', () => ({
    status: 201,
    body: { ...complaintView({ anonymous: true }), queryCode: 'ABCDEFGHJK' },
  }))
  signIn(A)
  act(() =>
    useComplaintDraft.getState().set({
      queued: {
        idempotencyKey: 'complaint-key-a',
        request: {
          category: 'complaint',
          title: '占道经营影响通行',
          description: '七一路菜市场门口长期占道经营，早高峰车辆无法通行。',
          anonymous: true,
          contactPhone: null,
          location: null,
          concernedParty: null,
          attachmentIds: [],
        },
        queuedAt: '2026-11-20T01:00:00.000Z',
        ownerId: A.user.id,
        reason: '',
      },
    }),
  )
  const view = render(<NewComplaintScreen onOpen={() => undefined} onDone={() => undefined} />)
  expect(await screen.findByText('ABCDE-FGHJK')).toBeTruthy()
  signIn(B)
  expect(screen.queryByText('ABCDE-FGHJK')).toBeNull()
  expect(screen.getByRole('textbox', { name: '标题' })).toBeTruthy()
  signIn(A)
  expect(screen.getByText('ABCDE-FGHJK')).toBeTruthy()
  view.unmount()
})
