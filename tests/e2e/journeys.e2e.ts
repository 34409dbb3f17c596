// Signed out and lost, in Chromium against the real server: 工作台 signed out offers what needs no
// account (and the 政策计算器 opens without one); an address the app does not have shows 页面不存在
// with a way home, not a blank page or the login prompt.
import type { Browser } from 'playwright-core'
import { launchBrowser, newPhonePage, startServer, type RunningServer } from './harness'

let server: RunningServer
let browser: Browser
const visible = { visible: true }

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

test('signed out, 工作台 offers the open services; the calculator opens without an account', async () => {
  const { page, errors } = await newPhonePage(browser)
  await page.goto(`${server.baseUrl}/`)
  await page.getByText('欢迎使用政企通').filter(visible).waitFor()
  for (const name of ['惠企政策', '政策计算器', '匿名诉求', '查询码查进度', '验章']) {
    await page.getByRole('link', { name, exact: true }).filter(visible).waitFor()
  }
  await page.getByRole('button', { name: '去登录' }).filter(visible).waitFor()
  await page.getByRole('link', { name: '政策计算器', exact: true }).click()
  await page.waitForURL(/policies\/pages\/calculator/)
  await page.getByText('第 1 / 13 步 · 已填写 0 项', { exact: true }).filter(visible).waitFor()
  expect(page.url()).toMatch(/policies\/pages\/calculator/)
  expect(errors).toEqual([])
})

test('an unknown address shows 页面不存在 with 返回首页', async () => {
  const { page, errors } = await newPhonePage(browser)
  await page.goto(`${server.baseUrl}/#/pages/no-such-page/index`)
  await page.getByText('页面不存在', { exact: true }).filter(visible).first().waitFor()
  await page.getByRole('button', { name: '返回首页' }).filter(visible).click()
  await page.getByText('欢迎使用政企通').filter(visible).waitFor()
  expect(errors).toEqual([])
})
