import { act, fireEvent, render, screen } from '@testing-library/react'
import type { SealGrantView } from '../../src/contract/esign/schemas'
import { createFakeApi } from '../setup/fake-api'
import { enterprises, loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { InviteAcceptScreen } from '../../src/features/seals/InviteAcceptScreen'
import { readInviteCode } from '../../src/domain/signing/inviteCode'
import { useEnterpriseContext } from '../../src/core/enterpriseContext'
import { useSession } from '../../src/core/session'

const handlerEnterprise = { ...enterprises[0], role: 'handler' as const }
const grant: SealGrantView = {
  id: 'g0000000-0000-4000-8000-000000000001',
  enterpriseId: handlerEnterprise.id,
  grantee: { userId: 'u3', nameMasked: '王*', phoneMasked: '138****0003' },
  seals: [{ id: 's1', type: 'contract', name: '许昌瑞丰食品有限公司合同专用章' }],
  // The server sends the end instant: the start of the next day in China (2027-07-01 00:00 +08:00).
  validUntil: '2027-06-30T16:00:00.000Z',
  status: 'active',
  createdAt: '2026-11-22T00:00:00.000Z',
  acceptedAt: '2026-11-22T01:00:00.000Z',
  revokedAt: null,
}

beforeEach(() => {
  mockApi.calls.length = 0
  useSession.getState().signedIn(loginResponse())
  mockApi.on('GET', '/api/v1/enterprises', () => ({ body: [handlerEnterprise] }))
  mockApi.on('PUT', '/api/v1/me/current-enterprise', () => ({ body: loginResponse().user }))
})

function enter(code: string) {
  fireEvent.change(screen.getByRole('textbox', { name: '邀请码' }), { target: { value: code } })
  fireEvent.click(screen.getByRole('button', { name: '接受授权' }))
}

test('codes are read as Crockford base32: any case, dashes optional, O/I/L as 0/1', () => {
  expect(readInviteCode(' 7k3m q9tx 2hcd ')).toEqual({ ok: true, code: '7K3M-Q9TX-2HCD' })
  expect(readInviteCode('O1LI-0000-AAAA')).toEqual({ ok: true, code: '0111-0000-AAAA' })
  expect(readInviteCode('')).toEqual({ ok: false, problem: 'empty' })
  expect(readInviteCode('7K3M-Q9TX')).toEqual({ ok: false, problem: 'length' })
  expect(readInviteCode('7K3M-Q9TX-2HCU')).toEqual({ ok: false, problem: 'characters' })
})

test('a malformed code is refused before anything is sent', () => {
  render(<InviteAcceptScreen onViewSeals={() => undefined} />)
  enter('')
  expect(screen.getByRole('alert').textContent).toBe('请输入邀请码')
  enter('7K3M-Q9')
  expect(screen.getByRole('alert').textContent).toBe('邀请码应为 12 位字母或数字，如 7K3M-Q9TX-2HCD')
  expect(mockApi.calls).toHaveLength(0)
})

test('a code from the link is prefilled; accepting shows the enterprise and the granted seals', async () => {
  mockApi.on('POST', '/api/v1/seal-grants/accept', () => ({ body: grant }))
  const view = jest.fn()
  render(<InviteAcceptScreen initialCode='7k3m-q9tx-2hcd' onViewSeals={view} />)
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '接受授权' })))
  expect(mockApi.calls[0].json).toEqual({ inviteCode: '7K3M-Q9TX-2HCD' })
  expect(await screen.findByText('已接受印章授权')).toBeTruthy()
  expect(screen.getByText('企业：许昌瑞丰食品有限公司')).toBeTruthy()
  expect(screen.getByText('许昌瑞丰食品有限公司合同专用章')).toBeTruthy()
  expect(screen.getByText('授权有效至 2027-06-30，法定代表人可随时撤销。')).toBeTruthy()
  expect(useEnterpriseContext.getState().currentId).toBe(handlerEnterprise.id)
  fireEvent.click(screen.getByRole('button', { name: '查看可用印章' }))
  expect(view).toHaveBeenCalled()
})

test('an unknown, used or expired code says so and what to do', async () => {
  mockApi.on('POST', '/api/v1/seal-grants/accept', () => ({
    status: 404,
    body: { code: 'INVITE_CODE_INVALID', message: '邀请码无效、已使用或已过期' },
  }))
  render(<InviteAcceptScreen onViewSeals={() => undefined} />)
  await act(async () => enter('7K3M-Q9TX-2HCD'))
  expect((await screen.findByRole('alert')).textContent).toBe(
    '邀请码无效、已被使用或已过期（邀请码 7 天内有效，只能使用一次），请向企业法定代表人索取新的邀请码',
  )
  expect(screen.getByRole('button', { name: '接受授权' })).toBeTruthy()
})

test("one's own invite cannot be accepted", async () => {
  mockApi.on('POST', '/api/v1/seal-grants/accept', () => ({
    status: 400,
    body: {
      code: 'VALIDATION_FAILED',
      message: '请求参数有误：不能接受自己发出的授权',
      details: [{ field: 'inviteCode', message: '不能接受自己发出的授权' }],
    },
  }))
  render(<InviteAcceptScreen onViewSeals={() => undefined} />)
  await act(async () => enter('7K3M-Q9TX-2HCD'))
  expect((await screen.findByRole('alert')).textContent).toBe('不能接受自己发出的授权')
})
