import { act, fireEvent, render, screen } from '@testing-library/react'
import type { SealGrantView, SealView } from '../../src/contract/esign/schemas'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'
import { fakeFaceStep } from './fakeFace'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

jest.mock('../../src/platform/clipboard', () => ({ copyText: jest.fn(async () => undefined) }))

import { SealsScreen } from '../../src/features/seals/SealsScreen'
import { copyText } from '../../src/platform/clipboard'
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

const FakeFace = fakeFaceStep('claim-ticket')

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

test('the legal representative sets a PIN twice, verifies by face, and claims the seals', async () => {
  let claimed = false
  mockApi.on('GET', `${base}/seals`, () => ({
    body: { seals: claimed ? [seal] : [], claimed, canManage: true },
  }))
  mockApi.on('POST', `${base}/seals/claim`, () => {
    claimed = true
    return { status: 201, body: { seals: [seal] } }
  })
  renderScreen()
  expect(await screen.findByText('领取电子印章')).toBeTruthy()
  fireEvent.change(screen.getByLabelText('签署密码'), { target: { value: '258036' } })
  fireEvent.change(screen.getByLabelText('再次输入签署密码'), { target: { value: '258037' } })
  fireEvent.click(screen.getByRole('button', { name: '下一步：刷脸领取' }))
  expect(screen.getByRole('alert').textContent).toBe('两次输入的签署密码不一致')
  fireEvent.change(screen.getByLabelText('再次输入签署密码'), { target: { value: '258036' } })
  fireEvent.click(screen.getByRole('button', { name: '下一步：刷脸领取' }))
  await act(async () => fireEvent.click(screen.getByText('刷脸:claim-seal')))
  expect(mockApi.calls.find((c) => c.method === 'POST')?.json).toEqual({ ticket: 'claim-ticket', pin: '258036' })
  expect(await screen.findByRole('img', { name: seal.name })).toBeTruthy()
  expect(await screen.findByText('有效至 2027-06-30')).toBeTruthy()
  // validTo 2029-11-21T16:00Z is already 22 November in China
  expect(screen.getByText(/有效期至 2029-11-22/)).toBeTruthy()
})

test('a handler without grants is told whom to ask, and may enter an invite code', async () => {
  mockApi.on('GET', `${base}/seals`, () => ({ body: { seals: [], claimed: true, canManage: false } }))
  renderScreen()
  expect(await screen.findByText('暂无可用的印章')).toBeTruthy()
  expect(screen.queryByText('印章授权')).toBeNull()
  expect(screen.queryByRole('button', { name: '用章记录' })).toBeNull()
  expect(screen.queryByRole('button', { name: '用章报告' })).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '我是经办人：输入邀请码' }))
  expect(links.onAcceptInvite).toHaveBeenCalled()
})

test('the legal representative reaches the audit and the personal signature from the seals', async () => {
  mockApi.on('GET', `${base}/seals`, () => ({ body: { seals: [seal], claimed: true, canManage: true } }))
  renderScreen()
  fireEvent.click(await screen.findByRole('button', { name: '用章记录' }))
  expect(links.onAudit).toHaveBeenCalled()
  fireEvent.click(screen.getByRole('button', { name: '用章报告' }))
  expect(links.onReports).toHaveBeenCalled()
  fireEvent.click(screen.getByRole('button', { name: '个人电子签名' }))
  expect(links.onSignature).toHaveBeenCalled()
  expect(screen.queryByRole('button', { name: '我是经办人：输入邀请码' })).toBeNull()
})

test('the legal representative revokes a grant', async () => {
  mockApi.on('GET', `${base}/seals`, () => ({ body: { seals: [seal], claimed: true, canManage: true } }))
  mockApi.on('DELETE', `${base}/seal-grants/${grant.id}`, () => ({ body: { ...grant, status: 'revoked' } }))
  renderScreen()
  const revoke = await screen.findByRole('button', { name: '撤销李* 139****0002的授权' })
  await act(async () => fireEvent.click(revoke))
  expect(mockApi.calls.some((c) => c.method === 'DELETE')).toBe(true)
})

test('a grant by phone sends the chosen seal, the last day and the PIN', async () => {
  mockApi.on('GET', `${base}/seals`, () => ({ body: { seals: [seal], claimed: true, canManage: true } }))
  mockApi.on('POST', `${base}/seal-grants`, () => ({ status: 201, body: grant }))
  renderScreen()
  fireEvent.click(await screen.findByRole('button', { name: '新增授权' }))
  fireEvent.click(screen.getByRole('button', { name: '确认授权' }))
  expect(screen.getByRole('alert').textContent).toBe('请填写经办人的 11 位手机号')
  fireEvent.change(screen.getByRole('textbox', { name: '经办人手机号' }), { target: { value: '13900000002' } })
  // Each seal is named by its type, with the engraved name under it.
  const sealSwitch = screen.getByRole('switch', { name: '合同专用章' })
  expect(sealSwitch.textContent).toContain(seal.name)
  fireEvent.click(sealSwitch)
  fireEvent.change(screen.getByRole('textbox', { name: '授权截止日期' }), { target: { value: '2026-12-31' } })
  fireEvent.change(screen.getByLabelText('签署密码'), { target: { value: '258036' } })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认授权' })))
  expect(mockApi.calls.find((c) => c.method === 'POST')?.json).toEqual({
    grantee: { phone: '13900000002' },
    sealIds: [seal.id],
    validUntil: '2026-12-31',
    pin: '258036',
  })
  expect(await screen.findByRole('button', { name: '新增授权' })).toBeTruthy()
})

test('an invite grant shows its code with 复制, and the list says 待接受 once', async () => {
  const invited: SealGrantView = {
    ...grant,
    id: 'g0000000-0000-4000-8000-000000000002',
    grantee: { userId: null, nameMasked: null, phoneMasked: null },
    status: 'invited',
  }
  let grants: SealGrantView[] = []
  mockApi.on('GET', `${base}/seals`, () => ({ body: { seals: [seal], claimed: true, canManage: true } }))
  mockApi.on('GET', `${base}/seal-grants`, () => ({ body: grants }))
  mockApi.on('POST', `${base}/seal-grants`, () => {
    grants = [invited]
    return {
      status: 201,
      body: { ...invited, inviteCode: '7K3M-Q9TX-2HCD', inviteExpiresAt: '2026-11-29T04:30:00.000Z' },
    }
  })
  renderScreen()
  fireEvent.click(await screen.findByRole('button', { name: '新增授权' }))
  fireEvent.click(screen.getByRole('switch', { name: '使用邀请码授权' }))
  fireEvent.click(screen.getByRole('switch', { name: '合同专用章' }))
  fireEvent.change(screen.getByRole('textbox', { name: '授权截止日期' }), { target: { value: '2027-06-30' } })
  fireEvent.change(screen.getByLabelText('签署密码'), { target: { value: '258036' } })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认授权' })))
  const banner = await screen.findByText(/邀请码 7K3M-Q9TX-2HCD/)
  expect(banner.textContent).toContain('2026-11-29 12:30 前有效')
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '复制邀请码' })))
  expect(copyText).toHaveBeenCalledWith('7K3M-Q9TX-2HCD')
  expect(await screen.findByText('邀请码经办人 · 待接受')).toBeTruthy()
  expect(screen.getByText('有效至 2027-06-30')).toBeTruthy()
})

test('a failed load offers a retry', async () => {
  mockApi.on('GET', `${base}/seals`, () => ({ status: 503, body: { code: 'INTERNAL', message: '服务暂不可用' } }))
  renderScreen()
  expect((await screen.findByRole('alert')).textContent).toContain('服务暂不可用')
  expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
})

test('a permission refusal is explained, with no retry', async () => {
  mockApi.on('GET', `${base}/seals`, () => ({ status: 403, body: { code: 'FORBIDDEN', message: '无权访问该企业' } }))
  renderScreen()
  expect(await screen.findByText('无权访问该企业')).toBeTruthy()
  expect(screen.queryByRole('alert')).toBeNull()
  expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
})
