import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { ReminderSettingsScreen } from '../../src/features/licences/ReminderSettingsScreen'
import { useSession } from '../../src/core/session'

const COMPLIANCE_ON = {
  'annual-report': true,
  'tax-filing': true,
  'credit-repair': true,
  'policy-window': true,
  complaint: true,
}
const SAVED = { offsets: [30, 7], onExpiryDay: false, channels: { inbox: true, wechat: true, alipay: false } }

beforeEach(() => {
  useSession.getState().signedIn(loginResponse())
  mockApi.calls.length = 0
  mockApi.on('GET', '/api/v1/me/reminder-settings', () => ({ body: SAVED }))
  mockApi.on('PUT', '/api/v1/me/reminder-settings', (r) => ({ body: r.json }))
  mockApi.on('GET', '/api/v1/me/compliance-reminder-settings', () => ({ body: { kinds: COMPLIANCE_ON } }))
  mockApi.on('PUT', '/api/v1/me/compliance-reminder-settings', (r) => ({ body: r.json }))
  ;(Taro.showToast as jest.Mock).mockClear()
})

async function renderLoaded() {
  render(<ReminderSettingsScreen />)
  await screen.findByText('提醒渠道')
  await screen.findByRole('switch', { name: '年报提醒' })
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

test('合规提醒: one switch per kind, on by default; a change is saved at once and confirmed', async () => {
  await renderLoaded()
  const names = ['年报提醒', '纳税申报提醒', '信用修复提醒', '政策申报提醒', '诉求提醒']
  for (const name of await Promise.all(names.map((n) => screen.findByRole('switch', { name: n })))) {
    expect(name.getAttribute('aria-checked')).toBe('true')
  }
  await act(async () => {
    fireEvent.click(screen.getByRole('switch', { name: '纳税申报提醒' }))
  })
  const put = mockApi.calls.find((c) => c.method === 'PUT' && c.url.includes('compliance-reminder-settings'))
  expect(put?.json).toEqual({ kinds: { ...COMPLIANCE_ON, 'tax-filing': false } })
  expect(screen.getByRole('switch', { name: '纳税申报提醒' }).getAttribute('aria-checked')).toBe('false')
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }))
})

test('合规提醒: a refused save puts the switch back and says why', async () => {
  mockApi.on('PUT', '/api/v1/me/compliance-reminder-settings', () => ({
    status: 400,
    body: { code: 'VALIDATION_FAILED', message: '合规提醒设置有误' },
  }))
  await renderLoaded()
  await act(async () => {
    fireEvent.click(await screen.findByRole('switch', { name: '年报提醒' }))
  })
  expect(screen.getByRole('switch', { name: '年报提醒' }).getAttribute('aria-checked')).toBe('true')
  expect(screen.getByRole('alert').textContent).toContain('合规提醒设置有误')
  expect(Taro.showToast).not.toHaveBeenCalled()
})

test('合规提醒: a failed load says why and offers 重试, which brings the switches', async () => {
  let fail = true
  mockApi.on('GET', '/api/v1/me/compliance-reminder-settings', () =>
    fail
      ? { status: 400, body: { code: 'VALIDATION_FAILED', message: '合规提醒设置暂时无法读取' } }
      : { body: { kinds: COMPLIANCE_ON } },
  )
  render(<ReminderSettingsScreen />)
  expect(await screen.findByText('合规提醒设置暂时无法读取')).toBeTruthy()
  expect(screen.queryByRole('switch', { name: '年报提醒' })).toBeNull()
  fail = false
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
  })
  expect((await screen.findByRole('switch', { name: '年报提醒' })).getAttribute('aria-checked')).toBe('true')
})
