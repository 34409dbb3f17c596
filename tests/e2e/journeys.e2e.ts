// Signed out and lost, in Chromium against the real server: 工作台 signed out offers what needs no
// account (and the 政策计算器 opens without one); an address the app does not have shows 页面不存在
// with a way home, not a blank page or the login prompt.
import type { Browser } from 'playwright-core'
import { launchBrowser, newPhonePage, onScreen, startServer, type RunningServer } from './harness'
import { expectNoSeriousAxe } from './harness'

let server: RunningServer
let browser: Browser

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
  const screen = onScreen(page)
  await screen.getByText('欢迎使用政企通').waitFor()
  for (const name of ['惠企政策', '政策计算器', '匿名诉求', '查询码查进度', '验章']) {
    await screen.getByRole('link', { name, exact: true }).waitFor()
  }
  await screen.getByRole('button', { name: '去登录' }).waitFor()
  await expectNoSeriousAxe(page, '工作台（未登录）')
  await screen.getByRole('link', { name: '政策计算器', exact: true }).click()
  await page.waitForURL(/policies\/pages\/calculator/)
  await screen.getByText('第 1 / 13 步 · 已填写 0 项', { exact: true }).waitFor()
  await expectNoSeriousAxe(page, '政策计算器')
  expect(page.url()).toMatch(/policies\/pages\/calculator/)
  expect(errors).toEqual([])
})

test('an unknown address shows 页面不存在 with 返回首页', async () => {
  const { page, errors } = await newPhonePage(browser)
  await page.goto(`${server.baseUrl}/#/pages/no-such-page/index`)
  const screen = onScreen(page)
  await screen.getByText('页面不存在', { exact: true }).first().waitFor()
  await expectNoSeriousAxe(page, '页面不存在')
  await screen.getByRole('button', { name: '返回首页' }).click()
  await screen.getByText('欢迎使用政企通').waitFor()
  expect(errors).toEqual([])
})
