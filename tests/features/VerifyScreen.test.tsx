import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { SealVerificationResult } from '../../server/contract-seals'
import { createFakeApi } from '../setup/fake-api'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { VerifyScreen } from '../../src/features/signing/VerifyScreen'
import { useSession } from '../../src/core/session'

const SM3 = 'a'.repeat(64)
const RECORD = JSON.stringify({ format: 'zqt-ses-signature/1', tbs: 'dGJz', signature: 'c2ln', signerPublicKey: 'PEM' })

function result(overrides: Partial<SealVerificationResult['checks']> = {}): SealVerificationResult {
  const checks = {
    hashMatches: true,
    signatureValid: true,
    sealValidAtSigningTime: true,
    signerAuthorisedAtSigningTime: true,
    sealNotRevoked: true,
    ...overrides,
  }
  const valid = Object.values(checks).every(Boolean)
  return {
    valid,
    checks,
    seal: { id: 's1', kind: 'seal', name: '许昌瑞丰食品有限公司合同专用章', holder: '许昌瑞丰食品有限公司' },
    signedAt: '2026-11-22T08:05:00.000Z',
    problems: valid ? [] : ['文件摘要与签章记录不一致'],
  }
}

beforeEach(() => {
  mockApi.calls.length = 0
  useSession.getState().clear()
})

function fillAndSubmit(record = RECORD, sm3 = SM3) {
  fireEvent.change(screen.getByRole('textbox', { name: '签章记录（JSON）' }), { target: { value: record } })
  fireEvent.change(screen.getByRole('textbox', { name: '文件 SM3 摘要' }), { target: { value: sm3 } })
  fireEvent.click(screen.getByRole('button', { name: '开始验章' }))
}

test('a valid signature shows every check passed, without login', async () => {
  mockApi.on('POST', '/api/v1/seal-verifications', () => ({ body: result() }))
  render(<VerifyScreen />)
  fillAndSubmit()
  expect(await screen.findByText('验章通过：签章真实有效')).toBeTruthy()
  expect(screen.getByText('文件与签章时一致，未被修改')).toBeTruthy()
  expect(screen.getByText('签名真实有效')).toBeTruthy()
  expect(screen.getByText('签章时印章在有效期内')).toBeTruthy()
  expect(screen.getByText('签章人在签章时有权使用该印章')).toBeTruthy()
  expect(screen.getByText('印章未被注销')).toBeTruthy()
  expect(screen.getByText('签章时间：2026-11-22 16:05')).toBeTruthy()
  const call = mockApi.calls[0]
  expect(call.headers.Authorization).toBeUndefined()
  expect(call.json).toEqual({ signatureRecord: JSON.parse(RECORD), documentSm3: SM3 })
})

test('a modified document and a revoked seal are each named as failed checks', async () => {
  mockApi.on('POST', '/api/v1/seal-verifications', () => ({
    body: result({ hashMatches: false, sealNotRevoked: false }),
  }))
  render(<VerifyScreen />)
  fillAndSubmit(RECORD, SM3.toUpperCase())
  expect(await screen.findByText('验章未通过：签章无效')).toBeTruthy()
  expect(screen.getByText('文件与签章时不一致：文件可能被修改过，或不是签章的那份文件')).toBeTruthy()
  expect(screen.getByText('印章已被注销')).toBeTruthy()
  expect(screen.getByText('签名真实有效')).toBeTruthy()
  expect(screen.getByText('文件摘要与签章记录不一致')).toBeTruthy()
  expect(mockApi.calls[0].json.documentSm3).toBe(SM3)
})

test('a record that is not JSON or an SM3 of the wrong length is refused before sending', async () => {
  render(<VerifyScreen />)
  fillAndSubmit('not json', 'abc')
  expect(screen.getByText('签章记录不是有效的 JSON，请完整复制后再粘贴')).toBeTruthy()
  expect(screen.getByText('请填写 64 位十六进制的 SM3 摘要')).toBeTruthy()
  expect(mockApi.calls).toHaveLength(0)
})

test('a JSON record without the signed data, the signature or the key names them in Chinese', () => {
  render(<VerifyScreen />)
  fillAndSubmit(JSON.stringify({ format: 'zqt-ses-signature/1', tbs: 'dGJz' }))
  expect(screen.getByText('签章记录缺少待签数据、签名值或签名公钥，请确认复制的是完整的签章记录')).toBeTruthy()
  expect(mockApi.calls).toHaveLength(0)
})

test('a server failure offers a retry', async () => {
  mockApi.on('POST', '/api/v1/seal-verifications', () => ({ status: 503, body: '' }))
  render(<VerifyScreen />)
  fillAndSubmit()
  await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('服务暂时不可用'))
  expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
})
