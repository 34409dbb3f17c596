import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createFakeApi } from '../setup/fake-api'
import { enterprises, loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { View } from '@tarojs/components'
import { LoginScreen } from '../../src/features/account/LoginScreen'
import { SignInRequired } from '../../src/core/SignInRequired'
import { usePreferences } from '../../src/core/preferences'
import { useSession } from '../../src/core/session'
import { useEnterpriseContext } from '../../src/core/enterpriseContext'

beforeEach(() => {
  mockApi.calls.length = 0
  jest.mocked(Taro.switchTab).mockClear()
})

test('asks for privacy consent first and sends nothing before it is given', () => {
  render(<LoginScreen />)
  expect(screen.getByRole('dialog', { name: '隐私保护提示' })).toBeTruthy()
  expect(screen.queryByRole('button', { name: '登录' })).toBeNull()
  expect(mockApi.calls).toHaveLength(0)
})

test('declining explains what works without an account, leads there, and sends nothing', () => {
  render(<LoginScreen />)
  fireEvent.click(screen.getByRole('button', { name: '不同意隐私政策' }))
  expect(usePreferences.getState().consentVersion).toBeNull()
  expect(screen.queryByRole('dialog', { name: '隐私保护提示' })).toBeNull()
  expect(screen.getByRole('status').textContent).toContain('您未同意隐私政策')
  const entries = screen.getAllByRole('link').map((link) => link.getAttribute('aria-label'))
  // 匿名诉求 needs a sign-in to submit, so it is not offered to someone who declined.
  expect(entries).toEqual(['惠企政策', '政策计算器', '查询码查进度', '验章'])
  fireEvent.click(screen.getByRole('link', { name: '政策计算器' }))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/policies/pages/calculator/index' })
  expect(mockApi.calls).toHaveLength(0)

  // They may change their mind.
  fireEvent.click(screen.getByRole('button', { name: '重新阅读隐私政策' }))
  expect(screen.getByRole('dialog', { name: '隐私保护提示' })).toBeTruthy()
})

test('after consent, a sandbox demo login signs in, loads the enterprises and opens 工作台', async () => {
  mockApi.on('POST', '/api/v1/auth/login', () => ({ body: loginResponse() }))
  mockApi.on('GET', '/api/v1/enterprises', () => ({ body: enterprises }))
  render(<LoginScreen />)
  fireEvent.click(screen.getByRole('button', { name: '同意隐私政策并继续' }))
  fireEvent.click(screen.getByRole('button', { name: /演示账号：张建国/ }))

  await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/workbench/index' }))
  expect(mockApi.calls[0].json).toEqual({ platform: 'h5', code: 'sandbox:13800000001', consentVersion: '2026-11-01' })
  expect(useSession.getState().token).toBe('token-1')
  expect(useEnterpriseContext.getState().currentId).toBe(enterprises[0].id)
})

test('offers every demo user of the seed: the legal representative, the agent and the handler', () => {
  usePreferences.setState({ consentVersion: '2026-11-01' })
  render(<LoginScreen />)
  const demo = screen
    .getAllByRole('button', { name: /^演示账号：/ })
    .map((b) => b.getAttribute('aria-label') ?? b.textContent)
  expect(demo).toHaveLength(3)
  expect(demo.join(' ')).toMatch(/张建国.*李晓梅.*王磊/)
})

test('an invalid phone number is explained in Chinese and nothing is sent', () => {
  usePreferences.setState({ consentVersion: '2026-11-01' })
  render(<LoginScreen />)
  fireEvent.change(screen.getByRole('textbox', { name: '手机号' }), { target: { value: '1380000' } })
  fireEvent.click(screen.getByRole('button', { name: '登录' }))
  expect(screen.getByRole('alert').textContent).toBe('请输入 11 位手机号')
  expect(mockApi.calls).toHaveLength(0)
})

test('a server refusal shows its Chinese message and leaves the user signed out', async () => {
  usePreferences.setState({ consentVersion: '2026-11-01' })
  mockApi.on('POST', '/api/v1/auth/login', () => ({
    status: 403,
    body: { code: 'SANDBOX_DISABLED', message: '沙箱登录未启用' },
  }))
  render(<LoginScreen />)
  fireEvent.change(screen.getByRole('textbox', { name: '手机号' }), { target: { value: '13800000009' } })
  fireEvent.click(screen.getByRole('button', { name: '登录' }))
  expect((await screen.findByRole('alert')).textContent).toBe('沙箱登录未启用')
  expect(useSession.getState().token).toBeNull()
  expect(Taro.switchTab).not.toHaveBeenCalled()
})

describe('coming back to the page that asked for sign-in', () => {
  const signPage = '/packages/seals/pages/sign/index?t=AbCdEfGhIjKlMnOpQrSt'

  beforeEach(() => {
    usePreferences.setState({ consentVersion: '2026-11-01' })
    mockApi.on('POST', '/api/v1/auth/login', () => ({ body: loginResponse() }))
    mockApi.on('GET', '/api/v1/enterprises', () => ({ body: enterprises }))
    jest.mocked(Taro.redirectTo).mockClear()
    jest.mocked(Taro.navigateTo).mockClear()
  })

  const signInAsZhang = async () => {
    fireEvent.click(screen.getByRole('button', { name: /演示账号：张建国/ }))
    await waitFor(() => expect(useSession.getState().token).toBe('token-1'))
  }

  test('去登录 hands the current page and its query (a sign ticket) to the login page, with a neutral prompt', () => {
    jest.mocked(Taro.getCurrentInstance).mockReturnValueOnce({
      router: {
        path: '/packages/seals/pages/sign/index?stamp=17',
        params: { t: 'AbCdEfGhIjKlMnOpQrSt', stamp: '17', $taroTimestamp: '99' },
      },
    } as any)
    render(
      <SignInRequired>
        <View>secret</View>
      </SignInRequired>,
    )
    expect(screen.getByText('登录后即可使用本功能')).toBeTruthy()
    expect(screen.queryByText('secret')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '去登录' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/login/index?redirect=${encodeURIComponent(signPage)}` })
  })

  test('after signing in, the sign page opens again with its ticket instead of 工作台', async () => {
    render(<LoginScreen redirect={signPage} />)
    await signInAsZhang()
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: signPage }))
    expect(Taro.switchTab).not.toHaveBeenCalled()
  })

  test('when the sign page lies below the login page, signing in goes back to it (no second copy)', async () => {
    jest.mocked(Taro.getCurrentPages).mockReturnValueOnce([{}, {}])
    jest.mocked(Taro.navigateBack).mockClear()
    render(<LoginScreen redirect={signPage} />)
    await signInAsZhang()
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 1 }))
    expect(Taro.redirectTo).not.toHaveBeenCalled()
    expect(Taro.switchTab).not.toHaveBeenCalled()
  })

  test('a redirect still URL-encoded by the platform is followed too', async () => {
    render(<LoginScreen redirect={encodeURIComponent(signPage)} />)
    await signInAsZhang()
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: signPage }))
  })

  test('a tab page is reopened with switchTab', async () => {
    render(<LoginScreen redirect='/pages/inbox/index' />)
    await signInAsZhang()
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/inbox/index' }))
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  test.each(['https://evil.example/pages/inbox/index', '/pages/unknown/index', '//evil.example', '/pages/login/index'])(
    'an address outside the app (%s) is ignored: 工作台 opens',
    async (redirect) => {
      render(<LoginScreen redirect={redirect} />)
      await signInAsZhang()
      await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/workbench/index' }))
      expect(Taro.redirectTo).not.toHaveBeenCalled()
    },
  )
})
