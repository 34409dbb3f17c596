import { act, fireEvent, render, screen } from '@testing-library/react'
import type { PersonalSignatureView } from '../../src/contract/esign/schemas'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'
import { CLAIMED_SIGNATURE, fakeFaceStep } from './fakeFace'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { SignatureClaimScreen } from '../../src/features/seals/SignatureClaimScreen'
import { useSession } from '../../src/core/session'

// jsdom has no PointerEvent; the H5 pad listens for pointer events (mouse and touch alike).
class TestPointerEvent extends MouseEvent {
  pointerId: number
  constructor(type: string, init: MouseEventInit & { pointerId?: number } = {}) {
    super(type, init)
    this.pointerId = init.pointerId ?? 1
  }
}
;(window as any).PointerEvent = TestPointerEvent

const signature = CLAIMED_SIGNATURE

const FakeFace = fakeFaceStep('signature-ticket', '张*国')

let mine: PersonalSignatureView | null

beforeEach(() => {
  mockApi.calls.length = 0
  mine = null
  useSession.getState().signedIn(loginResponse())
  mockApi.on('GET', '/api/v1/signatures/mine', () => ({ body: { signature: mine } }))
  mockApi.on('POST', '/api/v1/signatures/claim', () => {
    mine = signature
    return { status: 201, body: signature }
  })
})

function pad() {
  return screen.getByRole('img', { name: /^签名板/ })
}

function draw(points: [number, number][]) {
  const [first, ...rest] = points
  fireEvent.pointerDown(pad(), { clientX: first[0], clientY: first[1] })
  for (const [x, y] of rest) fireEvent.pointerMove(pad(), { clientX: x, clientY: y })
  fireEvent.pointerUp(pad())
}

function setPins(pin: string, again: string) {
  fireEvent.change(screen.getByLabelText('签署密码'), { target: { value: pin } })
  fireEvent.change(screen.getByLabelText('再次输入签署密码'), { target: { value: again } })
  fireEvent.click(screen.getByRole('button', { name: '下一步：刷脸领取' }))
}

test('an empty pad, and a tap, are refused with what to do; 重写 clears the strokes', async () => {
  render(<SignatureClaimScreen FaceStep={FakeFace} onDone={() => undefined} />)
  await screen.findByText('领取个人电子签名')
  fireEvent.click(screen.getByRole('button', { name: '下一步：设置签署密码' }))
  expect(screen.getByRole('alert').textContent).toBe('请先手写签名')

  draw([[30, 30]])
  expect(screen.queryByRole('alert')).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '下一步：设置签署密码' }))
  expect(screen.getByRole('alert').textContent).toBe('签名太小，请在签名框内写大一些')

  draw([
    [20, 20],
    [120, 80],
  ])
  fireEvent.click(screen.getByRole('button', { name: '重写' }))
  fireEvent.click(screen.getByRole('button', { name: '下一步：设置签署密码' }))
  expect(screen.getByRole('alert').textContent).toBe('请先手写签名')
})

test('a hand-drawn signature is previewed, the PIN set twice, and the claim sends the strokes after the face step', async () => {
  render(<SignatureClaimScreen FaceStep={FakeFace} onDone={() => undefined} />)
  await screen.findByText('领取个人电子签名')
  draw([
    [20, 40],
    [60, 90],
    [140, 30],
  ])
  draw([
    [30, 100],
    [180, 100],
  ])
  fireEvent.click(screen.getByRole('button', { name: '下一步：设置签署密码' }))
  expect(screen.getByRole('img', { name: '手写签名预览' })).toBeTruthy()

  setPins('123456', '123456')
  expect(screen.getByRole('alert').textContent).toBe('签署密码过于简单（如 111111、123456），请换一个')
  setPins('258036', '258030')
  expect(screen.getByRole('alert').textContent).toBe('两次输入的签署密码不一致')
  setPins('258036', '258036')
  expect(mockApi.calls.filter((c) => c.method === 'POST')).toHaveLength(0)

  await act(async () => fireEvent.click(screen.getByText('刷脸:claim-signature')))
  expect(mockApi.calls.find((c) => c.method === 'POST')?.json).toEqual({
    ticket: 'signature-ticket',
    pin: '258036',
    image: {
      kind: 'drawn',
      strokes: [
        [
          [20, 40],
          [60, 90],
          [140, 30],
        ],
        [
          [30, 100],
          [180, 100],
        ],
      ],
    },
  })
  expect(await screen.findByText('个人电子签名领取成功')).toBeTruthy()
  expect(screen.getByRole('img', { name: '张建国的个人电子签名' })).toBeTruthy()
  expect(screen.getByText(/4110\*\*\*\*\*\*\*\*\*\*0371/)).toBeTruthy()
})

test('使用姓名生成 needs no drawing and sends kind name', async () => {
  render(<SignatureClaimScreen FaceStep={FakeFace} onDone={() => undefined} />)
  fireEvent.click(await screen.findByRole('button', { name: '使用姓名生成' }))
  expect(screen.queryByRole('img', { name: /^签名板/ })).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '下一步：设置签署密码' }))
  setPins('258036', '258036')
  await act(async () => fireEvent.click(screen.getByText('刷脸:claim-signature')))
  expect(mockApi.calls.find((c) => c.method === 'POST')?.json.image).toEqual({ kind: 'name' })
})

test('a refused claim says why and stays on the face step; an already claimed signature is shown', async () => {
  mockApi.on('POST', '/api/v1/signatures/claim', () => ({
    status: 409,
    body: { code: 'SIGNATURE_ALREADY_CLAIMED', message: '您已领取个人电子签名，无需重复领取' },
  }))
  render(<SignatureClaimScreen FaceStep={FakeFace} onDone={() => undefined} />)
  fireEvent.click(await screen.findByRole('button', { name: '使用姓名生成' }))
  fireEvent.click(screen.getByRole('button', { name: '下一步：设置签署密码' }))
  setPins('258036', '258036')
  await act(async () => fireEvent.click(screen.getByText('刷脸:claim-signature')))
  expect(screen.getByRole('alert').textContent).toBe('您已领取个人电子签名，无需重复领取')
  expect(screen.getByText('刷脸:claim-signature')).toBeTruthy()
})

test('bad strokes refused by the server send the user back to the pad', async () => {
  mockApi.on('POST', '/api/v1/signatures/claim', () => ({
    status: 400,
    body: { code: 'SIGNATURE_IMAGE_INVALID', message: '签名笔迹超出画板范围' },
  }))
  render(<SignatureClaimScreen FaceStep={FakeFace} onDone={() => undefined} />)
  await screen.findByText('领取个人电子签名')
  draw([
    [20, 40],
    [160, 90],
  ])
  fireEvent.click(screen.getByRole('button', { name: '下一步：设置签署密码' }))
  setPins('258036', '258036')
  await act(async () => fireEvent.click(screen.getByText('刷脸:claim-signature')))
  expect(screen.getByRole('alert').textContent).toBe('签名笔迹超出画板范围')
  expect(screen.getByRole('img', { name: /^签名板/ })).toBeTruthy()
})

test('the signature one already holds is shown instead of the claim', async () => {
  mine = signature
  const done = jest.fn()
  render(<SignatureClaimScreen FaceStep={FakeFace} onDone={done} />)
  expect(await screen.findByText('我的个人电子签名')).toBeTruthy()
  expect(screen.queryByText('领取个人电子签名')).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '完成' }))
  expect(done).toHaveBeenCalled()
})

test('a failed load offers a retry', async () => {
  mockApi.on('GET', '/api/v1/signatures/mine', () => ({
    status: 503,
    body: { code: 'UNAVAILABLE', message: '服务暂不可用' },
  }))
  render(<SignatureClaimScreen FaceStep={FakeFace} onDone={() => undefined} />)
  expect((await screen.findByRole('alert')).textContent).toContain('服务暂不可用')
  expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
})

test('the pad is a Canvas 2D canvas named by id (how WeChat and Alipay find it), not a legacy canvas-id', async () => {
  render(<SignatureClaimScreen FaceStep={FakeFace} onDone={() => undefined} />)
  await screen.findByText('领取个人电子签名')
  expect(pad().getAttribute('type')).toBe('2d')
  expect(pad().id).toBe('signature-pad')
})
