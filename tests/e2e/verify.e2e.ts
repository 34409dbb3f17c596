// 验章 without an account (issue #15 items 5, 6; #12 item 4): a document signed through the app (the
// seals claimed through the API, the sign task opened from its QR route and confirmed by PIN in the
// browser), then — in a fresh browser context with no session — the signed file and the downloaded
// GB/T 38540 signature file (DER) chosen on the 验章 page: every step ✓; one byte of the document
// changed: 原文杂凑 ✗; the link the verification QR encodes opens the same verdict; the signed
// 验章回执 downloads.
import { readFileSync } from 'node:fs'
import type { Browser, Locator, Page } from 'playwright-core'
import QRCode from 'qrcode'
import { sm3Hex } from '../../server/capabilities/esign/signing/sm2'
import {
  api,
  expectNoSeriousAxe,
  launchBrowser,
  newPhonePage,
  onScreen,
  signIn,
  startServer,
  type RunningServer,
} from './harness'

let server: RunningServer
let browser: Browser

const ZHANG = { phone: '13800000001', name: '张建国', idNumber: '411002197803150371' }
const PIN = '258036'

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** 张建国 claims his first enterprise's seals through the API (sandbox face, then PIN). */
async function claimSeals(): Promise<{ uscc: string; name: string }> {
  const login = await api(server, 'POST', '/api/v1/auth/login', {
    platform: 'h5',
    code: `sandbox:${ZHANG.phone}`,
    consentVersion: '2026-11-01',
  })
  expect(login.status).toBe(200)
  const token = login.body.token as string
  const face = await api(
    server,
    'POST',
    '/api/v1/face/sessions',
    { purpose: 'claim-seal', name: ZHANG.name, idNumber: ZHANG.idNumber, platform: 'h5' },
    token,
  )
  expect(face.status).toBe(201)
  const passed = await api(
    server,
    'POST',
    `/api/v1/face/sessions/${face.body.sessionId}/complete`,
    { clientResult: { sandboxOutcome: 'pass' } },
    token,
  )
  expect(passed.status).toBe(200)
  const enterprises = await api(server, 'GET', '/api/v1/enterprises', undefined, token)
  const enterprise = enterprises.body.find((e: { name: string }) => e.name === '许昌瑞丰食品有限公司')
  const claimed = await api(
    server,
    'POST',
    `/api/v1/enterprises/${enterprise.id}/seals/claim`,
    { ticket: passed.body.ticket, pin: PIN },
    token,
  )
  expect(claimed.status).toBe(201)
  return { uscc: enterprise.uscc, name: enterprise.name }
}

/** Picks `file` in the browser's file chooser that tapping `button` opens. */
async function chooseFile(page: Page, button: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    onScreen(page).getByRole('button', { name: button }).click(),
  ])
  await chooser.setFiles(file)
}

async function expectText(locator: Locator, text: string) {
  await locator.waitFor()
  expect((await locator.textContent())?.replace(/\s+/g, '')).toContain(text.replace(/\s+/g, ''))
}

const STEP_KEYS = [
  'signatureValue',
  'signerCertificate',
  'signerAuthorisedAtSigningTime',
  'sealData',
  'certificateStatus',
  'sealValidity',
  'documentHash',
  'timestamp',
]

async function stepMarks(screen: Locator): Promise<Record<string, string>> {
  const marks: Record<string, string> = {}
  for (const key of STEP_KEYS) {
    const text = (await screen.locator(`[data-check="${key}"]`).textContent()) ?? ''
    marks[key] = text.trim().slice(0, 1)
  }
  return marks
}

const allPassed = Object.fromEntries(STEP_KEYS.map((key) => [key, '✓']))

test('a document signed in the app is verified signed out by its two files, and by the link its QR encodes', async () => {
  const enterprise = await claimSeals()
  const system = await api(server, 'POST', '/api/v1/admin/systems', {
    name: '许昌市合同管理平台',
    scopes: ['sign-tasks'],
  })
  expect(system.status).toBe(201)
  const documentBytes = Buffer.from(`%PDF-1.7\n食品原料采购合同 验章\n甲方：${enterprise.name}\n%%EOF\n`)
  const task = await api(
    server,
    'POST',
    '/api/v1/sign-tasks',
    {
      enterpriseUscc: enterprise.uscc,
      signers: [{ sealType: 'contract' }],
      documentName: '食品原料采购合同.pdf',
      document: documentBytes.toString('base64'),
    },
    system.body.apiKey,
  )
  expect(task.status).toBe(201)

  // Signed in the app: the QR's route → preview → PIN.
  const { page, errors } = await newPhonePage(browser)
  const screen = onScreen(page)
  await signIn(page, server)
  await page.goto(`${server.baseUrl}${new URL(task.body.qrContent).pathname}`)
  await screen.getByText('食品原料采购合同.pdf').first().waitFor()
  const pin = screen.locator('input[placeholder="6 位数字签署密码"]')
  if ((await pin.count()) === 0) await screen.getByRole('button', { name: '改用签署密码确认' }).click()
  await pin.fill(PIN)
  await screen.getByRole('button', { name: '确认签署' }).click()
  await screen.getByText('已签署', { exact: true }).waitFor()

  const done = await api(server, 'GET', `/api/v1/sign-tasks/${task.body.taskId}`, undefined, system.body.apiKey)
  const record = done.body.signatures[0]
  const link = `${server.baseUrl}/verify?record=${record.id}&hash=${sm3Hex(documentBytes)}`
  await screen.getByText(link).waitFor()

  // The verification QR: an image named 验章二维码 that loaded, encoding exactly the link shown.
  const qr = screen.getByRole('img', { name: '验章二维码' })
  await qr.waitFor()
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('img[alt="验章二维码"]')).some(
      (img) => (img as HTMLImageElement).naturalWidth > 0,
    ),
  )
  const qrResponse = await fetch(`${server.baseUrl}/api/v1/signature-records/${record.id}/verification-qr`)
  expect(qrResponse.headers.get('x-verification-link')).toBe(link)
  const qrPng = Buffer.from(await qrResponse.arrayBuffer())
  const expectedPng = await QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 })
  expect(qrPng.equals(expectedPng)).toBe(true)
  await expectNoSeriousAxe(page, '已签署（验章二维码）')

  // 下载签章文件: the GB/T 38540 DER, as the public endpoint serves it.
  const sealName = `${enterprise.name}合同专用章`
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    screen.getByRole('button', { name: `下载签章文件（${sealName}）` }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.der$/)
  const der = readFileSync((await download.path())!)
  expect(der[0]).toBe(0x30)
  expect(der.equals(Buffer.from(record.sesSignature, 'base64'))).toBe(true)
  expect(errors).toEqual([])

  // Signed out (a fresh browser context, no session): 验章 by choosing the document and the DER.
  const visitor = await newPhonePage(browser)
  const outside = onScreen(visitor.page)
  await visitor.page.goto(`${server.baseUrl}/#/packages/seals/pages/verify/index`)
  await chooseFile(visitor.page, '选择已签署的文件', {
    name: '食品原料采购合同.pdf',
    mimeType: 'application/pdf',
    buffer: documentBytes,
  })
  await chooseFile(visitor.page, '选择签章文件', {
    name: download.suggestedFilename(),
    mimeType: 'application/octet-stream',
    buffer: der,
  })
  await outside.getByText('验章通过：签章真实有效，文件未被修改').waitFor()
  expect(await stepMarks(outside)).toEqual(allPassed)
  await expectText(outside.locator('[data-check="signerCertificate"]'), '✓ 签章人证书与印章绑定：')
  await expectText(outside.locator('[data-check="timestamp"]'), '✓ 时间戳：可信时间')
  await expectNoSeriousAxe(visitor.page, '验章（签章文件 DER）')

  // 下载验章回执: the signed JSON receipt, saying what the page says.
  const [receiptDownload] = await Promise.all([
    visitor.page.waitForEvent('download'),
    outside.getByRole('button', { name: '下载验章回执' }).click(),
  ])
  const receipt = JSON.parse(readFileSync((await receiptDownload.path())!, 'utf8'))
  expect(receipt.format).toBe('zqt-verification-receipt/1')
  expect(JSON.parse(receipt.payload)).toMatchObject({
    recordId: record.id,
    documentSm3: sm3Hex(documentBytes),
    valid: true,
    verdict: '验章通过：签章真实有效，文件未被修改',
  })

  // One byte of the document changed: 原文杂凑 ✗, nothing else.
  const tampered = Buffer.from(documentBytes)
  tampered[12] ^= 0x01
  await chooseFile(visitor.page, '选择已签署的文件', {
    name: '改过的合同.pdf',
    mimeType: 'application/pdf',
    buffer: tampered,
  })
  await outside.getByText('验章未通过：文件已被修改，或不是签章的那份文件').waitFor()
  expect(await stepMarks(outside)).toEqual({ ...allPassed, documentHash: '✗' })
  await expectNoSeriousAxe(visitor.page, '验章未通过（原文杂凑）')

  // The link the QR encodes, opened signed out: the same verdict at once.
  await visitor.page.goto(qrResponse.headers.get('x-verification-link')!)
  const viaLink = onScreen(visitor.page)
  await viaLink.getByText('验章通过：签章真实有效，文件未被修改').waitFor()
  await viaLink.getByText('依据：验章链接中的文件摘要').waitFor()
  expect(await stepMarks(viaLink)).toEqual(allPassed)
  await expectNoSeriousAxe(visitor.page, '验章（验章链接）')
  expect(visitor.errors).toEqual([])
  await visitor.page.context().close()
  await page.context().close()
})
