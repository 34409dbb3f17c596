import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'
import { licence } from './licenceFixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { LicenceDetailScreen } from '../../src/features/licences/LicenceDetailScreen'
import { useLicenceTypes } from '../../src/features/licences/typesStore'
import { useSession } from '../../src/core/session'

const shown = licence({ id: 'l1', typeName: '食品生产许可证', status: 'urgent', daysToDeadline: 5 })

beforeEach(() => {
  mockApi.calls.length = 0
  useSession.getState().signedIn(loginResponse())
  useLicenceTypes.setState({ types: [], error: null })
  mockApi.on('GET', '/api/v1/licences/l1', () => ({ body: shown }))
  mockApi.on('GET', '/api/v1/licence-types', () => ({ body: [] }))
  jest.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false } as never)
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
  expect((await screen.findByRole('alert')).textContent).toBe('您无权查看或操作该企业')
  expect(onDeleted).not.toHaveBeenCalled()
})

test('a confirmed delete that succeeds leaves the page', async () => {
  mockApi.on('DELETE', '/api/v1/licences/l1', () => ({ status: 204 }))
  const onDeleted = jest.fn()
  renderDetail(onDeleted)
  fireEvent.click(await screen.findByRole('button', { name: '删除证照' }))
  await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1))
})

test('已提交续期 shows the new status from the server', async () => {
  mockApi.on('POST', '/api/v1/licences/l1/renewal-started', () => ({
    body: { ...shown, status: 'renewing', renewalStartedOn: '2026-11-22' },
  }))
  renderDetail(() => undefined)
  fireEvent.click(await screen.findByRole('button', { name: '已提交续期' }))
  await screen.findByText('续期办理中')
  expect(screen.queryByRole('button', { name: '已提交续期' })).toBeNull()
})
