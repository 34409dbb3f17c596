import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import WorkbenchPage from '../../src/pages/workbench/index'
import MePage from '../../src/pages/me/index'
import LicencesPage from '../../src/pages/licences/index'
import ComplaintListPage from '../../src/packages/complaints/pages/list/index'
import NotFoundPage from '../../src/packages/account/pages/not-found/index'
import { useComplaints } from '../../src/features/complaints/complaintsStore'
import { useEnterpriseContext } from '../../src/core/enterpriseContext'
import { usePreferences } from '../../src/core/preferences'
import { useSession } from '../../src/core/session'

// 王磊 (经办人) before anything is linked: signed in, no enterprise.
const handler = { ...loginResponse().user, id: 'u3', name: '王磊', phoneMasked: '138****0003' }

// Each tap in these tests is a person's separate tap, seconds after the last one: the clock moves
// 5 s per reading, past the navigation guard's windows (src/platform/navigation.ts refuses a
// second page open within one tap).
let clockMs = Date.UTC(2026, 11, 4, 2, 0, 0)
let clock: jest.SpyInstance<number, []>
beforeEach(() => {
  clock = jest.spyOn(Date, 'now').mockImplementation(() => (clockMs += 5000))
})
afterEach(() => clock.mockRestore())

beforeEach(() => {
  mockApi.calls.length = 0
  usePreferences.setState({ consentVersion: '2026-11-01' })
  jest.mocked(Taro.navigateTo).mockClear()
  jest.mocked(Taro.switchTab).mockClear()
})

const links = () => screen.getAllByRole('link').map((link) => link.getAttribute('aria-label'))

describe('signed out is not a wall', () => {
  test('工作台 offers what works without login, with signing in as one choice among them', () => {
    render(<WorkbenchPage />)
    expect(screen.getByText('欢迎使用政企通')).toBeTruthy()
    expect(links()).toEqual(['惠企政策', '政策计算器', '匿名诉求', '查询码查进度', '验章'])
    fireEvent.click(screen.getByRole('link', { name: '查询码查进度' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/complaints/pages/query/index' })
    fireEvent.click(screen.getByRole('link', { name: '匿名诉求' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/complaints/pages/new/index' })
    fireEvent.click(screen.getByRole('button', { name: '去登录' }))
    expect(jest.mocked(Taro.navigateTo).mock.calls.at(-1)?.[0].url).toMatch(/^\/pages\/login\/index/)
    expect(mockApi.calls).toHaveLength(0)
  })

  test('我的 offers 去登录, the same open services and 长辈版, but nothing that needs an account', () => {
    render(<MePage />)
    expect(screen.getByRole('button', { name: '去登录' })).toBeTruthy()
    expect(links()).toEqual(['惠企政策', '政策计算器', '匿名诉求', '查询码查进度', '验章', '隐私政策'])
    expect(screen.getByRole('switch', { name: '长辈版' })).toBeTruthy()
    expect(screen.queryByRole('link', { name: '证照提醒设置' })).toBeNull()
    expect(mockApi.calls).toHaveLength(0)
  })

  test('我的诉求 asks to sign in, offers the query code, and fetches nothing (no 401)', async () => {
    render(<ComplaintListPage />)
    await useComplaints.getState().refresh()
    expect(mockApi.calls).toHaveLength(0)
    expect(screen.getByText('登录后查看您提交的诉求和办理进展')).toBeTruthy()
    expect(screen.getByRole('button', { name: '去登录' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '用查询码查匿名诉求' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/complaints/pages/query/index' })
  })

  test('an address the app does not have says so, with a way home', () => {
    render(<NotFoundPage />)
    expect(screen.getByRole('alert').textContent).toContain('页面不存在')
    fireEvent.click(screen.getByRole('button', { name: '返回首页' }))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/workbench/index' })
  })
})

describe('no enterprise yet: the ways in, where the person stands', () => {
  beforeEach(() => {
    useSession.getState().signedIn(loginResponse(handler))
    useEnterpriseContext.setState({ enterprises: [], currentId: null, status: 'ready', error: null })
  })

  test('证照 offers 刷脸关联 (legal representative) and 输入邀请码 (handler) instead of sending them to 我的', () => {
    render(<LicencesPage />)
    expect(screen.queryByText(/请先在「我的」中选择企业/)).toBeNull()
    const card = screen.getByLabelText('关联企业')
    fireEvent.click(within(card).getByRole('button', { name: '刷脸关联企业（法定代表人）' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/seals/pages/face/index' })
    fireEvent.click(within(card).getByRole('button', { name: '输入邀请码（经办人）' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/seals/pages/invite/index' })
  })

  test('我的 and 工作台 offer the same two ways in', () => {
    const me = render(<MePage />)
    fireEvent.click(screen.getByRole('button', { name: '输入邀请码（经办人）' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/seals/pages/invite/index' })
    me.unmount()
    render(<WorkbenchPage />)
    fireEvent.click(screen.getByRole('button', { name: '刷脸关联企业（法定代表人）' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/seals/pages/face/index' })
  })
})
