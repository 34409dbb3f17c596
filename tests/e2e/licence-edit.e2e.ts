// 编辑证照 in Chromium against the real server: 张建国 opens a licence, saves it unchanged, then
// corrects its issuing authority; both saves go through and the detail page shows the new value.
// (Every save once failed with 「请求参数有误：不支持的字段 id」: the form sent the whole record.)
import type { Browser } from 'playwright-core'
import { launchBrowser, newPhonePage, onScreen, signIn, startServer, tab, type RunningServer } from './harness'
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

test('a licence edit saves, unchanged and changed, with no field name in any message', async () => {
  const { page, errors } = await newPhonePage(browser)
  const refusals: string[] = []
  page.on('response', (response) => {
    if (response.url().includes('/api/v1/licences/') && response.status() >= 400) refusals.push(response.url())
  })
  await signIn(page, server, /演示账号：张建国/)
  const screen = onScreen(page)

  await tab(page, '证照').click()
  await screen
    .getByRole('link', { name: /，有效，/ })
    .first()
    .click()
  // Unchanged: the save goes through and the detail page is back.
  await screen.getByRole('button', { name: '编辑' }).click()
  const field = screen.getByRole('textbox', { name: /发证机关/ })
  await field.waitFor()
  await expectNoSeriousAxe(page, '编辑证照')
  const authority = await field.inputValue()
  expect(authority).not.toBe('')
  await screen.getByRole('button', { name: '保存证照' }).click()
  await screen.getByRole('button', { name: '已换新证' }).waitFor()
  await screen.getByText(authority, { exact: true }).first().waitFor()

  // Changed: the new authority shows on the detail page.
  await screen.getByRole('button', { name: '编辑' }).click()
  await field.fill('许昌市行政审批和政务信息管理局')
  await screen.getByRole('button', { name: '保存证照' }).click()
  await screen.getByRole('button', { name: '已换新证' }).waitFor()
  await screen.getByText('许昌市行政审批和政务信息管理局', { exact: true }).first().waitFor()

  expect(await page.getByText(/不支持的字段|请求参数有误/).count()).toBe(0)
  expect(refusals).toEqual([])
  expect(errors).toEqual([])
})
