import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { ReminderSettingsScreen } from '../../src/features/licences/ReminderSettingsScreen'
import { useSession } from '../../src/core/session'

const SAVED = { offsets: [30, 7], onExpiryDay: false, channels: { inbox: true, wechat: true, alipay: false } }

beforeEach(() => {
  useSession.getState().signedIn(loginResponse())
  mockApi.calls.length = 0
  mockApi.on('GET', '/api/v1/me/reminder-settings', () => ({ body: SAVED }))
  mockApi.on('PUT', '/api/v1/me/reminder-settings', (r) => ({ body: r.json }))
  ;(Taro.showToast as jest.Mock).mockClear()
})

async function renderLoaded() {
  render(<ReminderSettingsScreen />)
  await screen.findByText('提醒渠道')
}

test('H5 offers only the channels it can deliver to: the inbox, no WeChat or Alipay switch', async () => {
  await renderLoaded()
  expect(screen.getByRole('switch', { name: '站内消息' })).toBeTruthy()
  expect(screen.queryByRole('switch', { name: '微信订阅消息' })).toBeNull()
  expect(screen.queryByRole('switch', { name: '支付宝订阅消息' })).toBeNull()
  expect(mockApi.calls.some((c) => c.url.includes('/me/subscriptions'))).toBe(false)
})

test('offset chips are checkboxes with their state; a change is saved and the save is confirmed', async () => {
  await renderLoaded()
  const seven = screen.getByRole('checkbox', { name: '截止前 7 天提醒' })
  expect(seven.getAttribute('aria-checked')).toBe('true')
  expect(screen.getByRole('checkbox', { name: '截止前 15 天提醒' }).getAttribute('aria-checked')).toBe('false')
  expect(screen.getByRole('status').textContent).toBe('')

  await act(async () => {
    fireEvent.click(screen.getByRole('checkbox', { name: '截止前 15 天提醒' }))
  })
  const put = mockApi.calls.find((c) => c.method === 'PUT')
  // The channels H5 does not show keep what was saved.
  expect(put?.json).toEqual({ ...SAVED, offsets: [30, 15, 7] })
  expect(screen.getByRole('checkbox', { name: '截止前 15 天提醒' }).getAttribute('aria-checked')).toBe('true')
  expect(screen.getByRole('status').textContent).toBe('已保存，按新的设置提醒')
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }))
})

test('a refused save puts the old value back, says why, and claims no save', async () => {
  mockApi.on('PUT', '/api/v1/me/reminder-settings', () => ({
    status: 400,
    body: { code: 'VALIDATION_FAILED', message: '提醒设置有误' },
  }))
  await renderLoaded()
  await act(async () => {
    fireEvent.click(screen.getByRole('switch', { name: '到期当天再提醒一次' }))
  })
  expect(screen.getByRole('switch', { name: '到期当天再提醒一次' }).getAttribute('aria-checked')).toBe('false')
  expect(screen.getByRole('alert').textContent).not.toBe('')
  expect(screen.getByRole('status').textContent).toBe('')
  expect(Taro.showToast).not.toHaveBeenCalled()
})
