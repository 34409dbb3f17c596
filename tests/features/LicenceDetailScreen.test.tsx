import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'
import { licence } from './licenceFixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { LicenceDetailScreen } from '../../src/features/licences/LicenceDetailScreen'
import { useSession } from '../../src/core/session'

const shown = licence({ id: 'l1', typeName: '食品生产许可证', status: 'urgent', daysToDeadline: 5 })

beforeEach(() => {
  mockApi.calls.length = 0
  useSession.getState().signedIn(loginResponse())
  mockApi.on('GET', '/api/v1/licences/l1', () => ({ body: shown }))
  mockApi.on('GET', '/api/v1/licence-types', () => ({ body: [] }))
})

function renderDetail(onDeleted: () => void) {
  render(
    <LicenceDetailScreen licenceId='l1' onEdit={() => undefined} onDeleted={onDeleted} onChanged={() => undefined} />,
  )
}

test('a delete the server refuses keeps the user on the licence and says why', async () => {
  mockApi.on('DELETE', '/api/v1/licences/l1', () => ({
    status: 403,
    body: { code: 'ENTERPRISE_FORBIDDEN', message: '您无权查看或操作该企业' },
  }))
  const onDeleted = jest.fn()
  renderDetail(onDeleted)
  fireEvent.click(await screen.findByRole('button', { name: '删除证照' }))
  fireEvent.click(within(screen.getByRole('dialog', { name: '删除证照' })).getByRole('button', { name: '删除' }))
  expect((await screen.findByRole('alert')).textContent).toBe('您无权查看或操作该企业')
  expect(onDeleted).not.toHaveBeenCalled()
})

test('删除 asks first, in a dialog whose delete button is red; 取消 deletes nothing', async () => {
  mockApi.on('DELETE', '/api/v1/licences/l1', () => ({ status: 204 }))
  const onDeleted = jest.fn()
  renderDetail(onDeleted)
  fireEvent.click(await screen.findByRole('button', { name: '删除证照' }))
  const dialog = screen.getByRole('dialog', { name: '删除证照' })
  expect(dialog.textContent).toContain('确定删除「食品生产许可证」（NO-l1）？删除后不再提醒，也无法恢复。')
  const destroy = within(dialog).getByRole('button', { name: '删除' })
  expect(destroy.className).toContain('btn--destructive')
  expect(destroy.className).not.toContain('btn--secondary')

  fireEvent.click(within(dialog).getByRole('button', { name: '取消' }))
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(mockApi.calls.filter((c) => c.method === 'DELETE')).toHaveLength(0)

  fireEvent.click(screen.getByRole('button', { name: '删除证照' }))
  fireEvent.click(within(screen.getByRole('dialog', { name: '删除证照' })).getByRole('button', { name: '删除' }))
  await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1))
})

test('已提交续期 asks first, says which days still remind, then shows 续期办理中 with 撤销', async () => {
  mockApi.on('POST', '/api/v1/licences/l1/renewal-started', () => ({
    body: { ...shown, status: 'renewing', renewalStartedOn: '2026-11-22' },
  }))
  mockApi.on('DELETE', '/api/v1/licences/l1/renewal-started', () => ({ body: shown }))
  renderDetail(() => undefined)
  fireEvent.click(await screen.findByRole('button', { name: '已提交续期' }))
  const dialog = screen.getByRole('dialog', { name: '确认已提交续期申请？' })
  expect(dialog.textContent).toContain('续期申请截止日（2026-12-10）和到期日（2027-01-09）仍会提醒')
  expect(mockApi.calls.filter((c) => c.method === 'POST')).toHaveLength(0)

  fireEvent.click(within(dialog).getByRole('button', { name: '确认已提交' }))
  await screen.findByText('续期办理中')
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(screen.queryByRole('button', { name: '已提交续期' })).toBeNull()
  expect(screen.getByRole('status').textContent).toContain('取得新证后请点「已换新证」')

  fireEvent.click(screen.getByRole('button', { name: '撤销已提交续期' }))
  await screen.findByRole('button', { name: '已提交续期' })
  expect(
    mockApi.calls.some((c) => c.method === 'DELETE' && c.url.endsWith('/api/v1/licences/l1/renewal-started')),
  ).toBe(true)
})

test('cancelling the 已提交续期 question changes nothing', async () => {
  renderDetail(() => undefined)
  fireEvent.click(await screen.findByRole('button', { name: '已提交续期' }))
  fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '取消' }))
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(mockApi.calls.filter((c) => c.method !== 'GET')).toHaveLength(0)
})
