import { act, fireEvent, render, screen } from '@testing-library/react'
import type { CalendarFeedCreated } from '../../src/contract/compliance/schemas'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))
jest.mock('../../src/platform/clipboard', () => ({ copyText: jest.fn(async () => undefined) }))
jest.mock('../../src/platform/feedback', () => ({ toast: jest.fn() }))
jest.mock('../../src/platform/files', () => ({
  calendarFileWay: jest.fn(() => null),
  downloadFromUrl: jest.fn(),
  fetchFileForSharing: jest.fn(async () => '/tmp/wx-temp.ics'),
  shareFileToChat: jest.fn(async () => undefined),
  isCancelled: (e: any) => /cancel/.test(String(e?.errMsg)),
}))

import { ExportCalendarScreen } from '../../src/features/licences/ExportCalendarScreen'
import { useSession } from '../../src/core/session'
import { copyText } from '../../src/platform/clipboard'
import { toast } from '../../src/platform/feedback'
import * as files from '../../src/platform/files'

const ENTERPRISE = 'e0000000-0000-4000-8000-000000000001'
const FEEDS = '/api/v1/me/calendar-feeds'
const LINK = 'https://zqt.example.gov.cn/calendar/feed/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ABCDE.ics'
const fileWay = files.calendarFileWay as jest.Mock

function created(scope: string, url = LINK): CalendarFeedCreated {
  return {
    scope,
    createdAt: '2026-11-22T02:00:00.000Z',
    httpsUrl: url,
    webcalUrl: url.replace('https:', 'webcal:'),
  }
}

const tap = async (name: string) => {
  const button = await screen.findByRole('button', { name })
  await act(async () => {
    fireEvent.click(button)
  })
}

beforeEach(() => {
  jest.clearAllMocks()
  fileWay.mockReturnValue(null)
  useSession.getState().signedIn(loginResponse())
  mockApi.calls.length = 0
  mockApi.on('GET', FEEDS, () => ({ body: { feeds: [] } }))
  mockApi.on('POST', `${FEEDS}/${ENTERPRISE}`, () => ({ status: 201, body: created(ENTERPRISE) }))
  mockApi.on('POST', `${FEEDS}/all`, () => ({ status: 201, body: created('all', `${LINK}?all`) }))
  mockApi.on('DELETE', `${FEEDS}/${ENTERPRISE}`, () => ({ status: 204 }))
})

test('makes the enterprise link, shows it and copies it; success only once the clipboard took it', async () => {
  render(<ExportCalendarScreen enterpriseId={ENTERPRISE} />)
  await tap('生成订阅链接')
  expect(mockApi.calls.some((c) => c.method === 'POST' && c.url.endsWith(`${FEEDS}/${ENTERPRISE}`))).toBe(true)
  expect(screen.getByText(LINK)).toBeTruthy()
  // How to add it, in plain words, for the three calendars people use.
  expect(screen.getByText('iPhone（iOS 日历）')).toBeTruthy()
  expect(screen.getByText('安卓手机')).toBeTruthy()
  expect(screen.getByText('Outlook')).toBeTruthy()

  await tap('复制链接')
  expect(copyText).toHaveBeenCalledWith(LINK)
  expect(toast).toHaveBeenCalledWith('链接已复制', 'success')

  ;(copyText as jest.Mock).mockRejectedValueOnce(new Error('denied'))
  ;(toast as jest.Mock).mockClear()
  await tap('复制链接')
  expect(toast).toHaveBeenCalledWith('复制失败，请长按链接手动复制', 'error')
  expect(toast).not.toHaveBeenCalledWith(expect.anything(), 'success')
})

test('offers no file where none can be saved (Alipay, in-app browsers): the link is the way', async () => {
  render(<ExportCalendarScreen enterpriseId={ENTERPRISE} />)
  await tap('生成订阅链接')
  expect(screen.queryByRole('button', { name: '下载 .ics 文件' })).toBeNull()
  expect(screen.queryByRole('button', { name: '发送 .ics 文件到聊天' })).toBeNull()
  expect(files.fetchFileForSharing).not.toHaveBeenCalled()
})

test('H5 in a browser: the .ics download is the feed itself, and claims nothing', async () => {
  fileWay.mockReturnValue('download')
  render(<ExportCalendarScreen enterpriseId={ENTERPRISE} />)
  await tap('生成订阅链接')
  await tap('下载 .ics 文件')
  expect(files.downloadFromUrl).toHaveBeenCalledWith(LINK, 'zhengqitong-deadlines.ics')
  expect(toast).not.toHaveBeenCalled()
})

test('WeChat: the file is fetched ahead and shared from the tap; a cancelled share is no success', async () => {
  fileWay.mockReturnValue('share-to-chat')
  render(<ExportCalendarScreen enterpriseId={ENTERPRISE} />)
  await tap('生成订阅链接')
  expect(files.fetchFileForSharing).toHaveBeenCalledWith(LINK)
  await tap('发送 .ics 文件到聊天')
  expect(files.shareFileToChat).toHaveBeenCalledWith('/tmp/wx-temp.ics', 'zhengqitong-deadlines.ics')
  expect(toast).toHaveBeenCalledWith('已发送到聊天', 'success')

  ;(toast as jest.Mock).mockClear()
  ;(files.shareFileToChat as jest.Mock).mockRejectedValueOnce({ errMsg: 'shareFileMessage:fail cancel' })
  await tap('发送 .ics 文件到聊天')
  expect(toast).not.toHaveBeenCalled()

  ;(files.shareFileToChat as jest.Mock).mockRejectedValueOnce({ errMsg: 'shareFileMessage:fail internal error' })
  await tap('发送 .ics 文件到聊天')
  expect(toast).toHaveBeenCalledWith('发送失败，请改用复制链接', 'error')
})

test('a link made earlier is not shown again; 重新生成 asks first, then replaces it', async () => {
  mockApi.on('GET', FEEDS, () => ({ body: { feeds: [{ scope: ENTERPRISE, createdAt: '2026-11-20T02:00:00.000Z' }] } }))
  render(<ExportCalendarScreen enterpriseId={ENTERPRISE} />)
  expect(await screen.findByText('已于 2026-11-20 10:00 生成订阅链接。')).toBeTruthy()
  expect(screen.queryByRole('button', { name: '复制链接' })).toBeNull()

  await tap('重新生成')
  expect(screen.getByText('旧链接将立即失效，已用旧链接订阅的日历不再更新，需要换用新链接重新添加。')).toBeTruthy()
  await tap('取消')
  expect(mockApi.calls.some((c) => c.method === 'POST')).toBe(false)

  await tap('重新生成')
  const dialogButtons = screen.getAllByRole('button', { name: '重新生成' })
  await act(async () => {
    fireEvent.click(dialogButtons[dialogButtons.length - 1])
  })
  expect(mockApi.calls.filter((c) => c.method === 'POST')).toHaveLength(1)
  expect(screen.getByText(LINK)).toBeTruthy()
})

test('停止订阅 asks first, then revokes and says so only after the server did', async () => {
  render(<ExportCalendarScreen enterpriseId={ENTERPRISE} />)
  await tap('生成订阅链接')
  await tap('停止订阅')
  const confirmButtons = screen.getAllByRole('button', { name: '停止订阅' })
  await act(async () => {
    fireEvent.click(confirmButtons[confirmButtons.length - 1])
  })
  expect(mockApi.calls.some((c) => c.method === 'DELETE' && c.url.endsWith(`${FEEDS}/${ENTERPRISE}`))).toBe(true)
  expect(toast).toHaveBeenCalledWith('已停止订阅', 'success')
  expect(screen.queryByText(LINK)).toBeNull()
  expect(screen.getByRole('button', { name: '生成订阅链接' })).toBeTruthy()
})

test('停止订阅 of a feed already stopped elsewhere (404) leaves no stale link on screen', async () => {
  mockApi.on('GET', FEEDS, () => ({ body: { feeds: [{ scope: ENTERPRISE, createdAt: '2026-11-20T02:00:00.000Z' }] } }))
  mockApi.on('DELETE', `${FEEDS}/${ENTERPRISE}`, () => ({
    status: 404,
    body: { code: 'CALENDAR_FEED_NOT_FOUND', message: '没有可停止的日历订阅' },
  }))
  render(<ExportCalendarScreen enterpriseId={ENTERPRISE} />)
  await tap('停止订阅')
  const confirmButtons = screen.getAllByRole('button', { name: '停止订阅' })
  await act(async () => {
    fireEvent.click(confirmButtons[confirmButtons.length - 1])
  })
  expect(screen.queryByText('没有可停止的日历订阅')).toBeNull()
  expect(screen.queryByText('已于 2026-11-20 10:00 生成订阅链接。')).toBeNull()
  expect(screen.getByRole('button', { name: '生成订阅链接' })).toBeTruthy()
})

test('the scope chips switch to a feed of all the user’s enterprises', async () => {
  render(<ExportCalendarScreen enterpriseId={ENTERPRISE} />)
  await tap('订阅范围：我的全部企业')
  expect(screen.getByRole('button', { name: '订阅范围：我的全部企业（已选）' })).toBeTruthy()
  await tap('生成订阅链接')
  expect(mockApi.calls.some((c) => c.method === 'POST' && c.url.endsWith(`${FEEDS}/all`))).toBe(true)
  expect(screen.getByText(`${LINK}?all`)).toBeTruthy()
})

test('a refused request is shown, not swallowed', async () => {
  mockApi.on('POST', `${FEEDS}/${ENTERPRISE}`, () => ({
    status: 503,
    body: { code: 'CALENDAR_FEED_UNAVAILABLE', message: '日历订阅暂未开通，请稍后再试' },
  }))
  render(<ExportCalendarScreen enterpriseId={ENTERPRISE} />)
  await tap('生成订阅链接')
  expect(screen.getByText('日历订阅暂未开通，请稍后再试')).toBeTruthy()
  expect(toast).not.toHaveBeenCalledWith(expect.anything(), 'success')
})
