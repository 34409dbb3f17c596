// 编辑证照 in Chromium against the real server: 张建国 opens a licence, saves it unchanged, then
// corrects its issuing authority; both saves go through and the detail page shows the new value.
// (Every save once failed with 「请求参数有误：不支持的字段 id」: the form sent the whole record.)
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, newPhonePage, startServer, type RunningServer } from './harness'

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

async function signIn(page: Page) {
  await page.goto(`${server.baseUrl}/#/pages/login/index`)
  await page.getByRole('button', { name: '同意隐私政策并继续' }).click()
  await page.getByRole('button', { name: /演示账号：张建国/ }).click()
  await page.getByRole('link', { name: /^当前企业：/ }).waitFor()
}

/** Taro H5 keeps earlier pages in the DOM, hidden: only what is visible counts. */
const visible = (page: Page, text: string) => page.getByText(text, { exact: true }).filter({ visible: true }).first()

test('a licence edit saves, unchanged and changed, with no field name in any message', async () => {
  const { page, errors } = await newPhonePage(browser)
  const refusals: string[] = []
  page.on('response', (response) => {
    if (response.url().includes('/api/v1/licences/') && response.status() >= 400) refusals.push(response.url())
  })
  await signIn(page)

  await page.getByText('证照', { exact: true }).last().click()
  await page
    .getByRole('link', { name: /，有效，/ })
    .filter({ visible: true })
    .first()
    .click()
  // Unchanged: the save goes through and the detail page is back.
  await page.getByRole('button', { name: '编辑' }).filter({ visible: true }).click()
  const field = page.getByRole('textbox', { name: /发证机关/ }).filter({ visible: true })
  await field.waitFor()
  const authority = await field.inputValue()
  expect(authority).not.toBe('')
  await page.getByRole('button', { name: '保存证照' }).filter({ visible: true }).click()
  await page.getByRole('button', { name: '已换新证' }).filter({ visible: true }).waitFor()
  await visible(page, authority).waitFor()

  // Changed: the new authority shows on the detail page.
  await page.getByRole('button', { name: '编辑' }).filter({ visible: true }).click()
  await field.fill('许昌市行政审批和政务信息管理局')
  await page.getByRole('button', { name: '保存证照' }).filter({ visible: true }).click()
  await page.getByRole('button', { name: '已换新证' }).filter({ visible: true }).waitFor()
  await visible(page, '许昌市行政审批和政务信息管理局').waitFor()

  expect(await page.getByText(/不支持的字段|请求参数有误/).count()).toBe(0)
  expect(refusals).toEqual([])
  expect(errors).toEqual([])
})
