import { act, fireEvent, render, screen } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { enterprises, loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { FaceScreen } from '../../src/features/face/FaceScreen'
import { useEnterpriseContext } from '../../src/core/enterpriseContext'
import { useSession } from '../../src/core/session'
import { idNumberCheckCharacter } from '../../src/domain/idcard'

const ID_17 = '41102319900307003'
const ID_NUMBER = ID_17 + idNumberCheckCharacter(ID_17)
const SESSION = 'f0000000-0000-4000-8000-000000000001'

beforeEach(() => {
  mockApi.calls.length = 0
  useSession.getState().signedIn(loginResponse())
  mockApi.on('POST', '/api/v1/face/sessions', () => ({
    status: 201,
    body: { sessionId: SESSION, provider: 'sandbox', sandboxToken: 'x', expiresAt: '2026-11-22T08:10:00.000Z' },
  }))
  mockApi.on('POST', `/api/v1/face/sessions/${SESSION}/complete`, ({ json }) =>
    json.clientResult.sandboxOutcome === 'pass'
      ? {
          body: {
            ticket: 'face-ticket-1',
            purpose: 'login',
            expiresAt: '2026-11-22T08:15:00.000Z',
            person: { nameMasked: '张*国', idNumberMasked: '4110**********0036' },
          },
        }
      : { status: 403, body: { code: 'FACE_MISMATCH', message: '刷脸认证未通过：本人与填写的身份信息不一致' } },
  )
  mockApi.on('POST', '/api/v1/face/link-enterprises', () => ({
    body: { enterprises: [enterprises[0]], newlyLinked: 1 },
  }))
  mockApi.on('GET', '/api/v1/enterprises', () => ({ body: [enterprises[0]] }))
  mockApi.on('GET', '/api/v1/face/identity', () => ({ body: { identity: null } }))
})

/** The face screen once it knows there is no verified identity on record (the form is shown). */
async function renderFace() {
  render(<FaceScreen onDone={() => undefined} />)
  await screen.findByRole('textbox', { name: '姓名' })
  mockApi.calls.length = 0
}

function fill(name: string, idNumber: string) {
  fireEvent.change(screen.getByRole('textbox', { name: '姓名' }), { target: { value: name } })
  fireEvent.change(screen.getByRole('textbox', { name: '身份证号' }), { target: { value: idNumber } })
}

test('an invalid ID number is refused before anything is sent', async () => {
  await renderFace()
  fill('张建国', ID_17 + 'Y')
  fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }))
  expect(screen.getByText('身份证号应为 18 位，最后一位可为数字或 X')).toBeTruthy()
  expect(mockApi.calls).toHaveLength(0)
})

test('a sandbox pass links the enterprises and refreshes the enterprise list', async () => {
  await renderFace()
  fill('张建国', ID_NUMBER)
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '开始刷脸' })))
  expect(mockApi.calls[0].json).toEqual({ purpose: 'login', name: '张建国', idNumber: ID_NUMBER, platform: 'h5' })
  expect(screen.getByText('体验沙箱 · 模拟刷脸')).toBeTruthy()
  expect(screen.getByText(/^身份证号：4110\*+003/)).toBeTruthy()
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '沙箱：模拟通过' })))
  expect(await screen.findByText('刷脸认证通过')).toBeTruthy()
  expect(mockApi.calls.find((c) => c.url.endsWith('/link-enterprises'))?.json).toEqual({ ticket: 'face-ticket-1' })
  expect(screen.getByText('已新关联 1 家企业：')).toBeTruthy()
  expect(useEnterpriseContext.getState().enterprises).toEqual([enterprises[0]])
})

test('a sandbox failure shows the reason and keeps the ID number masked', async () => {
  await renderFace()
  fill('张建国', ID_NUMBER)
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '开始刷脸' })))
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '沙箱：模拟失败' })))
  expect((await screen.findByRole('alert')).textContent).toBe('刷脸认证未通过：本人与填写的身份信息不一致')
  const idInput = screen.getByRole('textbox', { name: '身份证号' }) as HTMLInputElement
  expect(idInput.value).toMatch(/^4110\*+/)
  expect(mockApi.calls.some((c) => c.url.endsWith('/link-enterprises'))).toBe(false)
})

describe('re-entering the ID number after a failed face check', () => {
  const OTHER_17 = '11010519780315037'
  const OTHER = OTHER_17 + idNumberCheckCharacter(OTHER_17)

  const failOnce = async () => {
    await renderFace()
    fill('张建国', ID_NUMBER)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '开始刷脸' })))
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '沙箱：模拟失败' })))
    await screen.findByRole('alert')
    return screen.getByRole('textbox', { name: '身份证号' }) as HTMLInputElement
  }

  const retry = async () => {
    mockApi.calls.length = 0
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '开始刷脸' })))
    expect(screen.queryByText('身份证号应为 18 位，最后一位可为数字或 X')).toBeNull()
    expect(mockApi.calls[0].json).toMatchObject({ idNumber: OTHER })
  }

  test('select all and type: every typed character is kept, from the first one', async () => {
    const input = await failOnce()
    for (let i = 1; i <= OTHER.length; i++) fireEvent.change(input, { target: { value: OTHER.slice(0, i) } })
    expect(input.value).toBe(OTHER)
    await retry()
  })

  test('select all and paste: the pasted number replaces the masked one', async () => {
    const input = await failOnce()
    fireEvent.change(input, { target: { value: OTHER } })
    expect(input.value).toBe(OTHER)
    await retry()
  })

  test('typing into the masked text keeps only what was typed; deleting empties the field', async () => {
    const input = await failOnce()
    const masked = input.value
    fireEvent.change(input, { target: { value: masked.slice(0, 6) + '1' + masked.slice(6) } })
    expect(input.value).toBe('1')
    fireEvent.change(input, { target: { value: '' } })
    expect(input.value).toBe('')
  })

  test('backspace on the masked number clears it', async () => {
    const input = await failOnce()
    fireEvent.change(input, { target: { value: input.value.slice(0, -1) } })
    expect(input.value).toBe('')
  })
})

describe('identity once', () => {
  const IDENTITY = { nameMasked: '张*国', idNumberMasked: '4110**********0036', verifiedAt: '2026-11-20T01:00:00.000Z' }

  test('a verified user sees the identity masked and verifies without typing; the number is never sent', async () => {
    mockApi.on('GET', '/api/v1/face/identity', () => ({ body: { identity: IDENTITY } }))
    render(<FaceScreen onDone={() => undefined} />)
    expect(await screen.findByText('张*国 · 4110**********0036')).toBeTruthy()
    expect(screen.queryByRole('textbox', { name: '身份证号' })).toBeNull()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '开始刷脸' })))
    const started = mockApi.calls.find((c) => c.method === 'POST' && c.url.endsWith('/face/sessions'))
    expect(started?.json).toEqual({ purpose: 'login', useVerifiedIdentity: true, platform: 'h5' })
    expect(screen.getByText('身份证号：4110**********0036')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '沙箱：模拟通过' })))
    expect(await screen.findByText('刷脸认证通过')).toBeTruthy()
  })

  test('不是本人？更换 asks for another person in full', async () => {
    mockApi.on('GET', '/api/v1/face/identity', () => ({ body: { identity: IDENTITY } }))
    render(<FaceScreen onDone={() => undefined} />)
    fireEvent.click(await screen.findByRole('button', { name: '不是本人？更换' }))
    fill('张建国', ID_NUMBER)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '开始刷脸' })))
    const started = mockApi.calls.find((c) => c.method === 'POST' && c.url.endsWith('/face/sessions'))
    expect(started?.json).toEqual({ purpose: 'login', name: '张建国', idNumber: ID_NUMBER, platform: 'h5' })
  })

  test('an identity gone from the server falls back to the form, saying why', async () => {
    mockApi.on('GET', '/api/v1/face/identity', () => ({ body: { identity: IDENTITY } }))
    mockApi.on('POST', '/api/v1/face/sessions', () => ({
      status: 409,
      body: { code: 'VERIFIED_IDENTITY_NONE', message: '尚无已核验的身份信息，请填写姓名和身份证号' },
    }))
    render(<FaceScreen onDone={() => undefined} />)
    await screen.findByText('张*国 · 4110**********0036')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '开始刷脸' })))
    expect(screen.getByRole('alert').textContent).toBe('尚无已核验的身份信息，请填写姓名和身份证号')
    expect(screen.getByRole('textbox', { name: '身份证号' })).toBeTruthy()
  })
})
