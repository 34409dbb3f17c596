import { act, fireEvent, render, screen } from '@testing-library/react'
import type { EnterpriseMember } from '../../src/contract/esign/schemas'
import type { MySealGrantView, SealGrantView } from '../../src/contract/esign/schemas'
import { createFakeApi } from '../setup/fake-api'
import { enterprises, loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import Taro from '@tarojs/taro'
import { MeScreen } from '../../src/features/account/MeScreen'
import { EnterpriseMembersScreen } from '../../src/features/enterprise/EnterpriseMembersScreen'
import { PendingGrants } from '../../src/features/seals/PendingGrants'
import { PageShell } from '../../src/core/PageShell'
import { useEnterpriseContext } from '../../src/core/enterpriseContext'
import { usePreferences } from '../../src/core/preferences'
import { useSession } from '../../src/core/session'

const ENTERPRISE = enterprises[0].id
const base = `/api/v1/enterprises/${ENTERPRISE}/members`
const HANDLER_ID = 'u0000000-0000-4000-8000-000000000003'

const grant: SealGrantView = {
  id: 'g0000000-0000-4000-8000-000000000001',
  enterpriseId: ENTERPRISE,
  grantee: { userId: HANDLER_ID, nameMasked: '王*', phoneMasked: '138****0003' },
  seals: [{ id: 's1', type: 'contract', name: '许昌瑞丰食品有限公司合同专用章' }],
  validUntil: '2027-06-30T16:00:00.000Z',
  status: 'active',
  createdAt: '2026-11-22T00:00:00.000Z',
  acceptedAt: '2026-11-22T01:00:00.000Z',
  revokedAt: null,
}

const members: EnterpriseMember[] = [
  {
    userId: 'u0000000-0000-4000-8000-000000000001',
    nameMasked: '张*国',
    phoneMasked: '138****0001',
    role: 'legal_representative',
    isSelf: true,
    active: true,
    linkedAt: '2026-11-01T00:00:00.000Z',
    grants: [],
  },
  {
    userId: HANDLER_ID,
    nameMasked: '王*',
    phoneMasked: '138****0003',
    role: 'handler',
    isSelf: false,
    active: true,
    linkedAt: '2026-11-22T01:00:00.000Z',
    grants: [grant],
  },
]

beforeEach(() => {
  mockApi.calls.length = 0
  ;(Taro.showModal as jest.Mock).mockClear()
  usePreferences.setState({ consentVersion: '2026-11-01', elderMode: false })
  useSession.getState().signedIn(loginResponse())
  useEnterpriseContext.setState({ enterprises, currentId: ENTERPRISE, status: 'ready', error: null })
})

test('lists the members masked, with role and grants; one cannot remove oneself', async () => {
  mockApi.on('GET', base, () => ({ body: members }))
  render(<EnterpriseMembersScreen enterpriseId={ENTERPRISE} />)
  expect(await screen.findByText('企业成员（2）')).toBeTruthy()
  expect(screen.getByText('张*国 138****0001（我）')).toBeTruthy()
  expect(screen.getByText('身份：经办人')).toBeTruthy()
  expect(screen.getByText('印章授权：许昌瑞丰食品有限公司合同专用章（有效至 2027-06-30）')).toBeTruthy()
  expect(screen.queryByRole('button', { name: '移除张*国 138****0001' })).toBeNull()
  expect(screen.getByRole('button', { name: '移除王* 138****0003' })).toBeTruthy()
})

test('removing asks first: cancelling sends nothing, confirming removes and reloads', async () => {
  let listed = 0
  mockApi.on('GET', base, () => ({ body: listed++ === 0 ? members : members.slice(0, 1) }))
  mockApi.on('DELETE', `${base}/${HANDLER_ID}`, () => ({ status: 204 }))
  render(<EnterpriseMembersScreen enterpriseId={ENTERPRISE} />)
  const remove = await screen.findByRole('button', { name: '移除王* 138****0003' })

  ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
  await act(async () => fireEvent.click(remove))
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '移除成员', content: expect.stringContaining('其全部印章授权一并撤销') }),
  )
  expect(mockApi.calls.some((c) => c.method === 'DELETE')).toBe(false)

  await act(async () => fireEvent.click(screen.getByRole('button', { name: '移除王* 138****0003' })))
  expect(mockApi.calls.filter((c) => c.method === 'DELETE')).toHaveLength(1)
  expect(await screen.findByText('除您以外暂无其他成员')).toBeTruthy()
  expect(screen.queryByRole('button', { name: '移除王* 138****0003' })).toBeNull()
})

test('a refused removal shows the server’s Chinese reason and keeps the list', async () => {
  mockApi.on('GET', base, () => ({ body: members }))
  mockApi.on('DELETE', `${base}/${HANDLER_ID}`, () => ({
    status: 409,
    body: { code: 'MEMBER_LAST_LEGAL_REPRESENTATIVE', message: '不能移除企业唯一的法定代表人' },
  }))
  render(<EnterpriseMembersScreen enterpriseId={ENTERPRISE} />)
  const remove = await screen.findByRole('button', { name: '移除王* 138****0003' })
  await act(async () => fireEvent.click(remove))
  expect((await screen.findByRole('alert')).textContent).toBe('不能移除企业唯一的法定代表人')
  expect(screen.getByText('身份：经办人')).toBeTruthy()
})

test('loading, then an error with a retry', async () => {
  let calls = 0
  mockApi.on('GET', base, () =>
    calls++ === 0 ? { status: 404, body: { code: 'NOT_FOUND', message: '请求的内容不存在' } } : { body: members },
  )
  render(<EnterpriseMembersScreen enterpriseId={ENTERPRISE} />)
  expect(screen.getByText('正在加载…')).toBeTruthy()
  expect((await screen.findByRole('alert')).textContent).toContain('请求的内容不存在')
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '重试' })))
  expect(await screen.findByText('企业成员（2）')).toBeTruthy()
})

test('someone who may not manage members is told so, with no retry', async () => {
  mockApi.on('GET', base, () => ({
    status: 403,
    body: { code: 'ENTERPRISE_FORBIDDEN', message: '仅企业法定代表人可以管理企业成员' },
  }))
  render(<EnterpriseMembersScreen enterpriseId={ENTERPRISE} />)
  expect(await screen.findByText('仅企业法定代表人可以管理企业成员')).toBeTruthy()
  expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
})

test('in 长辈版 the screen sits in the large-text page and keeps its buttons', async () => {
  usePreferences.setState({ elderMode: true })
  mockApi.on('GET', base, () => ({ body: members }))
  const { container } = render(
    <PageShell>
      <EnterpriseMembersScreen enterpriseId={ENTERPRISE} />
    </PageShell>,
  )
  expect(await screen.findByRole('button', { name: '移除王* 138****0003' })).toBeTruthy()
  expect((container.firstChild as HTMLElement).className).toBe('page page--elder')
})

test('我的 offers 企业成员 to the legal representative only, and 接受印章授权 to everyone', () => {
  const { unmount } = render(<MeScreen />)
  expect(screen.getByRole('link', { name: '企业成员' })).toBeTruthy()
  expect(screen.getByRole('link', { name: '接受印章授权' })).toBeTruthy()
  unmount()
  useEnterpriseContext.setState({ currentId: enterprises[1].id }) // an agent there
  render(<MeScreen />)
  expect(screen.queryByRole('link', { name: '企业成员' })).toBeNull()
  expect(screen.getByRole('link', { name: '接受印章授权' })).toBeTruthy()
})

test('a grant made to my phone waits for my yes; accepting links me and makes the enterprise current', async () => {
  const waiting: MySealGrantView = {
    ...grant,
    status: 'invited',
    acceptedAt: null,
    enterpriseName: '许昌瑞丰食品有限公司',
  }
  let accepted = false
  mockApi.on('GET', '/api/v1/me/seal-grants', () => ({
    body: [accepted ? { ...waiting, status: 'active' } : waiting],
  }))
  mockApi.on('POST', `/api/v1/seal-grants/${grant.id}/accept`, () => {
    accepted = true
    return { body: grant }
  })
  mockApi.on('GET', '/api/v1/enterprises', () => ({ body: [{ ...enterprises[0], role: 'handler' }] }))
  mockApi.on('PUT', '/api/v1/me/current-enterprise', () => ({ body: loginResponse().user }))
  useEnterpriseContext.setState({ enterprises: [], currentId: null })

  render(<PendingGrants />)
  expect(await screen.findByText('待您确认的授权（1）')).toBeTruthy()
  expect(screen.getByText('许昌瑞丰食品有限公司合同专用章')).toBeTruthy()
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '接受许昌瑞丰食品有限公司的授权' })))
  expect(useEnterpriseContext.getState().currentId).toBe(ENTERPRISE)
  expect(screen.queryByText('待您确认的授权（1）')).toBeNull()
})
