import { act, fireEvent, render, screen, within } from '@testing-library/react'
import * as esign from '../../src/contract/esign/endpoints'
import { ESIGN_ERRORS } from '../../src/contract/esign/errors'
import type { PersonalSignatureView } from '../../src/contract/esign/schemas'
import { expectedCall } from '../contract-path'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'
import { CLAIMED_SIGNATURE, fakeFaceStep } from './fakeFace'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { SignatureClaimScreen } from '../../src/features/seals/SignatureClaimScreen'
import { useSession } from '../../src/core/session'

const MINE = expectedCall(esign.getMySignature)
const REVOKE = expectedCall(esign.revokeMySignature)

const signature = CLAIMED_SIGNATURE

const FakeFace = fakeFaceStep('revoke-ticket', '张*国')

let mine: PersonalSignatureView | null

beforeEach(() => {
  mockApi.calls.length = 0
  mine = signature
  useSession.getState().signedIn(loginResponse())
  mockApi.on(MINE.method, MINE.path, () => ({ body: { signature: mine } }))
  mockApi.on(REVOKE.method, REVOKE.path, () => {
    mine = null
    return { body: { ...signature, status: 'revoked' } }
  })
})

const revokes = () => mockApi.calls.filter((c) => c.method === REVOKE.method && c.url.endsWith(REVOKE.path))

async function openConfirm() {
  render(<SignatureClaimScreen FaceStep={FakeFace} onDone={() => undefined} />)
  const entry = await screen.findByRole('button', { name: '注销签名' })
  expect(entry.className).toContain('btn--danger')
  fireEvent.click(entry)
  return screen.getByRole('dialog', { name: '注销个人电子签名' })
}

function fill(reason: string, pin: string) {
  fireEvent.change(screen.getByRole('textbox', { name: '注销原因' }), { target: { value: reason } })
  fireEvent.change(screen.getByLabelText('签署密码'), { target: { value: pin } })
}

test('注销签名 asks first, saying what happens, and wants a reason and the PIN before it sends', async () => {
  const dialog = await openConfirm()
  expect(within(dialog).getByText(/立即作废，不能再用于签署/)).toBeTruthy()
  expect(within(dialog).getByText('已签署的文件仍可验证，验签时按签署时间判断。')).toBeTruthy()
  expect(within(dialog).getByText(/重新刷脸领取新的个人电子签名/)).toBeTruthy()
  const confirm = within(dialog).getByRole('button', { name: '确认注销' })
  expect(confirm.className).toContain('btn--destructive')

  fireEvent.click(confirm)
  expect(screen.getByRole('alert').textContent).toBe('请填写注销原因')
  fireEvent.change(screen.getByRole('textbox', { name: '注销原因' }), { target: { value: ' 不再需要 ' } })
  fireEvent.click(confirm)
  expect(screen.getByRole('alert').textContent).toBe('请输入 6 位数字签署密码')
  expect(revokes()).toHaveLength(0)
})

test('confirmed with the PIN, the screen shows the revoked signature and how to claim a new one', async () => {
  await openConfirm()
  fill(' 签名密钥疑似泄露 ', '258036')
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认注销' })))
  expect(revokes().map((c) => c.json)).toEqual([{ reason: '签名密钥疑似泄露', pin: '258036' }])

  const done = await screen.findByRole('status')
  expect(within(done).getByText('个人电子签名已注销')).toBeTruthy()
  expect(within(done).getByText(/不能再用于签署/)).toBeTruthy()
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(screen.queryByRole('button', { name: '注销签名' })).toBeNull()

  await act(async () => fireEvent.click(screen.getByRole('button', { name: '重新领取个人电子签名' })))
  expect(await screen.findByText('领取个人电子签名')).toBeTruthy()
  expect(screen.queryByRole('status')).toBeNull()
})

test('a wrong PIN is said as the server says it, and the dialog stays with what was typed', async () => {
  mockApi.on(REVOKE.method, REVOKE.path, () => ({
    status: ESIGN_ERRORS.PIN_INVALID.status,
    body: { code: 'PIN_INVALID', message: '签署密码错误，还可尝试 4 次' },
  }))
  const dialog = await openConfirm()
  fill('不再需要', '111111')
  await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '确认注销' })))
  expect((await within(dialog).findByRole('alert')).textContent).toBe('签署密码错误，还可尝试 4 次')
  expect((screen.getByRole('textbox', { name: '注销原因' }) as HTMLInputElement).value).toBe('不再需要')
  expect(screen.getByText('我的个人电子签名')).toBeTruthy()
  expect(screen.queryByText('个人电子签名已注销')).toBeNull()
})

test('a locked PIN says to wait or use 刷脸 (the registry text)', async () => {
  mockApi.on(REVOKE.method, REVOKE.path, () => ({
    status: ESIGN_ERRORS.PIN_LOCKED.status,
    body: { code: 'PIN_LOCKED', message: ESIGN_ERRORS.PIN_LOCKED.message },
  }))
  await openConfirm()
  fill('不再需要', '258036')
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认注销' })))
  expect((await screen.findByRole('alert')).textContent).toBe(ESIGN_ERRORS.PIN_LOCKED.message)
})

test('取消 closes the dialog and sends nothing', async () => {
  const dialog = await openConfirm()
  fill('不再需要', '258036')
  fireEvent.click(within(dialog).getByRole('button', { name: '取消' }))
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(screen.getByText('我的个人电子签名')).toBeTruthy()
  expect(revokes()).toHaveLength(0)
  // Opened again, it starts empty.
  fireEvent.click(screen.getByRole('button', { name: '注销签名' }))
  expect((screen.getByRole('textbox', { name: '注销原因' }) as HTMLInputElement).value).toBe('')
})

test('刷脸 instead of the PIN sends a seal-revoke ticket with the reason', async () => {
  await openConfirm()
  fireEvent.click(screen.getByRole('button', { name: '改用刷脸确认' }))
  expect(screen.getByRole('alert').textContent).toBe('请填写注销原因')
  fireEvent.change(screen.getByRole('textbox', { name: '注销原因' }), { target: { value: '不再需要' } })
  fireEvent.click(screen.getByRole('button', { name: '改用刷脸确认' }))
  expect(revokes()).toHaveLength(0)
  await act(async () => fireEvent.click(screen.getByText('刷脸:seal-revoke')))
  expect(revokes().map((c) => c.json)).toEqual([{ reason: '不再需要', ticket: 'revoke-ticket' }])
  expect(await screen.findByText('个人电子签名已注销')).toBeTruthy()
})

test('a face that is not the owner is refused with the server text and nothing changes', async () => {
  mockApi.on(REVOKE.method, REVOKE.path, () => ({
    status: ESIGN_ERRORS.FACE_MISMATCH.status,
    body: { code: 'FACE_MISMATCH', message: ESIGN_ERRORS.FACE_MISMATCH.message },
  }))
  await openConfirm()
  fireEvent.change(screen.getByRole('textbox', { name: '注销原因' }), { target: { value: '不再需要' } })
  fireEvent.click(screen.getByRole('button', { name: '改用刷脸确认' }))
  await act(async () => fireEvent.click(screen.getByText('刷脸:seal-revoke')))
  expect((await screen.findByRole('alert')).textContent).toBe(ESIGN_ERRORS.FACE_MISMATCH.message)
  expect(screen.queryByText('个人电子签名已注销')).toBeNull()
})

test('a signature already gone elsewhere (SIGNATURE_NOT_CLAIMED) loads the screen again and says why', async () => {
  mockApi.on(REVOKE.method, REVOKE.path, () => {
    mine = null
    return { status: ESIGN_ERRORS.SIGNATURE_NOT_CLAIMED.status, body: { code: 'SIGNATURE_NOT_CLAIMED', message: '' } }
  })
  await openConfirm()
  fill('不再需要', '258036')
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认注销' })))
  expect(await screen.findByText('领取个人电子签名')).toBeTruthy()
  expect(screen.getByRole('status').textContent).toBe(
    '您的个人电子签名已在其他设备注销或更换，无需再次注销；如需签署，请重新领取。',
  )
})

test('H5 keyboard: focus is in the dialog, Tab reaches the reason, PIN and buttons; Escape cancels only while nothing is typed', async () => {
  let dialog = await openConfirm()
  expect(document.activeElement).toBe(dialog)
  const order: (string | null)[] = []
  for (let i = 0; i < 5; i += 1) {
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' })
    const active = document.activeElement as HTMLElement
    order.push(active.getAttribute('aria-label') ?? active.textContent)
  }
  expect(order).toEqual(['注销原因', '签署密码', '改用刷脸确认', '确认注销', '取消'])
  fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
  expect(screen.queryByRole('dialog')).toBeNull()

  fireEvent.click(screen.getByRole('button', { name: '注销签名' }))
  dialog = screen.getByRole('dialog', { name: '注销个人电子签名' })
  fireEvent.change(within(dialog).getByRole('textbox', { name: '注销原因' }), { target: { value: '不再需要' } })
  fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
  expect(screen.getByRole('dialog', { name: '注销个人电子签名' })).toBeTruthy()
  expect(revokes()).toHaveLength(0)
})
