// Foundation flow in Chromium against the real server: sandbox login → 工作台 shows the
// enterprise → switch enterprise → 长辈版 makes text larger → a reload keeps both.
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, newPhonePage, onScreen, startServer, tab, type RunningServer } from './harness'
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

async function fontSizeOf(page: Page, text: string): Promise<number> {
  const size = await onScreen(page)
    .getByText(text, { exact: true })
    .first()
    .evaluate((el) => getComputedStyle(el).fontSize)
  return parseFloat(size)
}

test('sandbox login, switch enterprise, 长辈版, and both survive a reload', async () => {
  const { page, errors } = await newPhonePage(browser)
  const screen = onScreen(page)
  // No page asset (a favicon included) may be missing.
  const missing: string[] = []
  page.on('response', (response) => {
    const { pathname } = new URL(response.url())
    if (response.status() === 404 && !pathname.startsWith('/api/')) missing.push(pathname)
  })
  await page.goto(`${server.baseUrl}/`)

  await screen.getByRole('button', { name: '去登录' }).waitFor()
  await expectNoSeriousAxe(page, '工作台（未登录）')
  await screen.getByRole('button', { name: '去登录' }).click()
  await screen.getByRole('button', { name: '同意隐私政策并继续' }).waitFor()
  await expectNoSeriousAxe(page, '登录（隐私保护提示）')
  await screen.getByRole('button', { name: '同意隐私政策并继续' }).click()
  await screen.getByRole('button', { name: /演示账号：李晓梅/ }).click()

  // 工作台 with the agent's first enterprise
  const current = screen.getByRole('link', { name: /^当前企业：/ })
  await current.waitFor()
  const firstName = (await current.getAttribute('aria-label'))!.replace(/^当前企业：|，查看企业信息$/g, '')
  expect(firstName).toMatch(/有限公司|合作社|厂|店/)
  await expectNoSeriousAxe(page, '工作台')

  // 我的: switch to another enterprise in one tap
  await tab(page, '我的').click()
  await screen.getByText('手机号：138****0002').waitFor()
  await expectNoSeriousAxe(page, '我的')
  const other = screen.getByRole('button', { name: /^切换到/ }).first()
  const otherName = (await other.getAttribute('aria-label'))!.replace(/^切换到/, '')
  await other.click()
  await screen.getByRole('button', { name: `当前企业：${otherName}` }).waitFor()

  // 长辈版 makes the text larger
  const before = await fontSizeOf(page, '隐私政策')
  await screen.getByRole('switch', { name: '长辈版' }).click()
  await page.waitForFunction(() => document.querySelector('[data-elder="on"]') !== null)
  const after = await fontSizeOf(page, '隐私政策')
  expect(after).toBeGreaterThan(before * 1.2)
  await expectNoSeriousAxe(page, '我的（长辈版）')

  // A reload keeps the session, the chosen enterprise and 长辈版
  await page.reload()
  await tab(page, '工作台').click()
  await screen.getByRole('link', { name: `当前企业：${otherName}，查看企业信息` }).waitFor()
  expect(await page.locator('[data-elder="on"]').count()).toBeGreaterThan(0)
  expect(errors).toEqual([])
  expect(missing).toEqual([])
})
