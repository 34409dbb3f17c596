import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

// The platform the bundle was built for (WeChat unless a test says otherwise) and its prompt.
const mockEnv = { platform: 'weapp' as 'h5' | 'weapp' | 'alipay' }
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

import { PushPreferenceSection } from '../../src/features/policies/PushPreferenceSection'
import { useSession } from '../../src/core/session'

const SUBSCRIPTIONS = '/api/v1/me/subscriptions'
const TEMPLATE = { id: 'tmpl-policy', title: '新政策通知' }
let answered: Record<string, string | null>

beforeEach(() => {
  mockApi.calls.length = 0
  mockEnv.platform = 'weapp'
  mockSubscribe.request.mockReset()
  answered = { 'tmpl-policy': null }
  useSession.getState().signedIn(loginResponse())
  mockApi.on('GET', '/api/v1/me/policy-push', () => ({ body: { frequency: 'instant' } }))
  mockApi.on('GET', SUBSCRIPTIONS, (r) => ({
    body: {
      platform: mockEnv.platform,
      templates: r.url.includes('purpose=policy') ? [TEMPLATE] : [],
      results: answered,
    },
  }))
  mockApi.on('POST', SUBSCRIPTIONS, (r) => {
    answered = { ...answered, ...r.json.results }
    return { body: { platform: r.json.platform, templates: [TEMPLATE], results: answered } }
  })
})

const subscribeButton = () => screen.findByRole('button', { name: '订阅新政策提醒' })

test('WeChat: the 新政策 template is asked for inside the tap and the answer recorded', async () => {
  render(<PushPreferenceSection />)
  expect(await screen.findByText('订阅后，符合条件的新政策发布时会通过微信通知您（每次订阅可收到一条）')).toBeTruthy()
  expect(mockApi.calls.find((c) => c.method === 'GET' && c.url.startsWith(SUBSCRIPTIONS))?.url).toBe(
    `${SUBSCRIPTIONS}?platform=weapp&purpose=policy`,
  )
  mockSubscribe.request.mockResolvedValue({ 'tmpl-policy': 'accept' })
  fireEvent.click(await subscribeButton())
  // Synchronously, still within the tap: WeChat refuses the prompt after an await.
  expect(mockSubscribe.request).toHaveBeenCalledWith(['tmpl-policy'])
  expect(
    await screen.findByText('已订阅：下一条符合条件的新政策会通过微信通知您（每次订阅可收到一条，收到后可再次订阅）'),
  ).toBeTruthy()
  expect(mockApi.calls.find((c) => c.method === 'POST')?.json).toEqual({
    platform: 'weapp',
    results: { 'tmpl-policy': 'accept' },
  })
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已订阅新政策提醒' }))
  expect(screen.getByRole('button', { name: '再次订阅新政策提醒' })).toBeTruthy()
})

test('Alipay: declining is recorded and the button stays to try again', async () => {
  mockEnv.platform = 'alipay'
  mockSubscribe.request.mockResolvedValue({ 'tmpl-policy': 'reject' })
  render(<PushPreferenceSection />)
  fireEvent.click(await subscribeButton())
  await waitFor(() =>
    expect(mockApi.calls.find((c) => c.method === 'POST')?.json).toEqual({
      platform: 'alipay',
      results: { 'tmpl-policy': 'reject' },
    }),
  )
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '未订阅新政策提醒' }))
  expect(await subscribeButton()).toBeTruthy()
  expect(screen.getByText('订阅后，符合条件的新政策发布时会通过支付宝通知您（每次订阅可收到一条）')).toBeTruthy()
})

test('notifications switched off: says where to turn them back on', async () => {
  answered = { 'tmpl-policy': 'ban' }
  render(<PushPreferenceSection />)
  expect(await screen.findByText('微信通知已被关闭，请在小程序设置中允许「新政策通知」后再订阅')).toBeTruthy()
})

test('a failed prompt says so and records nothing', async () => {
  mockSubscribe.request.mockRejectedValue(new Error('requestSubscribeMessage:fail'))
  render(<PushPreferenceSection />)
  fireEvent.click(await subscribeButton())
  expect((await screen.findByRole('alert')).textContent).toBe('订阅未完成：出现了意外错误，请稍后重试')
  expect(mockApi.calls.some((c) => c.method === 'POST')).toBe(false)
})

test('H5: no prompt to offer; explains that notices arrive in 消息', async () => {
  mockEnv.platform = 'h5'
  render(<PushPreferenceSection />)
  expect(await screen.findByRole('button', { name: '推送方式：发布即推送（已选）' })).toBeTruthy()
  expect(screen.getByText('网页版无法接收微信或支付宝通知，新政策通知会发送到「消息」，请留意查看。')).toBeTruthy()
  expect(screen.queryByRole('button', { name: '订阅新政策提醒' })).toBeNull()
  expect(mockApi.calls.some((c) => c.url.startsWith(SUBSCRIPTIONS))).toBe(false)
})

test('no template configured on the server: no button, notices go to 消息', async () => {
  mockApi.on('GET', SUBSCRIPTIONS, () => ({ body: { platform: 'weapp', templates: [], results: {} } }))
  render(<PushPreferenceSection />)
  expect(await screen.findByText('微信通知暂未开通，新政策通知会发送到「消息」。')).toBeTruthy()
  expect(screen.queryByRole('button', { name: '订阅新政策提醒' })).toBeNull()
})
