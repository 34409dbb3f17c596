import { act, fireEvent, render, screen } from '@testing-library/react'
import type { SealAuditEntry } from '../../src/contract/esign/schemas'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import Taro from '@tarojs/taro'
import { SealAuditScreen } from '../../src/features/seals/SealAuditScreen'
import { useSession } from '../../src/core/session'
import { useEnterpriseContext } from '../../src/core/enterpriseContext'

const ENTERPRISE = 'e0000000-0000-4000-8000-000000000001'
const path = `/api/v1/enterprises/${ENTERPRISE}/seal-audit`

function entry(id: number, overrides: Partial<SealAuditEntry> = {}): SealAuditEntry {
  return {
    id: String(id),
    action: 'sign',
    actor: { userId: 'u1', nameMasked: '张*国' },
    sealId: 's1',
    grantId: null,
    taskId: 't1',
    detail: `张*国以合同专用章签署《采购合同${id}》（许昌市合同管理平台，刷脸确认）`,
    at: '2026-11-22T08:05:00.000Z',
    ...overrides,
  }
}

beforeEach(() => {
  mockApi.calls.length = 0
  useSession.getState().signedIn(loginResponse())
  ;(Taro.usePullDownRefresh as jest.Mock).mockReset()
})

test('entries show a Chinese action, China time, the masked actor and the detail; 加载更多 pages with before', async () => {
  mockApi.on('GET', path, ({ url }) =>
    url.includes('before=41')
      ? { body: { items: [entry(40, { action: 'claim', detail: '领取电子印章 4 枚' })], nextCursor: null } }
      : {
          body: {
            items: [
              entry(42),
              entry(41, {
                action: 'pin-failed',
                actor: { userId: 'u2', nameMasked: '王*' },
                detail: '签署密码错误，手机 13900000003 的用户',
              }),
            ],
            nextCursor: '41',
          },
        },
  )
  render(<SealAuditScreen enterpriseId={ENTERPRISE} />)
  expect(await screen.findByText('采购合同42', { exact: false })).toBeTruthy()
  expect(screen.getByLabelText('签章，2026-11-22 16:05，张*国')).toBeTruthy()
  expect(screen.getByText('签署密码错误')).toBeTruthy()
  expect(screen.getByText('操作人：王*')).toBeTruthy()
  // Anything unmasked in a detail is masked before it is shown.
  expect(screen.getByText('签署密码错误，手机 139****0003 的用户')).toBeTruthy()
  expect(mockApi.calls[0].url).toContain('limit=20')

  await act(async () => fireEvent.click(screen.getByRole('button', { name: '加载更多' })))
  expect(mockApi.calls[1].url).toContain('before=41')
  expect(screen.getByText('领取印章')).toBeTruthy()
  expect(screen.getByText('采购合同42', { exact: false })).toBeTruthy()
  expect(screen.getByText('已显示全部记录')).toBeTruthy()
  expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull()
})

test('no entries yet: an empty state that says what will appear', async () => {
  mockApi.on('GET', path, () => ({ body: { items: [], nextCursor: null } }))
  render(<SealAuditScreen enterpriseId={ENTERPRISE} />)
  expect(await screen.findByText('暂无用章记录')).toBeTruthy()
})

test('an agent is told who can see 用章记录 and whom to ask, with no 重试 (a refusal does not change on asking again)', async () => {
  useEnterpriseContext.setState({
    enterprises: [{ id: ENTERPRISE, name: '许昌瑞丰食品有限公司', uscc: '91411002MA3X7R2K06', role: 'agent' }],
    currentId: ENTERPRISE,
    status: 'ready',
  })
  mockApi.on('GET', path, () => ({
    status: 403,
    body: { code: 'ENTERPRISE_FORBIDDEN', message: '仅企业法定代表人可以查看用章记录' },
  }))
  render(<SealAuditScreen enterpriseId={ENTERPRISE} />)
  const explanation = await screen.findByText(
    '用章记录仅企业法定代表人可查看，您在该企业的身份是代办。如需了解本企业的用章情况，请联系企业法定代表人。',
  )
  expect(explanation.closest('[role="status"]')).toBeTruthy()
  expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
  expect(screen.queryByRole('alert')).toBeNull()
})

test('a failure that is not a refusal still offers 重试', async () => {
  mockApi.on('GET', path, () => ({ status: 503, body: { code: 'INTERNAL', message: '服务暂不可用' } }))
  render(<SealAuditScreen enterpriseId={ENTERPRISE} />)
  expect((await screen.findByRole('alert')).textContent).toContain('服务暂不可用')
  expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
})

test('pull-down refresh reloads the first page and ends the spinner; a failed 加载更多 keeps the list', async () => {
  let calls = 0
  mockApi.on('GET', path, ({ url }) => {
    calls += 1
    if (url.includes('before=')) return { status: 503, body: { code: 'UNAVAILABLE', message: '服务暂不可用' } }
    return { body: { items: [entry(calls === 1 ? 42 : 43)], nextCursor: '42' } }
  })
  render(<SealAuditScreen enterpriseId={ENTERPRISE} />)
  await screen.findByText('采购合同42', { exact: false })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '加载更多' })))
  expect((await screen.findByRole('alert')).textContent).toBe('服务暂不可用')
  expect(screen.getByText('采购合同42', { exact: false })).toBeTruthy()

  const onPull = (Taro.usePullDownRefresh as jest.Mock).mock.calls.at(-1)[0]
  await act(async () => onPull())
  expect(await screen.findByText('采购合同43', { exact: false })).toBeTruthy()
  expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
})

test('a failed face recorded with a raw purpose code shows the purpose in Chinese', async () => {
  mockApi.on('GET', path, () => ({
    body: {
      items: [
        entry(51, {
          action: 'face-failed',
          taskId: null,
          detail: '刷脸认证未通过（张*国，4110**********0371，用途 claim-seal）',
        }),
        entry(50, {
          action: 'face-failed',
          detail: '刷脸认证未通过（张*国，4110**********0371，用途 sign:7c9e6679-7425-40de-944b-e07fc1f90ae7）',
        }),
      ],
      nextCursor: null,
    },
  }))
  render(<SealAuditScreen enterpriseId={ENTERPRISE} />)
  expect(await screen.findByText('刷脸认证未通过（张*国，4110**********0371，用途：领取印章）')).toBeTruthy()
  expect(screen.getByText('刷脸认证未通过（张*国，4110**********0371，用途：签署）')).toBeTruthy()
  expect(screen.queryByText(/claim-seal|sign:/)).toBeNull()
})
