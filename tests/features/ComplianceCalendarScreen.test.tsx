import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { TimelineItem, TimelineResponse } from '../../src/contract/compliance/schemas'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))
jest.mock('../../src/platform/feedback', () => ({ toast: jest.fn() }))

import { ComplianceCalendarScreen } from '../../src/features/compliance/ComplianceCalendarScreen'
import { useSession } from '../../src/core/session'

const A = 'e0000000-0000-4000-8000-00000000000a'
const B = 'e0000000-0000-4000-8000-00000000000b'
const TIMELINE = '/api/v1/me/compliance/timeline'

function item(over: Partial<TimelineItem>): TimelineItem {
  return {
    key: 'annual-report:2025',
    kind: 'annual-report',
    enterpriseId: A,
    enterpriseName: '甲公司',
    title: '2025年度年报',
    opensOn: '2026-01-01',
    dueDate: '2026-06-30',
    date: '2026-06-30',
    estimated: false,
    countsWorkingDays: false,
    daysRemaining: 112,
    state: 'open',
    snoozedUntil: null,
    reminders: [],
    legalBasis: '《企业信息公示暂行条例》第八条',
    source: { type: 'detail' },
    ...over,
  }
}

const TAX = item({
  key: 'tax:vat:2026-02',
  kind: 'tax-filing',
  enterpriseId: B,
  enterpriseName: '乙公司',
  title: '2026年2月 增值税及附加税费申报',
  date: '2026-03-16',
  dueDate: '2026-03-16',
  daysRemaining: 6,
})
const LICENCE = item({
  key: 'licence:l1:renewal-deadline',
  kind: 'licence',
  title: '食品经营许可证 续期申请截止',
  date: '2026-03-12',
  dueDate: '2026-03-12',
  daysRemaining: 2,
  source: { type: 'licence', id: 'l1' },
})

let done = false
function respond(): { body: TimelineResponse } {
  const items = [LICENCE, TAX, ...(done ? [] : [item({})])]
  return {
    body: {
      asOf: '2026-03-10',
      from: '2026-03-10',
      to: '2026-04-09',
      items,
      enterprises: [
        { enterpriseId: A, enterpriseName: '甲公司', count: items.filter((i) => i.enterpriseId === A).length },
        { enterpriseId: B, enterpriseName: '乙公司', count: 1 },
      ],
    },
  }
}

const tap = async (element: HTMLElement) => {
  await act(async () => {
    fireEvent.click(element)
  })
}

beforeEach(() => {
  done = false
  useSession.getState().signedIn(loginResponse())
  mockApi.calls.length = 0
  mockApi.on('GET', TIMELINE, respond)
  const state = `/api/v1/enterprises/${A}/compliance/items/${encodeURIComponent('annual-report:2025')}/state`
  mockApi.on('PUT', state, () => {
    done = true
    return { status: 204 }
  })
  mockApi.on('DELETE', state, () => {
    done = false
    return { status: 204 }
  })
})

test('one timeline across enterprises, most urgent first, with counts per enterprise and a filter', async () => {
  const onOpen = jest.fn()
  render(<ComplianceCalendarScreen onOpen={onOpen} onSettings={jest.fn()} />)
  const links = await screen.findAllByRole('link')
  expect(links.map((l) => l.textContent)).toEqual([LICENCE.title, TAX.title, '2025年度年报'])
  expect(screen.getByText('还剩 2 天')).toBeTruthy()
  expect(screen.getByRole('checkbox', { name: '甲公司，2 项' })).toBeTruthy()
  await tap(screen.getByRole('checkbox', { name: '乙公司，1 项' }))
  expect(screen.getAllByRole('link').map((l) => l.textContent)).toEqual([TAX.title])
  await tap(screen.getByRole('link'))
  expect(onOpen).toHaveBeenCalledWith(TAX)
})

test('已报送 asks first, leaves the list, and 撤销 brings it back', async () => {
  render(<ComplianceCalendarScreen onOpen={jest.fn()} onSettings={jest.fn()} />)
  await tap(await screen.findByRole('button', { name: '已报送：2025年度年报' }))
  const dialog = screen.getByRole('dialog', { name: '确认年报已报送？' })
  await tap(within(dialog).getByRole('button', { name: '已报送' }))
  const put = mockApi.calls.find((c) => c.method === 'PUT')!
  expect(put.json).toEqual({ state: 'done' })
  expect(screen.queryByRole('link', { name: /2025年度年报/ })).toBeNull()
  await tap(screen.getByRole('button', { name: '撤销：2025年度年报' }))
  expect(mockApi.calls.some((c) => c.method === 'DELETE')).toBe(true)
  expect(await screen.findByRole('link', { name: /2025年度年报/ })).toBeTruthy()
})

test('稍后提醒 holds its day on Escape (the date picker’s key), and 取消 closes it', async () => {
  render(<ComplianceCalendarScreen onOpen={jest.fn()} onSettings={jest.fn()} />)
  await tap(await screen.findByRole('button', { name: '稍后提醒：2025年度年报' }))
  const dialog = screen.getByRole('dialog', { name: '稍后提醒' })
  fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
  expect(screen.getByRole('dialog', { name: '稍后提醒' })).toBe(dialog)
  await tap(within(dialog).getByRole('button', { name: '取消' }))
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(mockApi.calls.filter((c) => c.method === 'PUT')).toHaveLength(0)
})

test('the month view marks each day with its number of deadlines', async () => {
  render(<ComplianceCalendarScreen onOpen={jest.fn()} onSettings={jest.fn()} />)
  await tap(await screen.findByRole('button', { name: '月历' }))
  expect(await screen.findByRole('button', { name: '3月12日，1 项期限' })).toBeTruthy()
  expect(screen.getByRole('button', { name: '3月10日，今天' })).toBeTruthy()
  await tap(screen.getByRole('button', { name: '3月16日，1 项期限' }))
  expect(screen.getAllByRole('link').map((l) => l.textContent)).toEqual([TAX.title])
})
