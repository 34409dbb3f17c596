import { act, fireEvent, render, screen } from '@testing-library/react'
import type { SignTaskPreview } from '../../src/contract/esign/schemas'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))
const mockFiles = {
  downloadProtectedFile: jest.fn(async (_url: string, _headers: Record<string, string>) => 'blob:doc'),
  openPdfDocument: jest.fn(async (_path: string) => undefined),
  /** The platform's capability: H5 shows a PDF in the page; the mini-programs open their viewer. */
  pdfInPage: false,
}
jest.mock('../../src/platform/files', () => ({
  downloadProtectedFile: (url: string, headers: Record<string, string>) =>
    mockFiles.downloadProtectedFile(url, headers),
  openPdfDocument: (path: string) => mockFiles.openPdfDocument(path),
  get pdfInPage() {
    return mockFiles.pdfInPage
  },
}))
const mockLoadImage = jest.fn(async (_url: string, _headers: Record<string, string>) => 'blob:image')
jest.mock('../../src/platform/media', () => ({
  loadProtectedImage: (url: string, headers: Record<string, string>) => mockLoadImage(url, headers),
  previewPhotos: jest.fn(),
}))

import { SignScreen } from '../../src/features/signing/SignScreen'
import { useSession } from '../../src/core/session'

/** 扫码签章 — see what you sign: the document opens before confirming; the hash waits under 详细信息. */

const TICKET = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'
const TASK = 't0000000-0000-4000-8000-000000000001'
const SM3 = 'c'.repeat(64)
const VIEW_PATH = `/sign-tasks/${TASK}/document?view=1767225600.${'A'.repeat(43)}`

const previewWith = (document: SignTaskPreview['document']): SignTaskPreview => ({
  taskId: TASK,
  documentName: '食品原料采购合同',
  documentSm3: SM3,
  requestedBy: '许昌市公共资源交易系统',
  enterprise: { id: 'e1', name: '许昌瑞丰食品有限公司', uscc: '91411000MA9G5R2K3B' },
  signers: [{ kind: 'seal', sealType: 'contract', sealId: 's1', sealName: '合同专用章', imageSvg: '<svg/>' }],
  expiresAt: new Date(Date.now() + 300_000).toISOString(),
  facePurpose: `sign:${TASK}`,
  pinAvailable: true,
  document,
})

async function openTask(document: SignTaskPreview['document']) {
  mockApi.on('POST', '/api/v1/sign-tasks/scan', () => ({ body: previewWith(document) }))
  render(<SignScreen initialInput={TICKET} />)
  expect(await screen.findByText('食品原料采购合同')).toBeTruthy()
}

beforeEach(() => {
  mockApi.calls.length = 0
  mockFiles.downloadProtectedFile.mockClear()
  mockFiles.openPdfDocument.mockClear()
  mockLoadImage.mockClear()
  mockFiles.pdfInPage = false
  useSession.getState().signedIn(loginResponse())
})

test('H5: the PDF is shown in the page, in a named frame of its same-origin view link, with a link to open it in a tab', async () => {
  mockFiles.pdfInPage = true
  await openTask({
    kind: 'pdf',
    mimeType: 'application/pdf',
    sizeBytes: 204_800,
    path: `/sign-tasks/${TASK}/document`,
    viewPath: VIEW_PATH,
  })
  const frame = screen.getByTitle('签署文件：食品原料采购合同')
  expect(frame.tagName).toBe('IFRAME')
  expect(frame.getAttribute('src')).toBe(`/api/v1${VIEW_PATH}`)
  const fallback = screen.getByRole('link', { name: '在新窗口打开' })
  expect(fallback.getAttribute('href')).toBe(`/api/v1${VIEW_PATH}`)
  expect(fallback.getAttribute('target')).toBe('_blank')
  expect(fallback.getAttribute('rel')).toContain('noopener')
  // Nothing downloaded, no new tab opened by script: the frame is the viewer.
  expect(mockFiles.downloadProtectedFile).not.toHaveBeenCalled()
  expect(mockFiles.openPdfDocument).not.toHaveBeenCalled()
  expect(screen.queryByText('已查看文件，请核对无误后再确认签署')).toBeNull()
  fireEvent.load(frame)
  expect(screen.getByText('已查看文件，请核对无误后再确认签署')).toBeTruthy()
})

test('mini-programs: a PDF opens in the platform viewer, fetched with the session, before confirming', async () => {
  await openTask({
    kind: 'pdf',
    mimeType: 'application/pdf',
    sizeBytes: 204_800,
    path: `/sign-tasks/${TASK}/document`,
    viewPath: VIEW_PATH,
  })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '查看文件（PDF，200 KB）' })))
  expect(mockFiles.downloadProtectedFile).toHaveBeenCalledWith(`/api/v1/sign-tasks/${TASK}/document`, {
    Authorization: `Bearer ${useSession.getState().token}`,
  })
  expect(mockFiles.openPdfDocument).toHaveBeenCalledWith('blob:doc')
  expect(screen.getByText('已查看文件，请核对无误后再确认签署')).toBeTruthy()
  // Still confirmable: opening is offered, the confirmation stays where it was.
  expect(screen.getByRole('button', { name: '拒绝签署' })).toBeTruthy()
})

test('a failed download says so and lets the signer try again', async () => {
  mockFiles.downloadProtectedFile.mockRejectedValueOnce(new Error('HTTP 404'))
  await openTask({
    kind: 'pdf',
    mimeType: 'application/pdf',
    sizeBytes: 100,
    path: `/sign-tasks/${TASK}/document`,
    viewPath: VIEW_PATH,
  })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '查看文件（PDF，100 B）' })))
  expect(screen.getByRole('alert').textContent).toBe('文件打开失败，请重试')
  expect(mockFiles.openPdfDocument).not.toHaveBeenCalled()
})

test('an image is shown in place', async () => {
  await openTask({
    kind: 'image',
    mimeType: 'image/png',
    sizeBytes: 5000,
    path: `/sign-tasks/${TASK}/document`,
    viewPath: VIEW_PATH,
  })
  expect(await screen.findByRole('img', { name: '签署文件：食品原料采购合同' })).toBeTruthy()
  expect(mockLoadImage.mock.calls[0][0]).toBe(`/api/v1/sign-tasks/${TASK}/document`)
})

test('the SM3 digest is folded under 详细信息', async () => {
  await openTask(null)
  expect(screen.queryByText(SM3)).toBeNull()
  expect(screen.getByText('业务系统未提供文件原文：请在业务系统中核对文件内容后再签署。')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '详细信息' }))
  expect(screen.getByText(SM3)).toBeTruthy()
})

test('a format the phone cannot show says where to check it', async () => {
  await openTask({
    kind: 'other',
    mimeType: 'application/octet-stream',
    sizeBytes: 3 * 1024 * 1024,
    path: '/x',
    viewPath: '/x?view=1',
  })
  expect(screen.getByText(/不能在手机上预览/)).toBeTruthy()
  expect(screen.queryByRole('button', { name: /查看文件/ })).toBeNull()
})
