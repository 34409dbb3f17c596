import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { SignTaskPreview, SignTaskView } from '../../src/contract/esign/schemas'
import { createFakeApi } from '../setup/fake-api'
import { PINNED_NOW } from '../setup/pinned-clock'
import { loginResponse } from './fixtures'
import { fakeFaceStep } from './fakeFace'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import Taro from '@tarojs/taro'
import { SignScreen } from '../../src/features/signing/SignScreen'
import { SignLinkInvalid } from '../../src/features/signing/SignLinkInvalid'
import { rejectReasonText } from '../../src/features/signing/RejectDialog'
import { useSession } from '../../src/core/session'
import { NOT_OURS_MESSAGE } from '../../src/domain/signing/signTicket'

const TICKET = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'
const TASK = 't0000000-0000-4000-8000-000000000001'

const preview: SignTaskPreview = {
  taskId: TASK,
  documentName: '食品原料采购合同.pdf',
  documentSm3: 'b'.repeat(64),
  requestedBy: '许昌市公共资源交易系统',
  enterprise: { id: 'e1', name: '许昌瑞丰食品有限公司', uscc: '91411000MA9G5R2K3B' },
  signers: [
    {
      kind: 'seal',
      sealType: 'contract',
      sealId: 's1',
      sealName: '许昌瑞丰食品有限公司合同专用章',
      imageSvg: '<svg/>',
    },
  ],
  expiresAt: new Date(PINNED_NOW + 300_000).toISOString(),
  facePurpose: `sign:${TASK}`,
  pinAvailable: true,
  document: null,
}

const signed: SignTaskView = {
  taskId: TASK,
  status: 'signed',
  statusLabel: '已签署',
  enterpriseUscc: '91411000MA9G5R2K3B',
  documentName: '食品原料采购合同.pdf',
  documentSm3: 'b'.repeat(64),
  expiresAt: preview.expiresAt,
  scannedAt: null,
  finishedAt: null,
  rejectReason: null,
  signatures: [],
}

beforeEach(() => {
  mockApi.calls.length = 0
  useSession.getState().signedIn(loginResponse())
  mockApi.on('POST', '/api/v1/sign-tasks/scan', () => ({ body: preview }))
  mockApi.on('POST', `/api/v1/sign-tasks/${TASK}/confirm`, () => ({ body: signed }))
})

function paste(value: string) {
  fireEvent.change(screen.getByRole('textbox', { name: '签章链接' }), { target: { value } })
  fireEvent.click(screen.getByRole('button', { name: '查看签署内容' }))
}

test('a QR code from another site is refused and nothing is sent', async () => {
  render(<SignScreen />)
  paste(`https://evil.example.com/s/${TICKET}`)
  expect(screen.getByRole('alert').textContent).toBe(NOT_OURS_MESSAGE)
  paste(`https://zqt.example.gov.cn@evil.example/s/${TICKET}`)
  expect(screen.getByRole('alert').textContent).toBe(NOT_OURS_MESSAGE)
  expect(mockApi.calls).toHaveLength(0)
})

test('a scanned code shows the preview; confirming sends the PIN and shows 已签署', async () => {
  render(<SignScreen onScan={async () => `https://zqt.example.gov.cn/s/${TICKET}`} />)
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '扫描签章码' })))
  expect(mockApi.calls[0].json).toEqual({ ticket: TICKET })
  expect(await screen.findByText('食品原料采购合同.pdf')).toBeTruthy()
  expect(screen.getByText('发起系统：许昌市公共资源交易系统')).toBeTruthy()
  expect(screen.getByRole('img', { name: '许昌瑞丰食品有限公司合同专用章' })).toBeTruthy()
  expect(screen.getByRole('timer').textContent).toMatch(/^签章码 \d 分 \d\d 秒 后过期$/)

  fireEvent.change(screen.getByLabelText('签署密码'), { target: { value: '12' } })
  fireEvent.click(screen.getByRole('button', { name: '确认签署' }))
  expect(screen.getByRole('alert').textContent).toBe('请输入 6 位数字签署密码')

  fireEvent.change(screen.getByLabelText('签署密码'), { target: { value: '258036' } })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认签署' })))
  expect(mockApi.calls[1].url).toContain(`/api/v1/sign-tasks/${TASK}/confirm`)
  expect(mockApi.calls[1].json).toEqual({ pin: '258036' })
  expect(await screen.findByText('已签署')).toBeTruthy()
})

test('the ticket of the link the page was opened with is read at once', async () => {
  render(<SignScreen initialInput={TICKET} />)
  expect(await screen.findByText('食品原料采购合同.pdf')).toBeTruthy()
  expect(mockApi.calls[0].json).toEqual({ ticket: TICKET })
})

test('an expired code says so in Chinese', async () => {
  mockApi.on('POST', '/api/v1/sign-tasks/scan', () => ({
    status: 410,
    body: { code: 'SIGN_TASK_EXPIRED', message: 'expired' },
  }))
  render(<SignScreen initialInput={TICKET} />)
  expect((await screen.findByRole('alert')).textContent).toBe('签章码已过期，请让业务系统重新生成二维码')
  fireEvent.click(screen.getByRole('button', { name: '返回工作台' }))
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/workbench/index' })
})

test('a link that is not a ticket (the landing page marks it) says so in Chinese, with a way on', async () => {
  const onScan = jest.fn()
  render(<SignLinkInvalid onScan={onScan} />)
  expect(screen.getByRole('alert').textContent).toBe(NOT_OURS_MESSAGE)
  fireEvent.click(screen.getByRole('button', { name: '扫一扫' }))
  expect(onScan).toHaveBeenCalled()
  fireEvent.click(screen.getByRole('button', { name: '返回工作台' }))
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/workbench/index' })
  expect(mockApi.calls).toHaveLength(0)
})

test('a wrong PIN keeps the preview and says the PIN was wrong', async () => {
  mockApi.on('POST', `/api/v1/sign-tasks/${TASK}/confirm`, () => ({
    status: 403,
    body: { code: 'PIN_INVALID', message: '签署密码错误' },
  }))
  render(<SignScreen initialInput={TICKET} />)
  await screen.findByText('食品原料采购合同.pdf')
  fireEvent.change(screen.getByLabelText('签署密码'), { target: { value: '258036' } })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认签署' })))
  expect((await screen.findByRole('alert')).textContent).toBe('签署密码错误')
  expect(screen.getByRole('button', { name: '确认签署' })).toBeTruthy()
})

test('a busy PIN check keeps the PIN and asks to try again in a moment', async () => {
  mockApi.on('POST', `/api/v1/sign-tasks/${TASK}/confirm`, () => ({
    status: 409,
    body: { code: 'PIN_BUSY', message: 'busy' },
  }))
  render(<SignScreen initialInput={TICKET} FaceStep={FakeFace} />)
  await screen.findByText('食品原料采购合同.pdf')
  fireEvent.click(screen.getByRole('button', { name: '改用签署密码确认' }))
  fireEvent.change(screen.getByLabelText('签署密码'), { target: { value: '258036' } })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认签署' })))
  expect((await screen.findByRole('alert')).textContent).toBe('正在校验，请稍候重试')
  expect(screen.getByLabelText('签署密码')).toBeTruthy()
  expect(screen.getByRole('button', { name: '确认签署' })).toBeTruthy()
})

// --- confirming by face ---

const FakeFace = fakeFaceStep((purpose) => `face-ticket-for-${purpose}`, '张*国')

const personalPreview: SignTaskPreview = {
  ...preview,
  signers: [...preview.signers, { kind: 'personal', role: 'handler', holderName: '张建国', imageSvg: '<svg/>' }],
}

test('a task with a personal signature starts with the face; its ticket confirms the task', async () => {
  mockApi.on('POST', '/api/v1/sign-tasks/scan', () => ({ body: personalPreview }))
  render(<SignScreen initialInput={TICKET} FaceStep={FakeFace} />)
  expect(await screen.findByRole('img', { name: '经办人签名：张建国' })).toBeTruthy()
  expect(screen.queryByLabelText('签署密码')).toBeNull()
  await act(async () => fireEvent.click(screen.getByText(`刷脸:sign:${TASK}`)))
  expect(mockApi.calls[1].url).toContain(`/api/v1/sign-tasks/${TASK}/confirm`)
  expect(mockApi.calls[1].json).toEqual({ ticket: `face-ticket-for-sign:${TASK}` })
  expect(await screen.findByText('已签署')).toBeTruthy()
})

test('a task starts with the face (the default), and the PIN is one tap away', async () => {
  render(<SignScreen initialInput={TICKET} FaceStep={FakeFace} />)
  expect(await screen.findByText(`刷脸:sign:${TASK}`)).toBeTruthy()
  expect(screen.queryByLabelText('签署密码')).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '改用签署密码确认' }))
  expect(screen.getByLabelText('签署密码')).toBeTruthy()
  expect(screen.queryByText(`刷脸:sign:${TASK}`)).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '改用刷脸确认' }))
  expect(screen.getByText(`刷脸:sign:${TASK}`)).toBeTruthy()
})

test('a scanner without a PIN confirms by face only', async () => {
  mockApi.on('POST', '/api/v1/sign-tasks/scan', () => ({ body: { ...preview, pinAvailable: false } }))
  render(<SignScreen initialInput={TICKET} FaceStep={FakeFace} />)
  expect(await screen.findByText(`刷脸:sign:${TASK}`)).toBeTruthy()
  expect(screen.queryByRole('button', { name: '改用签署密码确认' })).toBeNull()
})

test('a locked PIN moves the signer to the face, with the reason shown', async () => {
  mockApi.on('POST', `/api/v1/sign-tasks/${TASK}/confirm`, () => ({
    status: 429,
    body: { code: 'PIN_LOCKED', message: 'locked' },
  }))
  render(<SignScreen initialInput={TICKET} FaceStep={FakeFace} />)
  await screen.findByText('食品原料采购合同.pdf')
  fireEvent.click(screen.getByRole('button', { name: '改用签署密码确认' }))
  fireEvent.change(screen.getByLabelText('签署密码'), { target: { value: '258036' } })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认签署' })))
  expect(screen.getByRole('alert').textContent).toBe('签署密码错误次数过多，请 15 分钟后再试，或改用刷脸确认')
  expect(screen.getByText(`刷脸:sign:${TASK}`)).toBeTruthy()
})

test.each([
  ['FACE_TICKET_INVALID', 403, '刷脸人员与签名持有人不一致', '刷脸人员与签名持有人不一致'],
  ['NOT_LEGAL_REPRESENTATIVE', 403, 'x', '刷脸人不是该企业登记的法定代表人，不能以法定代表人身份用章'],
  ['SIGN_TASK_SCANNED_BY_OTHER', 409, 'x', '该签章码已被他人扫描，请让业务系统重新生成二维码'],
  ['SIGN_TASK_ALREADY_SIGNED', 409, 'x', '该文件已签署完成，无需重复签署'],
  ['SIGN_NOT_AUTHORISED', 403, 'x', '您没有使用所需印章的授权，请联系企业法定代表人授权'],
  ['SIGNATURE_NOT_CLAIMED', 409, 'x', '请先领取个人电子签名'],
])('a face confirmation refused with %s says so and keeps the task open', async (code, status, message, shown) => {
  mockApi.on('POST', '/api/v1/sign-tasks/scan', () => ({ body: personalPreview }))
  mockApi.on('POST', `/api/v1/sign-tasks/${TASK}/confirm`, () => ({ status, body: { code, message } }))
  render(<SignScreen initialInput={TICKET} FaceStep={FakeFace} />)
  await screen.findByText('食品原料采购合同.pdf')
  await act(async () => fireEvent.click(screen.getByText(`刷脸:sign:${TASK}`)))
  expect(screen.getByRole('alert').textContent).toBe(shown)
  expect(screen.getByRole('button', { name: '拒绝签署' })).toBeTruthy()
})

test('拒绝签署 asks first and needs a reason; the reason goes to the server', async () => {
  mockApi.on('POST', `/api/v1/sign-tasks/${TASK}/reject`, () => ({
    body: { ...signed, status: 'rejected', statusLabel: '已拒绝', rejectReason: '金额或数量有误：单价不对' },
  }))
  render(<SignScreen initialInput={TICKET} />)
  fireEvent.click(await screen.findByRole('button', { name: '拒绝签署' }))
  const dialog = screen.getByRole('dialog', { name: '拒绝签署' })
  expect(dialog.textContent).toContain('拒绝后《食品原料采购合同.pdf》不能再用此签章码签署')
  const reject = within(dialog).getByRole('button', { name: '确认拒绝' }) as HTMLButtonElement
  expect(reject.disabled).toBe(true)
  expect(reject.className).toContain('btn--destructive')

  // 其他原因 needs the reason spelt out.
  fireEvent.click(within(dialog).getByRole('button', { name: '拒绝原因：其他原因' }))
  expect(reject.disabled).toBe(true)
  fireEvent.click(within(dialog).getByRole('button', { name: '拒绝原因：金额或数量有误' }))
  expect(reject.disabled).toBe(false)
  fireEvent.change(within(dialog).getByRole('textbox', { name: '补充说明（选填）' }), { target: { value: '单价不对' } })
  await act(async () => fireEvent.click(reject))

  const sent = mockApi.calls.find((c) => c.url.endsWith(`/api/v1/sign-tasks/${TASK}/reject`))
  expect(sent?.json).toEqual({ reason: '金额或数量有误：单价不对' })
  expect(await screen.findByText('已拒绝')).toBeTruthy()
})

test('backing out of 拒绝签署 sends nothing and keeps the document open for signing', async () => {
  render(<SignScreen initialInput={TICKET} />)
  fireEvent.click(await screen.findByRole('button', { name: '拒绝签署' }))
  fireEvent.click(within(screen.getByRole('dialog', { name: '拒绝签署' })).getByRole('button', { name: '取消' }))
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(mockApi.calls.filter((c) => c.url.includes('/reject'))).toHaveLength(0)
  expect(screen.getByRole('button', { name: '确认签署' })).toBeTruthy()
})

test('Escape closes 拒绝签署 while nothing is chosen, and keeps a chosen reason', async () => {
  render(<SignScreen initialInput={TICKET} />)
  fireEvent.click(await screen.findByRole('button', { name: '拒绝签署' }))
  fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
  expect(screen.queryByRole('dialog')).toBeNull()

  fireEvent.click(screen.getByRole('button', { name: '拒绝签署' }))
  const dialog = screen.getByRole('dialog', { name: '拒绝签署' })
  fireEvent.click(within(dialog).getByRole('button', { name: '拒绝原因：金额或数量有误' }))
  fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
  expect(screen.getByRole('dialog', { name: '拒绝签署' })).toBeTruthy()
  expect((within(dialog).getByRole('button', { name: '确认拒绝' }) as HTMLButtonElement).disabled).toBe(false)
  expect(mockApi.calls.filter((c) => c.url.includes('/reject'))).toHaveLength(0)
})

test.each([
  [null, '', ''],
  ['金额或数量有误', '', '金额或数量有误'],
  ['金额或数量有误', ' 单价不对 ', '金额或数量有误：单价不对'],
  ['其他原因', '', ''],
  ['其他原因', '对方已取消合作', '对方已取消合作'],
])('the reason sent for %s with note %j is %j', (picked, note, sent) => {
  expect(rejectReasonText(picked, note)).toBe(sent)
})
