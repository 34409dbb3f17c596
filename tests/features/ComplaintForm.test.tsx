import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { complaintView } from './ComplaintFixtures'
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

const COMPLAINTS = '/api/v1/complaints'

beforeEach(() => {
  mockApi.calls.length = 0
  mockNetwork.online = true
  mockMedia.choosePhotos.mockReset()
  mockMedia.sendPhoto.mockReset()
  mockEnv.platform = 'h5'
  mockSubscribe.request.mockReset()
  useSession.getState().signedIn(loginResponse())
  useComplaintDraft.setState({ draft: emptyDraft(), queued: null, submitted: null, sending: false, error: null })
})

function screenUnderTest() {
  return render(<NewComplaintScreen onOpen={() => undefined} onDone={() => undefined} />)
}

function type(name: string, value: string) {
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } })
}

function fillValid() {
  fireEvent.click(screen.getByRole('radio', { name: '投诉，13 个工作日内答复' }))
  type('标题', '占道经营影响通行')
  type('诉求内容', '七一路菜市场门口长期占道经营，早高峰车辆无法通行。')
  type('联系电话', '138 0013 8000')
}

const submits = () => mockApi.calls.filter((c) => c.method === 'POST' && c.url.endsWith(COMPLAINTS))

test('explains each problem by the server rules and sends nothing', () => {
  screenUnderTest()
  expect(screen.getByText('紧急 · 1 个工作日')).toBeTruthy()
  type('诉求内容', '路灯坏了')
  expect(screen.getByText('4/1000')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect(screen.getByText('请选择诉求类别')).toBeTruthy()
  expect(screen.getByText('请填写标题')).toBeTruthy()
  expect(screen.getByText('诉求内容至少 10 个字')).toBeTruthy()
  expect(screen.getByText('请填写联系电话，以便办理单位联系您')).toBeTruthy()
  type('联系电话', '1380013')
  expect(screen.getByText('请填写正确的 11 位手机号码')).toBeTruthy()
  expect(mockApi.calls).toHaveLength(0)
})

test('the contact phone is shown masked once entered, and anonymous hides it and explains the query code', () => {
  screenUnderTest()
  type('联系电话', '13800138000')
  fireEvent.blur(screen.getByRole('textbox', { name: '联系电话' }))
  expect(screen.getByText('联系电话：138****8000')).toBeTruthy()
  expect(screen.queryByText(/13800138000/)).toBeNull()
  fireEvent.click(screen.getByRole('switch', { name: '匿名提交' }))
  expect(screen.getByText(/将获得一个查询码.*没有回访电话/)).toBeTruthy()
  expect(screen.queryByText(/联系电话/)).toBeNull()
})

test('photos: a wrong type is refused on the phone, a good one uploads with progress and goes with the complaint', async () => {
  mockMedia.choosePhotos.mockResolvedValue([
    { localId: 'p1', previewPath: 'blob:p1', mimeType: 'image/png', sizeBytes: 2048 },
    { localId: 'p2', previewPath: 'blob:p2', mimeType: 'image/gif', sizeBytes: 2048 },
  ])
  let finish: (value: unknown) => void = () => undefined
  mockMedia.sendPhoto.mockImplementation((_photo, request, onProgress) => {
    mockMedia.uploads.push(request)
    onProgress(0.5)
    return new Promise((resolve) => (finish = resolve))
  })
  mockApi.on('POST', COMPLAINTS, () => ({ status: 201, body: complaintView() }))
  screenUnderTest()
  fillValid()
  fireEvent.click(screen.getByRole('button', { name: '添加照片' }))
  expect(await screen.findByText('上传中 50%')).toBeTruthy()
  expect(screen.getByText('格式不支持，请上传 JPG、PNG 或 WebP 图片')).toBeTruthy()
  const attachmentId = 'a0000000-0000-4000-8000-000000000001'
  await act(async () =>
    finish({
      status: 201,
      headers: {},
      body: JSON.stringify({ attachmentId, mimeType: 'image/png', sizeBytes: 2048 }),
    }),
  )
  expect(await screen.findByText('已上传')).toBeTruthy()
  expect(mockMedia.uploads[0].headers).toMatchObject({ 'Content-Type': 'image/png', Authorization: 'Bearer token-1' })
  // A tap on a thumbnail shows the photos full screen, starting at that one.
  mockMedia.previewed.length = 0
  fireEvent.click(screen.getByRole('button', { name: '查看第 2 张照片大图' }))
  expect(mockMedia.previewed).toEqual([{ paths: ['blob:p1', 'blob:p2'], current: 'blob:p2' }])

  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect(screen.getByText('第 2 张照片格式不支持，请上传 JPG、PNG 或 WebP 图片')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '删除第 2 张照片' }))
  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect(await screen.findByText('诉求已提交')).toBeTruthy()
  expect(submits()[0].json).toMatchObject({ attachmentIds: [attachmentId], contactPhone: '13800138000' })
})

test('a network failure queues the submission and tells the user; when the network returns it is sent once with the same key', async () => {
  let attempt = 0
  mockApi.on('POST', COMPLAINTS, () => {
    attempt += 1
    if (attempt === 1) throw { kind: 'network', message: 'request:fail' }
    return { status: 201, body: complaintView() }
  })
  screenUnderTest()
  fillValid()
  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect(await screen.findByText('网络不可用，已保存，联网后自动提交')).toBeTruthy()
  expect(useComplaintDraft.getState().queued).not.toBeNull()

  // The network comes back: every retry moment fires, yet one request goes out.
  await act(async () => {
    for (const retry of mockNetwork.retry) retry()
    for (const retry of mockNetwork.retry) retry()
  })
  expect(await screen.findByText('诉求已提交')).toBeTruthy()
  const keys = submits().map((c) => c.headers['Idempotency-Key'])
  expect(keys).toHaveLength(2)
  expect(keys[1]).toBe(keys[0])
  expect(submits()[1].body).toBe(submits()[0].body)
  // The draft is cleared, with a new key for the next complaint.
  expect(useComplaintDraft.getState().draft.title).toBe('')
  expect(useComplaintDraft.getState().draft.idempotencyKey).not.toBe(keys[0])
})

test('offline: nothing is sent, the user is told it is saved', async () => {
  mockNetwork.online = false
  screenUnderTest()
  fillValid()
  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect(await screen.findByText('网络不可用，已保存，联网后自动提交')).toBeTruthy()
  expect(submits()).toHaveLength(0)
  mockApi.on('POST', COMPLAINTS, () => ({ status: 201, body: complaintView() }))
  mockNetwork.online = true
  fireEvent.click(screen.getByRole('button', { name: '立即重试提交' }))
  expect(await screen.findByText('诉求已提交')).toBeTruthy()
  expect(submits()).toHaveLength(1)
})

test('a refusal by the server returns to the form with its message', async () => {
  mockApi.on('POST', COMPLAINTS, () => ({
    status: 400,
    body: { code: 'VALIDATION_FAILED', message: '请求参数有误：照片不存在或已被使用，请重新上传' },
  }))
  screenUnderTest()
  fillValid()
  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect((await screen.findByRole('alert')).textContent).toBe('请求参数有误：照片不存在或已被使用，请重新上传')
  expect(screen.getByRole('textbox', { name: '标题' })).toBeTruthy()
})

test('an anonymous submission shows its query code once, with 复制', async () => {
  mockApi.on('POST', COMPLAINTS, () => ({
    status: 201,
    body: { ...complaintView({ anonymous: true }), queryCode: 'ABCDEFGHJK' },
  }))
  screenUnderTest()
  fillValid()
  fireEvent.click(screen.getByRole('switch', { name: '匿名提交' }))
  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect(await screen.findByText('ABCDE-FGHJK')).toBeTruthy()
  expect(screen.getByRole('button', { name: '复制查询码' })).toBeTruthy()
  expect(submits()[0].json).toMatchObject({ anonymous: true, contactPhone: null })
})

test('the draft survives an app kill: text, choices and uploaded photos come back', async () => {
  screenUnderTest()
  fillValid()
  type('地点（选填）', '魏都区七一路')
  act(() =>
    useComplaintDraft.getState().addPhotos([
      {
        localId: 'p1',
        previewPath: 'blob:p1',
        mimeType: 'image/jpeg',
        sizeBytes: 1000,
        attachmentId: 'a0000000-0000-4000-8000-000000000009',
        progress: 1,
        error: null,
      },
      {
        localId: 'p2',
        previewPath: 'blob:p2',
        mimeType: 'image/jpeg',
        sizeBytes: 1000,
        attachmentId: null,
        progress: 0.4,
        error: null,
      },
    ]),
  )
  const key = useComplaintDraft.getState().draft.idempotencyKey

  // A fresh module registry over the same device storage is an app restart.
  cleanup()
  let restarted: any
  jest.isolateModules(() => {
    const rtl = require('@testing-library/react/pure')
    const { NewComplaintScreen: Fresh } = require('../../src/features/complaints/NewComplaintScreen')
    const { useComplaintDraft: freshDraft } = require('../../src/features/complaints/draftStore')
    restarted = { rtl, Fresh, freshDraft }
  })
  const { rtl, Fresh, freshDraft } = restarted
  const view = rtl.render(<Fresh onOpen={() => undefined} onDone={() => undefined} />)
  await waitFor(() => expect(view.getByRole('textbox', { name: '标题' }).value).toBe('占道经营影响通行'))
  expect(view.getByRole('textbox', { name: '地点（选填）' }).value).toBe('魏都区七一路')
  expect(view.getByRole('radio', { name: '投诉，13 个工作日内答复' }).getAttribute('aria-checked')).toBe('true')
  expect(view.getByText('已上传')).toBeTruthy()
  expect(view.queryByText(/上传中/)).toBeNull()
  expect(freshDraft.getState().draft.idempotencyKey).toBe(key)
  view.unmount()
})

test('the place and the department or enterprise concerned go as their own fields, not in the description', async () => {
  mockApi.on('POST', COMPLAINTS, () => ({ status: 201, body: complaintView() }))
  screenUnderTest()
  fillValid()
  type('地点（选填）', '  魏都区七一路 12 号 ')
  type('涉及部门或企业（选填）', '七一路菜市场管理方')
  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect(await screen.findByText('诉求已提交')).toBeTruthy()
  expect(submits()[0].json).toMatchObject({
    description: '七一路菜市场门口长期占道经营，早高峰车辆无法通行。',
    location: { address: '魏都区七一路 12 号' },
    concernedParty: '七一路菜市场管理方',
  })
  expect(submits()[0].body).not.toMatch(/【地点】|【涉及部门或企业】/)
})

test('blank place and concerned party are sent as none; too long a name is refused before sending', async () => {
  mockApi.on('POST', COMPLAINTS, () => ({ status: 201, body: complaintView() }))
  screenUnderTest()
  fillValid()
  type('涉及部门或企业（选填）', '局'.repeat(101))
  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect(screen.getByText('涉及部门或企业不能超过 100 个字')).toBeTruthy()
  expect(submits()).toHaveLength(0)
  type('涉及部门或企业（选填）', '   ')
  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect(await screen.findByText('诉求已提交')).toBeTruthy()
  expect(submits()[0].json).toMatchObject({ location: null, concernedParty: null })
})

test('an anonymous retry after a lost answer still shows the query code the server repeats', async () => {
  let attempt = 0
  mockApi.on('POST', COMPLAINTS, () => {
    attempt += 1
    // The server filed it, but the answer never arrived.
    if (attempt === 1) throw { kind: 'network', message: 'request:fail' }
    return { status: 200, body: { ...complaintView({ anonymous: true }), queryCode: 'ABCDEFGHJK' } }
  })
  screenUnderTest()
  fillValid()
  fireEvent.click(screen.getByRole('switch', { name: '匿名提交' }))
  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect(await screen.findByText('网络不可用，已保存，联网后自动提交')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '立即重试提交' }))
  expect(await screen.findByText('ABCDE-FGHJK')).toBeTruthy()
  expect(screen.getByRole('button', { name: '复制查询码' })).toBeTruthy()
  expect(screen.queryByRole('alert')).toBeNull()
  expect(submits().map((c) => c.headers['Idempotency-Key'])).toEqual([
    submits()[0].headers['Idempotency-Key'],
    submits()[0].headers['Idempotency-Key'],
  ])
})

test('signed out: the submission waits, nothing is sent, and it goes once someone signs in', async () => {
  mockApi.on('POST', COMPLAINTS, () => ({ status: 201, body: complaintView() }))
  screenUnderTest()
  fillValid()
  act(() => useSession.getState().clear())
  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect(await screen.findByText('已保存，登录后自动提交')).toBeTruthy()
  expect(submits()).toHaveLength(0)
  await act(async () => useSession.getState().signedIn(loginResponse()))
  expect(await screen.findByText('诉求已提交')).toBeTruthy()
  expect(submits()).toHaveLength(1)
})

test('queued under one account: another account signing in on the phone sends nothing; the owner does', async () => {
  mockApi.on('POST', COMPLAINTS, () => ({ status: 201, body: complaintView() }))
  screenUnderTest()
  fillValid()
  mockNetwork.online = false
  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect(await screen.findByText('网络不可用，已保存，联网后自动提交')).toBeTruthy()
  mockNetwork.online = true
  const other = { ...loginResponse().user, id: 'user-other', name: '王磊' }
  await act(async () => useSession.getState().signedIn({ ...loginResponse(other), token: 'token-other' }))
  expect(await screen.findByText('已保存，用提交时的账号登录后自动提交')).toBeTruthy()
  expect(submits()).toHaveLength(0)
  await act(async () => useSession.getState().signedIn(loginResponse()))
  expect(await screen.findByText('诉求已提交')).toBeTruthy()
  expect(submits()).toHaveLength(1)
})

describe('诉求进展 notices', () => {
  const SUBSCRIPTIONS = '/api/v1/me/subscriptions'
  const state = (results: Record<string, string | null> = {}) => ({
    platform: 'weapp',
    templates: [{ id: 'tmpl-complaint', title: '诉求办理进展通知' }],
    results,
  })
  const subscriptionCalls = (method: string) =>
    mockApi.calls.filter((c) => c.method === method && c.url.split('?')[0].endsWith(SUBSCRIPTIONS))

  beforeEach(() => {
    mockEnv.platform = 'weapp'
    mockApi.on('GET', SUBSCRIPTIONS, () => ({ body: state() }))
    mockApi.on('POST', SUBSCRIPTIONS, (call) => ({ body: state(call.json.results) }))
    mockApi.on('POST', COMPLAINTS, () => ({ status: 201, body: complaintView() }))
  })

  async function openForm() {
    screenUnderTest()
    await waitFor(() => expect(subscriptionCalls('GET')).toHaveLength(1))
    expect(subscriptionCalls('GET')[0].url).toMatch(/platform=weapp&purpose=complaint/)
    fillValid()
  }

  test('a real-name submit asks within the tap, records the answer, and files the complaint', async () => {
    mockSubscribe.request.mockResolvedValue({ 'tmpl-complaint': 'accept' })
    await openForm()
    fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
    // Synchronously inside the tap: WeChat refuses the prompt after an awaited request.
    expect(mockSubscribe.request).toHaveBeenCalledWith(['tmpl-complaint'])
    expect(await screen.findByText('诉求已提交')).toBeTruthy()
    await waitFor(() => expect(subscriptionCalls('POST')).toHaveLength(1))
    expect(subscriptionCalls('POST')[0].json).toEqual({ platform: 'weapp', results: { 'tmpl-complaint': 'accept' } })
    expect(submits()).toHaveLength(1)
  })

  test.each([
    ['refused', () => mockSubscribe.request.mockResolvedValue({ 'tmpl-complaint': 'reject' })],
    ['a failed prompt', () => mockSubscribe.request.mockRejectedValue(new Error('requestSubscribeMessage:fail'))],
    ['a prompt that never closes', () => mockSubscribe.request.mockReturnValue(new Promise(() => undefined))],
  ])('%s does not hold up the submission', async (_name, arrange) => {
    arrange()
    await openForm()
    fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
    expect(mockSubscribe.request).toHaveBeenCalledTimes(1)
    expect(await screen.findByText('诉求已提交')).toBeTruthy()
    expect(submits()).toHaveLength(1)
  })

  test('an anonymous submit is not asked (no notices are sent for it)', async () => {
    await openForm()
    fireEvent.click(screen.getByRole('switch', { name: '匿名提交' }))
    mockApi.on('POST', COMPLAINTS, () => ({
      status: 201,
      body: { ...complaintView({ anonymous: true }), queryCode: 'ABCDEFGHJK' },
    }))
    fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
    expect(await screen.findByText('ABCDE-FGHJK')).toBeTruthy()
    expect(mockSubscribe.request).not.toHaveBeenCalled()
  })

  test('on H5 there is nothing to ask: no request, no prompt, the complaint goes', async () => {
    mockEnv.platform = 'h5'
    screenUnderTest()
    fillValid()
    fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
    expect(await screen.findByText('诉求已提交')).toBeTruthy()
    expect(mockSubscribe.request).not.toHaveBeenCalled()
    expect(subscriptionCalls('GET')).toHaveLength(0)
  })
})
