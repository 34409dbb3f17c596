import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createFakeApi } from '../setup/fake-api'
import { enterprises, legalRep, loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { MeScreen } from '../../src/features/account/MeScreen'
import { EnterpriseSwitcher } from '../../src/features/enterprise/EnterpriseSwitcher'
import { PageShell } from '../../src/core/PageShell'
import { ElderModeSwitch } from '../../src/core/ElderModeSwitch'
import { usePreferences } from '../../src/core/preferences'
import { useSession } from '../../src/core/session'
import { useEnterpriseContext } from '../../src/core/enterpriseContext'

beforeEach(() => {
  mockApi.calls.length = 0
  usePreferences.setState({ consentVersion: '2026-11-01', elderMode: false })
  useSession.getState().signedIn(loginResponse())
  useEnterpriseContext.setState({ enterprises, currentId: enterprises[0].id, status: 'ready', error: null })
})

test('我的 shows the phone and ID number masked, never in full', () => {
  render(<MeScreen />)
  expect(screen.getByText('手机号：138****0001')).toBeTruthy()
  expect(screen.getByText('身份证号：4110**********0036')).toBeTruthy()
})

test('长辈版 switches the whole page to large text and persists the choice', () => {
  const { container } = render(
    <PageShell>
      <ElderModeSwitch />
    </PageShell>,
  )
  const page = container.firstElementChild as HTMLElement
  expect(page.className).toBe('page')
  fireEvent.click(screen.getByRole('switch', { name: '长辈版' }))
  expect(page.className).toBe('page page--elder')
  expect(usePreferences.getState().elderMode).toBe(true)
})

test('an agent switches enterprise in one tap and the server is told', async () => {
  mockApi.on('PUT', '/api/v1/me/current-enterprise', ({ json }) => ({
    body: { ...legalRep, currentEnterpriseId: json.enterpriseId },
  }))
  render(<EnterpriseSwitcher onFaceLink={jest.fn()} onInvite={jest.fn()} />)
  expect(screen.getByRole('button', { name: `当前企业：${enterprises[0].name}` })).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: `切换到${enterprises[1].name}` }))
  await screen.findByRole('button', { name: `当前企业：${enterprises[1].name}` })
  expect(mockApi.calls.map((c) => [c.method, c.url, c.json])).toEqual([
    ['PUT', '/api/v1/me/current-enterprise', { enterpriseId: enterprises[1].id }],
  ])
  expect(useSession.getState().user?.currentEnterpriseId).toBe(enterprises[1].id)
})

test('a refused switch keeps the previous enterprise and says why', async () => {
  mockApi.on('PUT', '/api/v1/me/current-enterprise', () => ({
    status: 403,
    body: { code: 'ENTERPRISE_FORBIDDEN', message: '您无权查看或操作该企业' },
  }))
  render(<EnterpriseSwitcher onFaceLink={jest.fn()} onInvite={jest.fn()} />)
  fireEvent.click(screen.getByRole('button', { name: `切换到${enterprises[1].name}` }))
  expect((await screen.findByRole('alert')).textContent).toBe('您无权查看或操作该企业')
  expect(useEnterpriseContext.getState().currentId).toBe(enterprises[0].id)
})

test('with no enterprise yet, the switcher offers the ways in: by face, or an invite code', () => {
  useEnterpriseContext.setState({ enterprises: [], currentId: null, status: 'ready' })
  const onFaceLink = jest.fn()
  const onInvite = jest.fn()
  render(<EnterpriseSwitcher onFaceLink={onFaceLink} onInvite={onInvite} />)
  expect(screen.getByText('还没有关联的企业')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '刷脸关联企业（法定代表人）' }))
  expect(onFaceLink).toHaveBeenCalledTimes(1)
  fireEvent.click(screen.getByRole('button', { name: '输入邀请码（经办人）' }))
  expect(onInvite).toHaveBeenCalledTimes(1)
})

test('revoking consent tells the server, signs out and forgets local data', async () => {
  mockApi.on('PUT', '/api/v1/me/consent', ({ json }) => ({
    body: { ...legalRep, consent: { accepted: json.accepted, version: json.version, at: null } },
  }))
  render(<MeScreen />)
  fireEvent.click(screen.getByRole('button', { name: '撤回隐私授权' }))
  await waitFor(() => expect(useSession.getState().token).toBeNull())
  expect(Taro.showModal).toHaveBeenCalled()
  expect(mockApi.calls[0].json).toEqual({ accepted: false, version: '2026-11-01' })
  expect(usePreferences.getState().consentVersion).toBeNull()
  expect(useEnterpriseContext.getState().enterprises).toEqual([])
})

test('revoking is abandoned when the user cancels the confirmation', async () => {
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as never)
  render(<MeScreen />)
  fireEvent.click(screen.getByRole('button', { name: '撤回隐私授权' }))
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
  expect(mockApi.calls).toHaveLength(0)
  expect(useSession.getState().token).toBe('token-1')
})
