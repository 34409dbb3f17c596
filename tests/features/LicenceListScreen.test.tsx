import { act, fireEvent, render, screen } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'
import { licence, listOf } from './licenceFixtures'

const mockApi = createFakeApi()
let mockOffline = false
jest.mock('../../src/platform/request', () => ({
  taroTransport: (r: any) => {
    if (mockOffline) {
      const failure = Object.assign(new Error('request:fail'), { name: 'RequestFailedError', kind: 'network' })
      return Promise.reject(failure)
    }
    return mockApi.transport(r)
  },
}))

import { LicenceListScreen } from '../../src/features/licences/LicenceListScreen'
import { useWallet } from '../../src/features/licences/walletStore'
import { useSession } from '../../src/core/session'
import { useEnterpriseContext } from '../../src/core/enterpriseContext'

const ENTERPRISE = 'e0000000-0000-4000-8000-000000000001'
const items = [
  licence({ id: 'a', typeName: '食品生产许可证', status: 'urgent', daysToDeadline: 5, number: 'SC1064110' }),
  licence({
    id: 'b',
    typeName: '排污许可证',
    status: 'renewal-due',
    daysToDeadline: 20,
    number: '91411002MA3X7R2K06001V',
  }),
  licence({ id: 'c', typeName: '公共场所卫生许可证', status: 'expired', daysToDeadline: -40, daysToExpiry: -10 }),
  licence({ id: 'd', typeName: '取水许可证', status: 'valid', daysToDeadline: 300, estimate: true }),
]

const noop = () => undefined

beforeEach(() => {
  mockOffline = false
  useSession.getState().signedIn(loginResponse())
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}/licences`, () => ({ body: listOf(items) }))
})

async function renderLoaded() {
  render(<LicenceListScreen enterpriseId={ENTERPRISE} onOpen={noop} onAdd={noop} onExport={noop} />)
  await act(() => useWallet.getState().refresh(ENTERPRISE))
}

test('lists every licence with its status and a countdown to the renewal deadline, not to expiry', async () => {
  await renderLoaded()
  expect(screen.getByRole('link', { name: '食品生产许可证，需立即办理，距续期申请截止还有 5 天' })).toBeTruthy()
  expect(screen.getByRole('link', { name: '公共场所卫生许可证，已过期，已过期 10 天，需重新申请' })).toBeTruthy()
  expect(screen.getByText('距续期申请截止还有 300 天（预计）')).toBeTruthy()
})

test('filters by status with counts, and searches by name or number', async () => {
  await renderLoaded()
  fireEvent.click(screen.getByRole('button', { name: '筛选：已过期 1' }))
  expect(screen.getAllByRole('link').map((l) => l.getAttribute('aria-label'))).toEqual([
    '公共场所卫生许可证，已过期，已过期 10 天，需重新申请',
  ])
  fireEvent.click(screen.getByRole('button', { name: '筛选：全部 4' }))
  fireEvent.change(screen.getByRole('textbox', { name: '搜索证照名称或编号' }), { target: { value: 'MA3X7R2K' } })
  expect(screen.getAllByRole('link')).toHaveLength(1)
  expect(screen.getByText('排污许可证')).toBeTruthy()
  fireEvent.change(screen.getByRole('textbox', { name: '搜索证照名称或编号' }), { target: { value: '营业执照' } })
  expect(screen.getByText('没有符合条件的证照')).toBeTruthy()
})

test('without a network the last list still shows, under a 离线 banner', async () => {
  await renderLoaded()
  mockOffline = true
  await act(() => useWallet.getState().refresh(ENTERPRISE))
  expect(screen.getByRole('status').textContent).toMatch(/^离线/)
  expect(screen.getAllByRole('link')).toHaveLength(4)
})

test('a first load that fails offers a retry in Chinese', async () => {
  mockOffline = true
  render(<LicenceListScreen enterpriseId={ENTERPRISE} onOpen={noop} onAdd={noop} onExport={noop} />)
  await act(() => useWallet.getState().refresh(ENTERPRISE))
  expect(screen.getByRole('alert').textContent).toContain('网络')
  expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
})

test('an enterprise with no licences is told how to start', async () => {
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}/licences`, () => ({ body: listOf([]) }))
  await renderLoaded()
  expect(screen.getByText('还没有证照')).toBeTruthy()
  expect(screen.getByRole('button', { name: '添加证照' })).toBeTruthy()
})

describe('whose licences these are', () => {
  const OTHER = 'e0000000-0000-4000-8000-000000000002'

  test('an agent holding several enterprises sees the current one named, with 切换', async () => {
    useEnterpriseContext.setState({
      enterprises: [
        { id: ENTERPRISE, name: '许昌瑞丰食品有限公司', uscc: '91411002MA3X7R2K06', role: 'agent' },
        { id: OTHER, name: '许昌建丰钢结构工程有限公司', uscc: '91411002MA3X7R2K14', role: 'agent' },
      ],
      currentId: ENTERPRISE,
      status: 'ready',
    })
    const onSwitch = jest.fn()
    render(
      <LicenceListScreen enterpriseId={ENTERPRISE} onOpen={noop} onAdd={noop} onExport={noop} onSwitch={onSwitch} />,
    )
    await act(() => useWallet.getState().refresh(ENTERPRISE))
    expect(screen.getByText('许昌瑞丰食品有限公司')).toBeTruthy()
    expect(screen.getByText('代办 · 共 2 家企业')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '切换企业（当前：许昌瑞丰食品有限公司）' }))
    expect(onSwitch).toHaveBeenCalledTimes(1)
  })

  test('a 经办人 refused the licences is told why, with no 重试', async () => {
    useEnterpriseContext.setState({
      enterprises: [{ id: ENTERPRISE, name: '许昌瑞丰食品有限公司', uscc: '91411002MA3X7R2K06', role: 'handler' }],
      currentId: ENTERPRISE,
      status: 'ready',
    })
    mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}/licences`, () => ({
      status: 403,
      body: { code: 'ENTERPRISE_FORBIDDEN', message: '您在该企业的身份是经办人，无权查看企业证照' },
    }))
    render(<LicenceListScreen enterpriseId={ENTERPRISE} onOpen={noop} onAdd={noop} onExport={noop} onSwitch={noop} />)
    await act(() => useWallet.getState().refresh(ENTERPRISE))
    expect(screen.getByText('您在该企业的身份是经办人，无权查看企业证照')).toBeTruthy()
    expect(screen.getByText('许昌瑞丰食品有限公司')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
    // One enterprise: nothing to switch to.
    expect(screen.queryByRole('button', { name: /^切换企业/ })).toBeNull()
  })
})
