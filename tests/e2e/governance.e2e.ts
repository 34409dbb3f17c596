// 用章规则 and 双人审批 (issue #15 items 7, 8, 12) in Chromium against the real server (sandbox face):
// the legal representative claims the seals and, on the seal's screen, limits the 合同专用章 to an
// hour of the day that is not now; a task confirmed now is refused with the reason on screen and
// reads rejected (with its refusal code) to the system. Then a contract above the amount needs a
// second approver: the legal representative's confirmation leaves it 待第二人确认 (shown on screen and
// to the system), and only the handler's confirmation signs it, once.
// No clock is faked: the hours chosen always exclude the current China hour.
import type { Browser, Page } from 'playwright-core'
import { api, launchBrowser, newPhonePage, onScreen, signIn, startServer, type RunningServer } from './harness'
import { expectNoSeriousAxe } from './harness'

let server: RunningServer
let browser: Browser

const ZHANG = { phone: '13800000001', name: '张建国', idNumber: '411002197803150371' }
const WANG = { phone: '13800000003' }
const STRANGER = { name: '赵六', idNumber: '11010519491231002X' }
const PIN = '258036'

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

function field(page: Page, placeholder: string) {
  return onScreen(page).locator(`input[placeholder="${placeholder}"]`)
}

/** An hour window (China time) that does not contain the current hour, e.g. now 09:xx → 11:00–12:00. */
function hoursExcludingNow(): { from: string; to: string } {
  const hour = new Date(Date.now() + 8 * 3_600_000).getUTCHours()
  let start = (hour + 2) % 24
  if (start === 23) start = 1
  const pad = (n: number) => `${String(n).padStart(2, '0')}:00`
  return { from: pad(start), to: pad(start + 1) }
}

async function loginToken(phone: string): Promise<string> {
  const login = await api(server, 'POST', '/api/v1/auth/login', {
    platform: 'h5',
    code: `sandbox:${phone}`,
    consentVersion: '2026-11-01',
  })
  expect(login.status).toBe(200)
  return login.body.token
}

/** A sandbox face ticket for `purpose`, through the API (the handler's side is not on screen). */
async function faceTicketFor(token: string, purpose: string): Promise<string> {
  const started = await api(server, 'POST', '/api/v1/face/sessions', { purpose, ...STRANGER, platform: 'h5' }, token)
  expect(started.status).toBe(201)
  const done = await api(
    server,
    'POST',
    `/api/v1/face/sessions/${started.body.sessionId}/complete`,
    { clientResult: { sandboxOutcome: 'pass' } },
    token,
  )
  expect(done.status).toBe(200)
  return done.body.ticket
}

test('a rule refuses a task outside hours with the reason on screen; a two-person task signs only after both confirm', async () => {
  const { page, errors } = await newPhonePage(browser)
  const screen = onScreen(page)
  await signIn(page, server)
  const current = await screen.getByRole('link', { name: /^当前企业：/ }).getAttribute('aria-label')
  const enterpriseName = current!.replace(/^当前企业：|，查看企业信息$/g, '')

  // Face, then claim the seals (PIN twice, then face again).
  await page.goto(`${server.baseUrl}/#/packages/seals/pages/face/index`)
  await field(page, '请输入姓名').fill(ZHANG.name)
  await field(page, '请输入身份证号').fill(ZHANG.idNumber)
  await screen.getByRole('button', { name: '开始刷脸' }).click()
  await screen.getByRole('button', { name: '沙箱：模拟通过' }).click()
  await screen.getByText('刷脸认证通过').waitFor()
  await page.goto(`${server.baseUrl}/#/packages/seals/pages/seals/index`)
  await screen.getByText('领取电子印章').first().waitFor()
  await field(page, '签署密码').fill(PIN)
  await field(page, '再次输入签署密码').fill(PIN)
  await screen.getByRole('button', { name: '下一步：刷脸领取' }).click()
  await screen.getByRole('button', { name: '开始刷脸' }).click()
  await screen.getByRole('button', { name: '沙箱：模拟通过' }).click()
  await screen.getByText('合同专用章', { exact: true }).waitFor()

  // 用章规则 on the seal's screen: hours that exclude now, confirmed before saving.
  const hours = hoursExcludingNow()
  await screen.getByRole('button', { name: '合同专用章用章规则' }).click()
  await screen.getByText('用章规则：合同专用章').waitFor()
  await screen.getByRole('switch', { name: '限定用章时间' }).click()
  await field(page, '08:00').fill(hours.from)
  await field(page, '20:00').fill(hours.to)
  await expectNoSeriousAxe(page, '用章规则')
  await screen.getByRole('button', { name: '保存用章规则' }).click()
  const dialog = page.locator('.taro-modal__content')
  await dialog.getByText(`用章时间 ${hours.from}–${hours.to}（北京时间）`, { exact: false }).waitFor()
  await dialog.locator('.taro-modal__foot').getByText('保存', { exact: true }).click()
  await screen.getByRole('button', { name: '合同专用章用章规则' }).waitFor()

  // A document system asks for the 合同专用章; confirmed now (outside the hours) → refused, reason on screen.
  const rep = await loginToken(ZHANG.phone)
  const enterprises = await api(server, 'GET', '/api/v1/enterprises', undefined, rep)
  const enterprise = enterprises.body.find((e: { name: string }) => e.name === enterpriseName)
  const system = await api(server, 'POST', '/api/v1/admin/systems', {
    name: '许昌市合同管理平台',
    scopes: ['sign-tasks'],
  })
  expect(system.status).toBe(201)
  const newTask = (name: string, extra: Record<string, unknown> = {}) =>
    api(
      server,
      'POST',
      '/api/v1/sign-tasks',
      {
        enterpriseUscc: enterprise.uscc,
        signers: [{ sealType: 'contract' }],
        documentName: name,
        documentSm3: 'b'.repeat(64),
        documentType: 'contract',
        ...extra,
      },
      system.body.apiKey,
    )
  const outside = await newTask('场地租赁合同')
  expect(outside.status).toBe(201)
  await page.goto(`${server.baseUrl}${new URL(outside.body.qrContent).pathname}`)
  await screen.getByText('场地租赁合同').first().waitFor()
  const usePin = screen.getByRole('button', { name: '改用签署密码确认' })
  if (await usePin.count()) await usePin.click()
  await field(page, '6 位数字签署密码').fill(PIN)
  await screen.getByRole('button', { name: '确认签署' }).click()
  await screen.getByText(/当前不在该印章的用章时间内/).waitFor()
  await screen.getByText(`${hours.from}–${hours.to}`, { exact: false }).first().waitFor()
  const refused = await api(server, 'GET', `/api/v1/sign-tasks/${outside.body.taskId}`, undefined, system.body.apiKey)
  expect(refused.body).toMatchObject({ status: 'rejected', refusalCode: 'outside-hours', signatures: [] })

  // 双人审批: the handler 王磊 holds a grant of the 合同专用章 and is named as second approver.
  const seals = await api(server, 'GET', `/api/v1/enterprises/${enterprise.id}/seals`, undefined, rep)
  const contract = seals.body.seals.find((s: { type: string }) => s.type === 'contract')
  const wang = await loginToken(WANG.phone)
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
  const grant = await api(
    server,
    'POST',
    `/api/v1/enterprises/${enterprise.id}/seal-grants`,
    { grantee: { phone: WANG.phone }, sealIds: [contract.id], validUntil: until, pin: PIN },
    rep,
  )
  expect(grant.status).toBe(201)
  expect((await api(server, 'POST', `/api/v1/seal-grants/${grant.body.id}/accept`, undefined, wang)).status).toBe(200)
  const rulesUrl = `/api/v1/enterprises/${enterprise.id}/seals/${contract.id}/rules`
  const view = await api(server, 'GET', rulesUrl, undefined, rep)
  const handler = view.body.candidates.approvers.find((a: { role: string }) => a.role === 'handler')
  const saved = await api(
    server,
    'PUT',
    rulesUrl,
    {
      systemIds: [],
      documentTypes: [],
      hours: null,
      workingDaysOnly: false,
      dailyLimit: null,
      secondApproval: { minAmountFen: 10_000_000, approverUserIds: [handler.userId] },
    },
    rep,
  )
  expect(saved.status).toBe(200)

  const big = await newTask('设备采购合同', { amountFen: 25_000_000 })
  expect(big.status).toBe(201)
  await page.goto(`${server.baseUrl}${new URL(big.body.qrContent).pathname}`)
  await screen.getByText('设备采购合同').first().waitFor()
  await screen.getByText(/本文件需两人确认/).waitFor()
  await screen.getByText(/金额：250,000.00 元/).waitFor()
  if (await usePin.count()) await usePin.click()
  await field(page, '6 位数字签署密码').fill(PIN)
  await screen.getByRole('button', { name: '确认签署' }).click()
  await screen.getByText('待第二人确认', { exact: true }).waitFor()
  await screen.getByText(/还需以下任一人扫码确认：王\*/).waitFor()
  await expectNoSeriousAxe(page, '待第二人确认')
  const waiting = await api(server, 'GET', `/api/v1/sign-tasks/${big.body.taskId}`, undefined, system.body.apiKey)
  expect(waiting.body).toMatchObject({ status: 'awaiting_second', statusLabel: '待第二人确认', signatures: [] })

  // The same person again is refused; the handler scans the same code and confirms by face → signed, once.
  const again = await api(server, 'POST', `/api/v1/sign-tasks/${big.body.taskId}/confirm`, { pin: PIN }, rep)
  expect(again.body.code).toBe('SECOND_APPROVER_SAME_PERSON')
  const scanned = await api(server, 'POST', '/api/v1/sign-tasks/scan', { ticket: big.body.ticket }, wang)
  expect(scanned.status).toBe(200)
  expect(scanned.body.approval.firstConfirmedBy).toBe('张*国')
  const ticket = await faceTicketFor(wang, `sign:${big.body.taskId}`)
  const second = await api(server, 'POST', `/api/v1/sign-tasks/${big.body.taskId}/confirm`, { ticket }, wang)
  expect(second.status).toBe(200)
  expect(second.body.status).toBe('signed')
  const done = await api(server, 'GET', `/api/v1/sign-tasks/${big.body.taskId}`, undefined, system.body.apiKey)
  expect(done.body.status).toBe('signed')
  expect(done.body.signatures).toHaveLength(1)
  expect(errors).toEqual([])
})
