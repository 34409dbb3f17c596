import { act, fireEvent, render, screen } from '@testing-library/react'
import type { SealGrantView, SealRevokeResult, SealView } from '../../src/contract/esign/schemas'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'
import { fakeFaceStep } from './fakeFace'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { SealsScreen } from '../../src/features/seals/SealsScreen'
import { useSession } from '../../src/core/session'

const ENTERPRISE = 'e0000000-0000-4000-8000-000000000001'
const base = `/api/v1/enterprises/${ENTERPRISE}`
const seal: SealView = {
  id: 's0000000-0000-4000-8000-000000000001',
  enterpriseId: ENTERPRISE,
  type: 'contract',
  typeLabel: '合同专用章',
  name: '许昌瑞丰食品有限公司合同专用章',
  holderUscc: '91411000MA9G5R2K3B',
  validFrom: '2026-11-22T00:00:00.000Z',
  validTo: '2029-11-21T16:00:00.000Z',
  status: 'valid',
  imageSvg: '<svg/>',
  createdAt: '2026-11-22T00:00:00.000Z',
  publicKeyPem: 'PEM',
  signatureAlgorithm: '1.2.156.10197.1.501',
}
const grant: SealGrantView = {
  id: 'g0000000-0000-4000-8000-000000000001',
  enterpriseId: ENTERPRISE,
  grantee: { userId: 'u2', nameMasked: '李*', phoneMasked: '139****0002' },
  seals: [{ id: seal.id, type: 'contract', name: seal.name }],
  // The end instant: the start of the next day in China (2027-07-01 00:00 +08:00).
  validUntil: '2027-06-30T16:00:00.000Z',
  status: 'active',
  createdAt: '2026-11-22T00:00:00.000Z',
  acceptedAt: null,
  revokedAt: null,
}

const FakeFace = fakeFaceStep('face-ticket')

const links = { onSignature: jest.fn(), onAudit: jest.fn(), onReports: jest.fn(), onAcceptInvite: jest.fn() }

function renderScreen() {
  return render(
    <SealsScreen
      enterpriseId={ENTERPRISE}
      FaceStep={FakeFace}
      onScanToSign={() => undefined}
      onVerify={() => undefined}
      {...links}
    />,
  )
}

beforeEach(() => {
  mockApi.calls.length = 0
  useSession.getState().signedIn(loginResponse())
  mockApi.on('GET', `${base}/seal-grants`, () => ({ body: [grant] }))
})

const posted = () => mockApi.calls.filter((c) => c.method === 'POST')
const result = (replacement: SealView | null): SealRevokeResult => ({
  revoked: { ...seal, status: 'revoked' },
  replacement,
  refusedTasks: 1,
  endedGrants: 1,
})

test('a handler sees neither 注销 nor 重新制章', async () => {
  mockApi.on('GET', `${base}/seals`, () => ({ body: { seals: [seal], claimed: true, canManage: false } }))
  renderScreen()
  expect(await screen.findByRole('img', { name: seal.name })).toBeTruthy()
  expect(screen.queryByRole('button', { name: '注销合同专用章' })).toBeNull()
  expect(screen.queryByRole('button', { name: '重新制作合同专用章' })).toBeNull()
})

test('注销印章 says what happens, wants a reason and the PIN, and sends them', async () => {
  let revoked = false
  mockApi.on('GET', `${base}/seals`, () => ({
    body: { seals: revoked ? [] : [seal], claimed: true, canManage: true },
  }))
  mockApi.on('POST', `${base}/seals/${seal.id}/revoke`, () => {
    revoked = true
    return { body: result(null) }
  })
  renderScreen()
  const entry = await screen.findByRole('button', { name: '注销合同专用章' })
  expect(entry.className).toContain('btn--danger')
  fireEvent.click(entry)
  expect(screen.getByText('注销印章：合同专用章')).toBeTruthy()
  expect(screen.getByText(/立即作废，不可恢复/)).toBeTruthy()
  expect(screen.getByText('该印章的全部授权随之结束，经办人不能再使用它。')).toBeTruthy()
  expect(screen.getByText(/需要该印章的签章任务将被拒绝/)).toBeTruthy()
  expect(screen.getByText('此前已加盖该印章的文件仍然有效，验章时按签章时间判断。')).toBeTruthy()
  const confirmButton = screen.getByRole('button', { name: '确认注销印章' })
  expect(confirmButton.className).toContain('btn--destructive')
  fireEvent.click(confirmButton)
  expect(screen.getByRole('alert').textContent).toBe('请填写注销原因')
  fireEvent.change(screen.getByRole('textbox', { name: '注销原因' }), { target: { value: ' 印章密钥疑似泄露 ' } })
  fireEvent.click(confirmButton)
  expect(screen.getByRole('alert').textContent).toBe('请输入 6 位数字签署密码')
  expect(posted()).toHaveLength(0)
  fireEvent.change(screen.getByLabelText('签署密码'), { target: { value: '258036' } })
  await act(async () => fireEvent.click(confirmButton))
  expect(posted()[0].json).toEqual({ reason: '印章密钥疑似泄露', pin: '258036' })
  expect(await screen.findByText('暂无可用的印章')).toBeTruthy()
})

test('重新制章 says grants do not carry over and may be confirmed by face', async () => {
  const fresh: SealView = { ...seal, id: 's0000000-0000-4000-8000-000000000009', publicKeyPem: 'NEW' }
  let replaced = false
  mockApi.on('GET', `${base}/seals`, () => ({
    body: { seals: [replaced ? fresh : seal], claimed: true, canManage: true },
  }))
  mockApi.on('POST', `${base}/seals/${seal.id}/replace`, () => {
    replaced = true
    return { body: result(fresh) }
  })
  renderScreen()
  fireEvent.click(await screen.findByRole('button', { name: '重新制作合同专用章' }))
  expect(screen.getByText('原印章的授权不会转到新印章，如需经办人继续用章，请重新授权。')).toBeTruthy()
  expect(screen.getByText(/生成一枚新的合同专用章（新密钥、新证书）/)).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '改用刷脸确认' }))
  expect(screen.getByRole('alert').textContent).toBe('请填写重新制章原因')
  fireEvent.change(screen.getByRole('textbox', { name: '重新制章原因' }), { target: { value: '印章信息变更' } })
  fireEvent.click(screen.getByRole('button', { name: '改用刷脸确认' }))
  await act(async () => fireEvent.click(screen.getByText('刷脸:seal-revoke')))
  expect(posted()[0].json).toEqual({ reason: '印章信息变更', ticket: 'face-ticket' })
  expect(await screen.findByRole('button', { name: '注销合同专用章' })).toBeTruthy()
})

test('a refusal from the server is shown and nothing changes', async () => {
  mockApi.on('GET', `${base}/seals`, () => ({ body: { seals: [seal], claimed: true, canManage: true } }))
  mockApi.on('POST', `${base}/seals/${seal.id}/revoke`, () => ({
    status: 403,
    body: { code: 'PIN_INVALID', message: '签署密码错误' },
  }))
  renderScreen()
  fireEvent.click(await screen.findByRole('button', { name: '注销合同专用章' }))
  fireEvent.change(screen.getByRole('textbox', { name: '注销原因' }), { target: { value: '遗失' } })
  fireEvent.change(screen.getByLabelText('签署密码'), { target: { value: '111111' } })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认注销印章' })))
  expect((await screen.findByRole('alert')).textContent).toContain('签署密码错误')
  fireEvent.click(screen.getByRole('button', { name: '取消' }))
  expect(await screen.findByRole('button', { name: '注销合同专用章' })).toBeTruthy()
})
