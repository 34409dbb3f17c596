import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { sm3Hex } from '../../server/capabilities/esign/signing/sm2'
import type { SealVerificationResult, VerificationStep } from '../../src/contract/esign/schemas'
import { createFakeApi } from '../setup/fake-api'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))
const mockChoose = jest.fn()
const mockSave = jest.fn(async (..._args: unknown[]) => ({ via: 'download' as const }))
jest.mock('../../src/platform/files', () => ({
  chooseFile: () => mockChoose(),
  calendarFileWay: () => 'download',
  saveTextFile: (...args: unknown[]) => mockSave(...args),
  isCancelled: () => false,
}))

import { VerifyScreen } from '../../src/features/signing/VerifyScreen'
import { useSession } from '../../src/core/session'

const SM3 = 'a'.repeat(64)
const RECORD = {
  format: 'zqt-ses-signature/1',
  name: '合同专用章',
  tbs: 'dGJz',
  signature: 'c2ln',
  signerPublicKey: 'PEM',
}
const RECORD_ID = '0f8e6a52-1c7b-4d0e-9b3a-2f1e4c5d6a7b'
const DOCUMENT = Buffer.from('%PDF-1.7 采购合同')

const STEPS: VerificationStep[] = [
  // As the server sends them (GB/T 38540's keys, server/capabilities/esign/pki/ses-verify.ts).
  { key: 'signatureValue', name: '签章值', passed: true, text: '签章值验证通过' },
  { key: 'certificateStatus', name: '证书链、有效期与吊销', passed: true, text: '证书链完整，签章时有效且未吊销' },
  { key: 'documentHash', name: '原文杂凑', passed: true, text: '文件与签章时一致，未被修改' },
]

function result(failed: Record<string, string> = {}): SealVerificationResult {
  const steps = STEPS.map((step) => (failed[step.key] ? { ...step, passed: false, text: failed[step.key] } : step))
  const valid = steps.every((step) => step.passed)
  return {
    valid,
    checks: {
      hashMatches: !failed.documentHash,
      signatureValid: !failed.signatureValue,
      sealValidAtSigningTime: true,
      signerAuthorisedAtSigningTime: true,
      sealNotRevoked: !failed.certificateStatus,
    },
    seal: { id: 's1', kind: 'seal', name: '许昌瑞丰食品有限公司合同专用章', holder: '91411002MA3X7R2K06' },
    signedAt: '2026-11-22T08:05:00.000Z',
    problems: [],
    steps,
  }
}

const file = (name: string, bytes: Buffer) => ({ name, bytes: new Uint8Array(bytes) })
const recordFile = (record: object = RECORD) => file('签章文件.json', Buffer.from(JSON.stringify(record), 'utf8'))

async function choose(label: string, chosen: unknown) {
  mockChoose.mockResolvedValueOnce(chosen)
  await act(async () => fireEvent.click(screen.getByRole('button', { name: label })))
}

beforeEach(() => {
  mockApi.calls.length = 0
  mockChoose.mockReset()
  useSession.getState().clear()
})

test('choosing the signed file and the signature file verifies them without login, step by step', async () => {
  mockApi.on('POST', '/api/v1/seal-verifications', () => ({ body: result() }))
  render(<VerifyScreen />)
  await choose('选择已签署的文件', file('采购合同.pdf', DOCUMENT))
  expect(mockApi.calls).toHaveLength(0)
  await choose('选择签章文件', recordFile())
  expect(await screen.findByText('验章通过：签章真实有效，文件未被修改')).toBeTruthy()
  for (const step of STEPS) expect(screen.getByText(step.text)).toBeTruthy()
  expect(screen.getByText('✓ 原文杂凑：')).toBeTruthy()
  expect(screen.getByText('依据：您选择的文件《采购合同.pdf》')).toBeTruthy()
  expect(screen.getByText('签章时间：2026-11-22 16:05')).toBeTruthy()
  const call = mockApi.calls[0]
  expect(call.headers.Authorization).toBeUndefined()
  // The file never leaves the phone: only its SM3, computed here, does.
  expect(call.json).toEqual({ signatureRecord: RECORD, documentSm3: sm3Hex(DOCUMENT) })
})

test('a failed step is named in words, and the verdict says what it means', async () => {
  mockApi.on('POST', '/api/v1/seal-verifications', () => ({
    body: result({ documentHash: '文件与签章时不一致：文件可能被修改过，或不是签章的那份文件' }),
  }))
  render(<VerifyScreen />)
  await choose('选择签章文件', recordFile())
  await choose('选择已签署的文件', file('改过的合同.pdf', Buffer.from('changed')))
  expect(await screen.findByText('验章未通过：文件已被修改，或不是签章的那份文件')).toBeTruthy()
  expect(screen.getByText('✗ 原文杂凑：')).toBeTruthy()
  expect(screen.getByText('签章值验证通过')).toBeTruthy()
})

test('every new input clears the previous verdict; a bad signature file leaves none on screen', async () => {
  mockApi.on('POST', '/api/v1/seal-verifications', () => ({ body: result() }))
  render(<VerifyScreen />)
  await choose('选择已签署的文件', file('采购合同.pdf', DOCUMENT))
  await choose('选择签章文件', recordFile())
  expect(await screen.findByText('验章通过：签章真实有效，文件未被修改')).toBeTruthy()
  await choose('选择签章文件', file('照片.jpg', Buffer.from([0xff, 0xd8, 0xff, 0x00])))
  expect(screen.queryByText('验章通过：签章真实有效，文件未被修改')).toBeNull()
  expect(screen.queryByRole('status')).toBeNull()
  expect(screen.getByRole('alert').textContent).toBe(
    '所选文件不是签章文件：请选择签署完成后下载的签章文件（.der 或 .json）',
  )
  expect(mockApi.calls).toHaveLength(1)
})

test('an answer to an older input is not shown over a newer one', async () => {
  let release: (value: { body: SealVerificationResult }) => void = () => undefined
  mockApi.on('POST', '/api/v1/seal-verifications', () => new Promise((resolve) => (release = resolve)))
  render(<VerifyScreen />)
  await choose('选择已签署的文件', file('采购合同.pdf', DOCUMENT))
  await choose('选择签章文件', recordFile())
  await choose('选择签章文件', file('坏的.json', Buffer.from('not json')))
  await act(async () => release({ body: result() }))
  expect(screen.queryByText('验章通过：签章真实有效，文件未被修改')).toBeNull()
})

test('the verification link verifies at once by record id and hash; a chosen file is then checked against it', async () => {
  mockApi.on('POST', '/api/v1/seal-verifications', () => ({ body: result() }))
  render(<VerifyScreen initialRecordId={RECORD_ID} initialHash={SM3} />)
  expect(await screen.findByText('验章通过：签章真实有效，文件未被修改')).toBeTruthy()
  expect(screen.getByText('依据：验章链接中的文件摘要')).toBeTruthy()
  expect(mockApi.calls[0].json).toEqual({ recordId: RECORD_ID, documentSm3: SM3 })
  await choose('选择已签署的文件', file('采购合同.pdf', DOCUMENT))
  await waitFor(() => expect(mockApi.calls).toHaveLength(2))
  expect(mockApi.calls[1].json).toEqual({ recordId: RECORD_ID, documentSm3: sm3Hex(DOCUMENT) })
  expect(await screen.findByText('依据：您选择的文件《采购合同.pdf》')).toBeTruthy()
})

test('opened from a link, 选择签章文件 stays offered: a chosen signature file is then what is verified', async () => {
  mockApi.on('POST', '/api/v1/seal-verifications', () => ({ body: result() }))
  render(<VerifyScreen initialRecordId={RECORD_ID} initialHash={SM3} />)
  expect(await screen.findByText('依据：验章链接中的文件摘要')).toBeTruthy()
  await choose('选择签章文件', recordFile())
  expect(screen.getByText('已选择签章文件：签章文件.json')).toBeTruthy()
  expect(screen.queryByText(/已通过验章链接打开签章记录/)).toBeNull()
  await choose('选择已签署的文件', file('采购合同.pdf', DOCUMENT))
  await waitFor(() => expect(mockApi.calls).toHaveLength(2))
  expect(mockApi.calls[1].json).toEqual({ signatureRecord: RECORD, documentSm3: sm3Hex(DOCUMENT) })
})

test('a platform that cannot choose files says what to do instead', async () => {
  render(<VerifyScreen />)
  mockChoose.mockRejectedValueOnce(
    new Error('支付宝小程序暂不支持选择文件，请打开签署后得到的验章链接，或在浏览器中验章'),
  )
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '选择已签署的文件' })))
  expect(screen.getByRole('alert').textContent).toContain('验章链接')
})

test('pasting the record and the SM3 still works, and refuses bad input before sending', async () => {
  mockApi.on('POST', '/api/v1/seal-verifications', () => ({ body: result() }))
  render(<VerifyScreen />)
  fireEvent.click(screen.getByText('其他方式：粘贴签章记录和 SM3 摘要 ▼'))
  fireEvent.change(screen.getByRole('textbox', { name: '签章记录（JSON）' }), { target: { value: 'not json' } })
  fireEvent.change(screen.getByRole('textbox', { name: '文件 SM3 摘要' }), { target: { value: 'abc' } })
  fireEvent.click(screen.getByRole('button', { name: '开始验章' }))
  expect(screen.getByText('签章记录不是有效的 JSON，请完整复制后再粘贴')).toBeTruthy()
  expect(screen.getByText('请填写 64 位十六进制的 SM3 摘要')).toBeTruthy()
  expect(mockApi.calls).toHaveLength(0)
  fireEvent.change(screen.getByRole('textbox', { name: '签章记录（JSON）' }), {
    target: { value: JSON.stringify(RECORD) },
  })
  fireEvent.change(screen.getByRole('textbox', { name: '文件 SM3 摘要' }), { target: { value: SM3.toUpperCase() } })
  fireEvent.click(screen.getByRole('button', { name: '开始验章' }))
  expect(await screen.findByText('验章通过：签章真实有效，文件未被修改')).toBeTruthy()
  expect(mockApi.calls[0].json).toEqual({ signatureRecord: RECORD, documentSm3: SM3 })
})

test('a server failure offers a retry', async () => {
  mockApi.on('POST', '/api/v1/seal-verifications', () => ({ status: 503, body: '' }))
  render(<VerifyScreen initialRecordId={RECORD_ID} initialHash={SM3} />)
  await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('服务暂时不可用'))
  expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
})

test('a link to a record the server does not know says so with no 重试, and offers the signature file instead', async () => {
  mockApi.on('POST', '/api/v1/seal-verifications', (call) =>
    call.json.recordId
      ? { status: 404, body: { code: 'NOT_FOUND', message: '签章记录不存在：验章链接可能不完整，请重新打开' } }
      : { body: result() },
  )
  render(<VerifyScreen initialRecordId={RECORD_ID} initialHash={SM3} />)
  await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('签章记录不存在'))
  expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
  expect(screen.queryByText(/已通过验章链接打开签章记录/)).toBeNull()
  await choose('选择已签署的文件', file('采购合同.pdf', DOCUMENT))
  await choose('选择签章文件', recordFile())
  expect(await screen.findByText('验章通过：签章真实有效，文件未被修改')).toBeTruthy()
  expect(mockApi.calls[mockApi.calls.length - 1].json).toEqual({
    signatureRecord: RECORD,
    documentSm3: sm3Hex(DOCUMENT),
  })
})

test('the signature file may be the GB/T 38540 DER: told apart by content, sent as sesSignatureDer', async () => {
  mockApi.on('POST', '/api/v1/seal-verifications', () => ({ body: result() }))
  render(<VerifyScreen />)
  // Any bytes after the SEQUENCE tag: the server reads them; the phone only tells DER from JSON.
  const der = Buffer.from([0x30, 0x82, 0x01, 0x00, 0x30, 0x03, 0x02, 0x01, 0x04, 0xff, 0xfe])
  await choose('选择签章文件', file('签章文件.der', der))
  await choose('选择已签署的文件', file('采购合同.pdf', DOCUMENT))
  expect(await screen.findByText('验章通过：签章真实有效，文件未被修改')).toBeTruthy()
  expect(mockApi.calls[0].json).toEqual({ sesSignatureDer: der.toString('base64'), documentSm3: sm3Hex(DOCUMENT) })
  // Too large to be a signature file of ours: refused here.
  await choose('选择签章文件', file('大文件.der', Buffer.concat([der, Buffer.alloc(48 * 1024)])))
  expect(screen.getByRole('alert').textContent).toMatch(/所选文件不是签章文件/)
  expect(mockApi.calls).toHaveLength(1)
})

test('下载验章回执 saves the signed receipt the server sent, as JSON', async () => {
  const receipt = {
    format: 'zqt-verification-receipt/1' as const,
    payload: JSON.stringify({ recordId: RECORD_ID, valid: true }),
    signature: 'MEUC',
    signatureAlgorithm: 'SM2-with-SM3' as const,
    signerId: '1234567812345678',
    certificate: '-----BEGIN CERTIFICATE-----',
  }
  mockApi.on('POST', '/api/v1/seal-verifications', () => ({ body: { ...result(), receipt } }))
  render(<VerifyScreen initialRecordId={RECORD_ID} initialHash={SM3} />)
  const download = await screen.findByRole('button', { name: '下载验章回执' })
  await act(async () => fireEvent.click(download))
  const [name, text, type] = mockSave.mock.calls[0]
  expect(name).toBe('验章回执-0f8e6a52.json')
  expect(JSON.parse(text as string)).toEqual(receipt)
  expect(type).toBe('application/json')
  expect(screen.getByText('已开始下载验章回执')).toBeTruthy()
})

test('扫码验章 reads a verification QR and verifies by its record id and hash; another code is explained', async () => {
  mockApi.on('POST', '/api/v1/seal-verifications', () => ({ body: result() }))
  const onScan = jest
    .fn<Promise<string | null>, []>()
    .mockResolvedValueOnce('https://zqt.example.gov.cn/s/QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ')
    .mockResolvedValueOnce(`https://zqt.example.gov.cn/verify?record=${RECORD_ID.toUpperCase()}&hash=${SM3}`)
  render(<VerifyScreen onScan={onScan} />)
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '扫码验章' })))
  expect(screen.getByRole('alert').textContent).toBe('这不是验章二维码：请扫描签署完成后生成的验章二维码')
  expect(mockApi.calls).toHaveLength(0)
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '扫码验章' })))
  expect(await screen.findByText('验章通过：签章真实有效，文件未被修改')).toBeTruthy()
  expect(mockApi.calls[0].json).toEqual({ recordId: RECORD_ID, documentSm3: SM3 })
  expect(screen.getByText('依据：验章二维码中的文件摘要')).toBeTruthy()
})

test('H5 (no scanner) offers no 扫码验章', () => {
  render(<VerifyScreen />)
  expect(screen.queryByRole('button', { name: '扫码验章' })).toBeNull()
})
