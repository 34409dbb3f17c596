import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { InboxMessage } from '../../src/contract/account/schemas'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { InboxScreen } from '../../src/features/inbox/InboxScreen'
import { useInbox } from '../../src/features/inbox/inboxStore'
import { useSession } from '../../src/core/session'

const message = (id: string, readAt: string | null): InboxMessage => ({
  id,
  enterpriseId: null,
  kind: 'licence-reminder',
  title: `食品生产许可证 续期提醒 ${id}`,
  body: '距续期申请截止还有 7 天，请尽快提交续期申请。',
  link: { kind: 'licence', licenceId: `licence-${id}` },
  createdAt: '2026-11-22T00:30:00.000Z',
  readAt,
})

beforeEach(() => {
  mockApi.calls.length = 0
  useSession.getState().signedIn(loginResponse())
  mockApi.on('GET', '/api/v1/inbox', () => ({
    body: { items: [message('1', null), message('2', '2026-11-21T00:00:00.000Z')], unread: 1, nextCursor: null },
  }))
  mockApi.on('POST', '/api/v1/inbox/1/read', () => ({ status: 204 }))
  mockApi.on('POST', '/api/v1/inbox/read-all', () => ({ status: 204 }))
})

test('shows unread messages marked, with the time in China', async () => {
  render(<InboxScreen onOpenLink={() => undefined} />)
  await act(() => useInbox.getState().refresh())
  expect(screen.getByRole('status').textContent).toBe('1 条未读')
  expect(screen.getByRole('link', { name: '未读：食品生产许可证 续期提醒 1' })).toBeTruthy()
  expect(screen.getByRole('link', { name: '食品生产许可证 续期提醒 2' })).toBeTruthy()
  expect(screen.getAllByText('2026-11-22 08:30')).toHaveLength(2)
})

test('tapping a message marks it read on the server and follows its link', async () => {
  const opened: InboxMessage[] = []
  render(<InboxScreen onOpenLink={(m) => opened.push(m)} />)
  await act(() => useInbox.getState().refresh())
  fireEvent.click(screen.getByRole('link', { name: '未读：食品生产许可证 续期提醒 1' }))
  await waitFor(() =>
    expect(mockApi.calls.some((c) => c.method === 'POST' && c.url === '/api/v1/inbox/1/read')).toBe(true),
  )
  expect(opened.map((m) => m.link)).toEqual([{ kind: 'licence', licenceId: 'licence-1' }])
  expect(screen.getByRole('status').textContent).toBe('全部已读')
})

test('全部已读 clears the count', async () => {
  render(<InboxScreen onOpenLink={() => undefined} />)
  await act(() => useInbox.getState().refresh())
  fireEvent.click(screen.getByRole('button', { name: '全部已读' }))
  await waitFor(() => expect(useInbox.getState().unread).toBe(0))
  expect(screen.queryByRole('link', { name: /^未读：/ })).toBeNull()
})

test('an empty inbox says what will arrive there', async () => {
  mockApi.on('GET', '/api/v1/inbox', () => ({ body: { items: [], unread: 0, nextCursor: null } }))
  render(<InboxScreen onOpenLink={() => undefined} />)
  await act(() => useInbox.getState().refresh())
  expect(screen.getByText('暂无消息')).toBeTruthy()
})

test('a refused 全部已读 is explained and the messages stay unread', async () => {
  mockApi.on('POST', '/api/v1/inbox/read-all', () => ({
    status: 503,
    body: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' },
  }))
  render(<InboxScreen onOpenLink={() => undefined} />)
  await act(() => useInbox.getState().refresh())
  fireEvent.click(screen.getByRole('button', { name: '全部已读' }))
  expect((await screen.findByRole('alert')).textContent).toBe('服务器开小差了，请稍后再试')
  expect(screen.getByRole('status').textContent).toBe('1 条未读')
})

test('a notice that leads nowhere is not announced as a link, and a tap only marks it read', async () => {
  const welcome: InboxMessage = {
    ...message('1', null),
    kind: 'system',
    title: '欢迎使用许证闹钟',
    link: { kind: 'none' },
  }
  mockApi.on('GET', '/api/v1/inbox', () => ({ body: { items: [welcome], unread: 1, nextCursor: null } }))
  const opened: InboxMessage[] = []
  render(<InboxScreen onOpenLink={(m) => opened.push(m)} />)
  await act(() => useInbox.getState().refresh())
  expect(screen.queryByRole('link')).toBeNull()
  fireEvent.click(screen.getByRole('article', { name: '未读：欢迎使用许证闹钟' }))
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('全部已读'))
  expect(mockApi.calls.some((c) => c.method === 'POST' && c.url === '/api/v1/inbox/1/read')).toBe(true)
  expect(opened).toEqual([])
  expect(screen.getByRole('article', { name: '欢迎使用许证闹钟' })).toBeTruthy()
})
