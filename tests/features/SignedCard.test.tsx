import { act, fireEvent, render, screen } from '@testing-library/react'
import type { SignatureRecord, SignTaskView } from '../../src/contract/esign/schemas'

const mockSave = jest.fn(async (..._args: unknown[]) => ({ via: 'download' as const }))
const mockWay = jest.fn((): 'download' | 'share-to-chat' | 'save-to-disk' | null => 'download')
const mockSaveToDisk = jest.fn(async (_url: string) => undefined)
const mockDownload = jest.fn((_url: string, _name: string) => undefined)
const mockFetch = jest.fn(async (_url: string) => 'wxfile://tmp/ses.der')
const mockShare = jest.fn(async (_path: string, _name: string) => undefined)
jest.mock('../../src/platform/files', () => ({
  saveTextFile: (...args: unknown[]) => mockSave(...args),
  calendarFileWay: () => (mockWay() === 'save-to-disk' ? null : mockWay()),
  publicFileWay: () => mockWay(),
  saveFileToDisk: (url: string) => mockSaveToDisk(url),
  isCancelled: (error: { errMsg?: string }) => /cancel/.test(error?.errMsg ?? ''),
  downloadFromUrl: (url: string, name: string) => mockDownload(url, name),
  fetchFileForSharing: (url: string) => mockFetch(url),
  shareFileToChat: (path: string, name: string) => mockShare(path, name),
}))
const mockCopy = jest.fn(async (_text: string) => undefined)
jest.mock('../../src/platform/clipboard', () => ({ copyText: (text: string) => mockCopy(text) }))
jest.mock('../../src/platform/share', () => ({ siteOrigin: () => 'https://zqt.example.gov.cn' }))

import { SignedCard } from '../../src/features/signing/SignedCard'

/** After signing: the signature file to download and the verification link, for whoever gets the document. */

const RECORD_ID = '0f8e6a52-1c7b-4d0e-9b3a-2f1e4c5d6a7b'
const SM3 = 'b'.repeat(64)
const record = {
  format: 'zqt-ses-signature/1',
  id: RECORD_ID,
  taskId: 't1',
  kind: 'seal',
  sealId: 's1',
  personalSignatureId: null,
  name: '许昌瑞丰食品有限公司合同专用章',
  signedAt: '2026-11-22T08:05:00.000Z',
  documentSm3: SM3,
  tbs: 'dGJz',
  signature: 'c2ln',
  signerPublicKey: 'PEM',
  signatureAlgorithm: '1.2.156.10197.1.501',
  digestAlgorithm: '1.2.156.10197.1.401',
  signerId: '1234567812345678',
  imageSvg: '<svg/>',
  sesSignature: 'MIIB',
} as SignatureRecord

const task: SignTaskView = {
  taskId: 't1',
  status: 'signed',
  statusLabel: '已签署',
  enterpriseUscc: '91411002MA3X7R2K06',
  documentName: '采购合同 2026/003',
  documentSm3: SM3,
  expiresAt: '2026-11-22T08:10:00.000Z',
  scannedAt: null,
  finishedAt: null,
  rejectReason: null,
  signatures: [record],
}

const LINK = `https://zqt.example.gov.cn/verify?record=${RECORD_ID}&hash=${SM3}`

beforeEach(() => {
  mockSave.mockClear()
  mockDownload.mockClear()
  mockFetch.mockClear()
  mockShare.mockClear()
})

const NAME = '许昌瑞丰食品有限公司合同专用章'
const DER_URL = `/api/v1/signature-records/${RECORD_ID}/ses-signature`

test('shows the verification link and offers the signature file for download', async () => {
  render(<SignedCard task={task} onAgain={() => undefined} />)
  expect(screen.getByText(LINK)).toBeTruthy()
  const name = NAME
  await act(async () => fireEvent.click(screen.getByRole('button', { name: `下载签章记录 JSON（${name}）` })))
  const [fileName, text, mimeType] = mockSave.mock.calls[0]
  expect(fileName).toBe(`签章记录-采购合同_2026_003-${name}.json`)
  expect(JSON.parse(text as string)).toEqual(record)
  expect(mimeType).toBe('application/json')
  expect(screen.getByText('已开始下载签章记录')).toBeTruthy()
  await act(async () => fireEvent.click(screen.getByRole('button', { name: `复制验章链接（${name}）` })))
  expect(mockCopy).toHaveBeenCalledWith(LINK)
  expect(screen.getByText('验章链接已复制')).toBeTruthy()
})

test('a refused task offers no verification', () => {
  render(
    <SignedCard
      task={{ ...task, status: 'rejected', statusLabel: '已拒绝', signatures: [] }}
      onAgain={() => undefined}
    />,
  )
  expect(screen.getByText('已拒绝')).toBeTruthy()
  expect(screen.queryByText(/验章链接/)).toBeNull()
})

test('where no file can reach the user (Alipay, in-app browsers) only the link and its QR are offered', () => {
  mockWay.mockReturnValue(null)
  try {
    render(<SignedCard task={task} onAgain={() => undefined} />)
    expect(screen.getByText(LINK)).toBeTruthy()
    expect(screen.getByRole('img', { name: '验章二维码' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: /下载签章/ })).toBeNull()
  } finally {
    mockWay.mockReturnValue('download')
  }
})

test('downloads the GB/T 38540 signature file (DER) from the server and shows the verification QR', async () => {
  render(<SignedCard task={task} onAgain={() => undefined} />)
  const qr = screen.getByRole('img', { name: '验章二维码' })
  expect(qr.getAttribute('src')).toBe(`/api/v1/signature-records/${RECORD_ID}/verification-qr`)
  await act(async () => fireEvent.click(screen.getByRole('button', { name: `下载签章文件（${NAME}）` })))
  expect(mockDownload).toHaveBeenCalledWith(DER_URL, `签章文件-采购合同_2026_003-${NAME}.der`)
  expect(screen.getByText('已开始下载签章文件')).toBeTruthy()
})

test('WeChat: the DER is fetched ahead and sent to a chat from the tap', async () => {
  mockWay.mockReturnValue('share-to-chat')
  try {
    render(<SignedCard task={task} onAgain={() => undefined} />)
    expect(mockFetch).toHaveBeenCalledWith(DER_URL)
    const button = await screen.findByRole('button', { name: `下载签章文件（${NAME}）` })
    await act(async () => fireEvent.click(button))
    expect(mockShare).toHaveBeenCalledWith('wxfile://tmp/ses.der', `签章文件-采购合同_2026_003-${NAME}.der`)
    expect(screen.getByText('签章文件已发送')).toBeTruthy()
  } finally {
    mockWay.mockReturnValue('download')
  }
})

test('Alipay: the DER is saved to the phone where the client can; the JSON record is not offered', async () => {
  mockWay.mockReturnValue('save-to-disk')
  try {
    render(<SignedCard task={task} onAgain={() => undefined} />)
    expect(screen.queryByRole('button', { name: /下载签章记录/ })).toBeNull()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: `下载签章文件（${NAME}）` })))
    expect(mockSaveToDisk).toHaveBeenCalledWith(DER_URL)
    expect(screen.getByText('签章文件已保存到手机')).toBeTruthy()
  } finally {
    mockWay.mockReturnValue('download')
  }
})

test('a record made before the seal CA has no DER to offer', () => {
  render(<SignedCard task={{ ...task, signatures: [{ ...record, sesSignature: null }] }} onAgain={() => undefined} />)
  expect(screen.queryByRole('button', { name: `下载签章文件（${NAME}）` })).toBeNull()
  expect(screen.getByRole('img', { name: '验章二维码' })).toBeTruthy()
})
