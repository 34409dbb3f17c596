// 许证闹钟 in Chromium against the real server: add a licence expiring in 20 days → its status
// and countdown follow its type's lead rule; run the reminder job → the inbox shows the alert
// with a badge; mark 已提交续期; offline → the wallet still shows under 离线.
import type { Browser, Page } from 'playwright-core'
import { addDays, chinaDateOf } from '../../src/domain/calendar/dates'
import { renewalDeadline } from '../../src/domain/licences/deadline'
import { api, launchBrowser, newPhonePage, startServer, type RunningServer } from './harness'

let server: RunningServer
let browser: Browser

// A city's own licence type, added as data: the national catalogue has no lead time under 20 days.
const CITY_TYPE = {
  code: 'outdoor-advertising',
  name: '户外广告设施设置许可证',
  authorityKind: 'administrative-approval',
  validityYears: 3,
  leadRule: { kind: 'calendarDays', days: 10 },
  procedure: 'renewal',
  materials: ['延续申请书', '设施安全检测报告'],
  applyAt: '市城市管理局窗口',
  source: '某市户外广告设施设置管理办法（演示数据）',
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  const added = await api(server, 'PUT', '/api/v1/admin/licence-types', { types: [CITY_TYPE] })
  expect(added.status).toBe(200)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signIn(page: Page, demo: RegExp) {
  await page.goto(`${server.baseUrl}/#/pages/login/index`)
  await page.getByRole('button', { name: '同意隐私政策并继续' }).click()
  await page.getByRole('button', { name: demo }).click()
  await page.getByRole('link', { name: /^当前企业：/ }).waitFor()
}

test('a licence expiring in 20 days: status, reminder in the inbox, renewal started, offline wallet', async () => {
  const { page, errors } = await newPhonePage(browser)
  await signIn(page, /演示账号：张建国/)

  const today = chinaDateOf(Date.now())
  const expiresOn = addDays(today, 20)
  const deadline = renewalDeadline(expiresOn, { kind: 'calendarDays', days: 10 })
  const daysLeft = (Date.parse(deadline.latestApplyOn) - Date.parse(today)) / 86400000
  const expectedStatus = daysLeft <= 7 ? '需立即办理' : '临近续期'

  await page.getByText('证照', { exact: true }).last().click()
  await page.getByRole('button', { name: '添加证照' }).click()
  await page.getByRole('textbox', { name: /搜索证照类型/ }).fill('户外广告')
  await page.getByRole('option', { name: '选择户外广告设施设置许可证' }).click()
  await page.getByRole('textbox', { name: /证照编号/ }).fill('XC-HWGG-2023-0088')
  await page.getByRole('textbox', { name: /发证机关/ }).fill('许昌市城市管理局')
  await page.getByRole('textbox', { name: /^发证日期/ }).fill(addDays(expiresOn, -3 * 365))
  await page.getByRole('textbox', { name: /^有效期至/ }).fill(expiresOn)
  await page.getByRole('button', { name: '保存证照' }).click()

  // The detail page: status and countdown by the type's lead rule (10 days before expiry).
  // (Taro H5 keeps earlier pages in the DOM, hidden: only what is visible counts.)
  await page.getByText(`距续期申请截止还有 ${daysLeft} 天`).filter({ visible: true }).waitFor()
  await page.getByText(expectedStatus, { exact: true }).filter({ visible: true }).first().waitFor()
  await page.getByText(deadline.latestApplyOn).filter({ visible: true }).first().waitFor()

  // The reminder job for the day one of the default offsets (…7, 3, 1 days before) falls on.
  const offset = [7, 3, 1].find((d) => d <= daysLeft)!
  const runDate = addDays(deadline.latestApplyOn, -offset)
  const run = await api(server, 'POST', '/api/v1/admin/reminders/run', { date: runDate })
  expect(run.status).toBe(200)
  expect(run.body.delivered.inbox).toBeGreaterThan(0)

  await page.goBack()
  await page.getByText('消息', { exact: true }).last().click()
  const alert = page.getByRole('link', { name: /^未读：/ }).filter({ hasText: '户外广告设施设置许可证', visible: true })
  await alert.waitFor()
  const unread = await page.getByRole('status').filter({ visible: true }).textContent()
  const badge = await page.locator('.weui-badge').first().textContent()
  expect(unread).toBe(`${badge} 条未读`)

  // Tap through to the licence and mark the renewal as submitted.
  await alert.click()
  await page.getByRole('button', { name: '已提交续期' }).filter({ visible: true }).click()
  await page.getByRole('dialog', { name: '确认已提交续期申请？' }).getByRole('button', { name: '确认已提交' }).click()
  await page.getByText('续期办理中', { exact: true }).filter({ visible: true }).first().waitFor()

  // Offline: the wallet still shows, under 离线.
  await page.context().setOffline(true)
  await page.goto(`${server.baseUrl}/#/pages/licences/index`).catch(() => undefined)
  await page.getByText('证照', { exact: true }).last().click()
  await page.getByRole('status').filter({ hasText: '离线', visible: true }).waitFor()
  await page
    .getByRole('link', { name: /户外广告设施设置许可证，续期办理中/ })
    .filter({ visible: true })
    .waitFor()
  await page.context().setOffline(false)
  expect(errors).toEqual([])
})
