import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { COMPLAINT_ID, complaintView, HANDLED_AND_REPLIED, type CaseStep } from './ComplaintFixtures'
import { loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))
const mockLoaded: string[] = []
const mockPreviewed: { paths: string[]; current: string }[] = []
jest.mock('../../src/platform/media', () => ({
  loadProtectedImage: async (url: string, headers: Record<string, string>) => {
    mockLoaded.push(`${url} ${headers.Authorization}`)
    return `blob:${url.slice(-1)}`
  },
  previewPhotos: (paths: string[], current: string) => mockPreviewed.push({ paths, current }),
}))

import { ComplaintDetailScreen } from '../../src/features/complaints/ComplaintDetailScreen'
import { ComplaintListScreen } from '../../src/features/complaints/ComplaintListScreen'
import { ComplaintQueryScreen } from '../../src/features/complaints/ComplaintQueryScreen'
import ComplaintQueryPage from '../../src/packages/complaints/pages/query/index'
import ComplaintDetailPage from '../../src/packages/complaints/pages/detail/index'
import { queryCodeFromBytes } from '../../src/domain/complaints/queryCode'
import { useComplaints } from '../../src/features/complaints/complaintsStore'
import { useSession } from '../../src/core/session'

const DETAIL = `/api/v1/complaints/${COMPLAINT_ID}`
const ACTIONS = `${DETAIL}/actions`
const actionCalls = () => mockApi.calls.filter((c) => c.url.endsWith('/actions'))

// 19 Nov 2026 12:00 China time: the day of the reply in HANDLED_AND_REPLIED.
const NOW = '2026-11-19T04:00:00.000Z'
const RATED_BAD: CaseStep = {
  action: { type: 'rate', level: 'dissatisfied', comment: '摊位又回来了' },
  actor: 'submitter',
  at: '2026-11-19T05:00:00.000Z',
}

beforeEach(() => {
  mockApi.calls.length = 0
  mockLoaded.length = 0
  mockPreviewed.length = 0
  useSession.getState().signedIn(loginResponse())
  ;(Taro.showModal as jest.Mock).mockResolvedValue({ confirm: true, cancel: false })
})

test('the timeline lists every step with its note, and the photos load with the token', async () => {
  const view = complaintView({
    steps: HANDLED_AND_REPLIED,
    now: NOW,
    attachments: [{ id: 'a0000000-0000-4000-8000-000000000001', mimeType: 'image/jpeg', sizeBytes: 1000 }],
  })
  mockApi.on('GET', DETAIL, () => ({ body: view }))
  render(<ComplaintDetailScreen complaintId={COMPLAINT_ID} />)
  const steps = await screen.findAllByRole('listitem')
  expect(steps.map((s) => s.textContent?.split(' ')[0])).toEqual(['提交诉求', '受理', '交办', '开始办理', '答复'])
  expect(screen.getByText('魏都区城市管理局')).toBeTruthy()
  expect(screen.getByText('已联合街道清理占道摊位，并设置临时疏导。')).toBeTruthy()
  expect(screen.getByText('已按时答复')).toBeTruthy()
  expect(await screen.findByRole('img', { name: '诉求照片 1' })).toBeTruthy()
  expect(mockLoaded).toEqual([`${DETAIL}/attachments/a0000000-0000-4000-8000-000000000001 Bearer token-1`])
  fireEvent.click(screen.getByRole('button', { name: '查看诉求照片 1大图' }))
  expect(mockPreviewed).toEqual([{ paths: ['blob:1'], current: 'blob:1' }])
  // Nothing to withdraw once accepted.
  expect(screen.queryByRole('button', { name: '撤回诉求' })).toBeNull()
})

test('a failed refresh keeps the case on screen, says why, and tells the page the load is over', async () => {
  const view = complaintView({ steps: HANDLED_AND_REPLIED, now: NOW })
  let fail = false
  mockApi.on('GET', DETAIL, () =>
    fail ? { status: 409, body: { code: 'X', message: '诉求暂时无法查看，请稍后重试' } } : { body: view },
  )
  const settled = jest.fn()
  const { rerender } = render(<ComplaintDetailScreen complaintId={COMPLAINT_ID} reloadSignal={0} onSettled={settled} />)
  await screen.findAllByRole('listitem')
  expect(settled).toHaveBeenCalledTimes(1)
  fail = true
  rerender(<ComplaintDetailScreen complaintId={COMPLAINT_ID} reloadSignal={1} onSettled={settled} />)
  expect((await screen.findByRole('alert')).textContent).toBe('诉求暂时无法查看，请稍后重试')
  expect(screen.getAllByRole('listitem').length).toBeGreaterThan(0)
  expect(settled).toHaveBeenCalledTimes(2)
})

test('the place and the department or enterprise concerned are shown with the case', async () => {
  mockApi.on('GET', DETAIL, () => ({
    body: complaintView({
      now: NOW,
      location: { latitude: null, longitude: null, address: '魏都区七一路 12 号' },
      concernedParty: '七一路菜市场管理方',
    }),
  }))
  render(<ComplaintDetailScreen complaintId={COMPLAINT_ID} />)
  expect(await screen.findByText('地点：魏都区七一路 12 号')).toBeTruthy()
  expect(screen.getByText('涉及部门或企业：七一路菜市场管理方')).toBeTruthy()
})

test('a case without them shows neither line', async () => {
  mockApi.on('GET', DETAIL, () => ({ body: complaintView({ now: NOW }) }))
  render(<ComplaintDetailScreen complaintId={COMPLAINT_ID} />)
  await screen.findAllByRole('listitem')
  expect(screen.queryByText(/^地点：/)).toBeNull()
  expect(screen.queryByText(/^涉及部门或企业：/)).toBeNull()
})

test('a bad rating opens 回访 with its deadlines; after the fix the one more rating is final', async () => {
  mockApi.on('GET', DETAIL, () => ({ body: complaintView({ steps: HANDLED_AND_REPLIED, now: NOW }) }))
  const inVisit = complaintView({ steps: [...HANDLED_AND_REPLIED, RATED_BAD], now: '2026-11-19T06:00:00.000Z' })
  mockApi.on('POST', ACTIONS, () => ({ body: inVisit }))
  render(<ComplaintDetailScreen complaintId={COMPLAINT_ID} />)

  fireEvent.click(await screen.findByRole('button', { name: '提交评价' }))
  expect(screen.getByText('请选择评价等级')).toBeTruthy()
  expect(actionCalls()).toHaveLength(0)
  fireEvent.click(screen.getByRole('radio', { name: '不满意' }))
  expect(screen.getByText(/不满意的评价会转回访/)).toBeTruthy()
  fireEvent.change(screen.getByRole('textbox', { name: '评价意见' }), { target: { value: '摊位又回来了' } })
  fireEvent.click(screen.getByRole('button', { name: '提交评价' }))

  const visit = inVisit.case.returnVisit!
  expect(await screen.findByText(`整改期限：${visit.rectifyBy}`, { exact: false })).toBeTruthy()
  expect(screen.getByText(`回访期限：${visit.callBackBy}`, { exact: false })).toBeTruthy()
  expect(screen.getByText('回访整改中')).toBeTruthy()
  expect(screen.getByText(`整改完成后（或整改期限 ${visit.rectifyBy} 过后）可再次评价`)).toBeTruthy()
  expect(screen.queryByRole('button', { name: '提交评价' })).toBeNull()
  expect(actionCalls()[0].json).toEqual({ type: 'rate', level: 'dissatisfied', comment: '摊位又回来了' })

  // Staff call back and report the fix: one more rating, the final one.
  const fixed = complaintView({
    steps: [
      ...HANDLED_AND_REPLIED,
      RATED_BAD,
      { action: { type: 'record-call-back', note: '已电话回访' }, actor: 'staff', at: '2026-11-20T01:00:00.000Z' },
      { action: { type: 'report-rectification', note: '已取缔' }, actor: 'staff', at: '2026-11-24T01:00:00.000Z' },
    ],
    now: '2026-11-24T02:00:00.000Z',
  })
  mockApi.on('GET', DETAIL, () => ({ body: fixed }))
  render(<ComplaintDetailScreen complaintId={COMPLAINT_ID} reloadSignal={1} />)
  expect(await screen.findByText('整改后再次评价（最终评价）')).toBeTruthy()
})

test('withdraw before 受理 asks first; cancelling sends nothing, confirming withdraws', async () => {
  mockApi.on('GET', DETAIL, () => ({ body: complaintView() }))
  const withdrawn = complaintView({
    steps: [{ action: { type: 'withdraw' }, actor: 'submitter', at: '2026-11-16T03:00:00.000Z' }],
  })
  mockApi.on('POST', ACTIONS, () => ({ body: withdrawn }))
  render(<ComplaintDetailScreen complaintId={COMPLAINT_ID} />)

  ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
  fireEvent.click(await screen.findByRole('button', { name: '撤回诉求' }))
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
  expect(actionCalls()).toHaveLength(0)

  fireEvent.click(screen.getByRole('button', { name: '撤回诉求' }))
  expect(await screen.findByText('已撤回，不再计时')).toBeTruthy()
  expect(actionCalls().map((c) => c.json)).toEqual([{ type: 'withdraw' }])
  expect(screen.queryByRole('button', { name: '撤回诉求' })).toBeNull()
})

test('a refused step shows the server reason', async () => {
  mockApi.on('GET', DETAIL, () => ({ body: complaintView() }))
  mockApi.on('POST', ACTIONS, () => ({
    status: 409,
    body: { code: 'COMPLAINT_ACTION_REFUSED', message: '诉求已受理，不能撤回' },
  }))
  render(<ComplaintDetailScreen complaintId={COMPLAINT_ID} />)
  fireEvent.click(await screen.findByRole('button', { name: '撤回诉求' }))
  expect((await screen.findByRole('alert')).textContent).toBe('诉求已受理，不能撤回')
})

test('退回补充: the question is shown and the addition sent', async () => {
  const steps: CaseStep[] = [
    { action: { type: 'accept' }, actor: 'staff', at: '2026-11-17T01:00:00.000Z' },
    {
      action: { type: 'request-info', question: '请补充摊位的具体门牌号' },
      actor: 'staff',
      at: '2026-11-17T02:00:00.000Z',
    },
  ]
  mockApi.on('GET', DETAIL, () => ({ body: complaintView({ steps }) }))
  mockApi.on('POST', ACTIONS, () => ({ body: complaintView() }))
  render(<ComplaintDetailScreen complaintId={COMPLAINT_ID} />)
  expect(await screen.findByText('需要您补充材料')).toBeTruthy()
  expect(screen.getAllByText('请补充摊位的具体门牌号').length).toBeGreaterThan(0)
  fireEvent.click(screen.getByRole('button', { name: '提交补充材料' }))
  expect(screen.getByText('请填写补充内容')).toBeTruthy()
  fireEvent.change(screen.getByRole('textbox', { name: '补充内容' }), { target: { value: '七一路 12 号门口' } })
  fireEvent.click(screen.getByRole('button', { name: '提交补充材料' }))
  await waitFor(() =>
    expect(actionCalls().map((c) => c.json)).toEqual([{ type: 'supply-info', addition: '七一路 12 号门口' }]),
  )
})

test('my complaints: state and working days left, and an empty list invites a first one', async () => {
  const open = complaintView({ submittedAt: new Date().toISOString() })
  mockApi.on('GET', '/api/v1/complaints', () => ({ body: { items: [open] } }))
  const onNew = jest.fn()
  const { unmount } = render(<ComplaintListScreen onOpen={() => undefined} onNew={onNew} onQuery={() => undefined} />)
  await act(() => useComplaints.getState().refresh())
  const row = await screen.findByRole('link', { name: /^占道经营影响通行，已提交，剩余 1[23] 个工作日/ })
  expect(row).toBeTruthy()
  unmount()

  mockApi.on('GET', '/api/v1/complaints', () => ({ body: { items: [] } }))
  render(<ComplaintListScreen onOpen={() => undefined} onNew={onNew} onQuery={() => undefined} />)
  await act(() => useComplaints.getState().refresh())
  expect(await screen.findByText('还没有提交过诉求')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '提交诉求' }))
  expect(onNew).toHaveBeenCalled()
  expect(screen.getByRole('button', { name: '按查询码查询' })).toBeTruthy()
})

test('query by code: an empty code asks for one, a mistyped code is caught on the phone; a good one shows the anonymous case', async () => {
  const code = queryCodeFromBytes([1, 2, 3, 4, 5, 6, 7, 8, 9])
  const view = complaintView({ anonymous: true, steps: HANDLED_AND_REPLIED.slice(0, 1), now: NOW })
  mockApi.on('GET', `/api/v1/complaints/by-code/${code}`, () => ({ body: view }))
  render(<ComplaintQueryScreen />)
  fireEvent.click(screen.getByRole('button', { name: '查询' }))
  expect(screen.getByText('请输入查询码')).toBeTruthy()
  fireEvent.change(screen.getByRole('textbox', { name: '查询码' }), { target: { value: ' - ' } })
  fireEvent.click(screen.getByRole('button', { name: '查询' }))
  expect(screen.getByText('请输入查询码')).toBeTruthy()
  const typo = code.slice(0, 9) + (code[9] === '2' ? '3' : '2')
  fireEvent.change(screen.getByRole('textbox', { name: '查询码' }), { target: { value: typo } })
  fireEvent.click(screen.getByRole('button', { name: '查询' }))
  expect(screen.getByText('查询码有误，请核对后重新输入')).toBeTruthy()
  expect(mockApi.calls).toHaveLength(0)

  const typed = `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`
  fireEvent.change(screen.getByRole('textbox', { name: '查询码' }), { target: { value: typed } })
  fireEvent.click(screen.getByRole('button', { name: '查询' }))
  expect(await screen.findByText('匿名提交：凭查询码查看进展，无回访电话')).toBeTruthy()
  expect(screen.getByText('已受理')).toBeTruthy()
})

test('signed out, the query page finds a case by its code alone; the detail page asks to sign in', async () => {
  useSession.getState().clear()
  const code = queryCodeFromBytes([9, 8, 7, 6, 5, 4, 3, 2, 1])
  const view = complaintView({ anonymous: true, steps: HANDLED_AND_REPLIED.slice(0, 1), now: NOW })
  mockApi.on('GET', `/api/v1/complaints/by-code/${code}`, () => ({ body: view }))
  const query = render(<ComplaintQueryPage />)
  fireEvent.change(screen.getByRole('textbox', { name: '查询码' }), { target: { value: code } })
  fireEvent.click(screen.getByRole('button', { name: '查询' }))
  expect(await screen.findByText('匿名提交：凭查询码查看进展，无回访电话')).toBeTruthy()
  expect(mockApi.calls.map((c) => c.headers.Authorization)).toEqual([undefined])
  query.unmount()
  render(<ComplaintDetailPage />)
  expect(screen.getByText('登录后查看和提交诉求；匿名诉求可凭查询码查询')).toBeTruthy()
})

test('too many queries: the server’s Chinese message shows under the code and no case is shown', async () => {
  useSession.getState().clear()
  const code = queryCodeFromBytes([1, 1, 2, 3, 5, 8, 13, 21, 34])
  mockApi.on('GET', `/api/v1/complaints/by-code/${code}`, () => ({
    status: 429,
    body: { code: 'RATE_LIMITED', message: '查询过于频繁，请稍后再试' },
  }))
  render(<ComplaintQueryPage />)
  fireEvent.change(screen.getByRole('textbox', { name: '查询码' }), { target: { value: code } })
  fireEvent.click(screen.getByRole('button', { name: '查询' }))
  expect(await screen.findByText('查询过于频繁，请稍后再试')).toBeTruthy()
  expect(screen.queryByText('已受理')).toBeNull()
  expect(screen.getByRole('button', { name: '查询' })).toBeTruthy()
})

test('case photos show in the order submitted; a tap previews them all, starting at that one', async () => {
  const photo = (n: number) => ({
    id: `a0000000-0000-4000-8000-00000000000${n}`,
    mimeType: 'image/jpeg',
    sizeBytes: 1000,
  })
  mockApi.on('GET', DETAIL, () => ({ body: complaintView({ now: NOW, attachments: [photo(1), photo(2)] }) }))
  render(<ComplaintDetailScreen complaintId={COMPLAINT_ID} />)
  await screen.findByRole('img', { name: '诉求照片 2' })
  await screen.findByRole('img', { name: '诉求照片 1' })
  const named = screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'))
  expect(named.filter(Boolean)).toEqual(['诉求照片 1', '诉求照片 2'])
  fireEvent.click(screen.getByRole('button', { name: '查看诉求照片 2大图' }))
  expect(mockPreviewed).toEqual([{ paths: ['blob:1', 'blob:2'], current: 'blob:2' }])
})
