// 有诉即办 in Chromium against the real server: a complaint with 2 photos survives a reload
// mid-draft; its first submit loses the answer (route abort after the server took it) and is queued; the retry files exactly
// one complaint (seen through the staff API); staff steps 受理 → 交办 → 办理 → 答复 show on the
// timeline; 不满意 opens 回访 with its rectification deadline. The place and the department concerned
// travel as their own fields. An anonymous submit whose answer is lost still shows its query code
// after the retry, and the code finds the case.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { ADMIN_KEY, launchBrowser, newPhonePage, onScreen, signIn, startServer, type RunningServer } from './harness'
import { expectNoSeriousAxe } from './harness'

// A cold server start on a loaded 2-core machine, plus a long flow.
jest.setTimeout(180_000)

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

const TITLE = '七一路菜市场占道经营'
const DESCRIPTION = '七一路菜市场门口长期占道经营，早高峰车辆无法通行，希望尽快整治。'
const PLACE = '许昌市魏都区七一路 12 号'
const CONCERNED = '七一路菜市场管理方'
const PLACE_FIELD = /地点|七一路 12 号/
const CONCERNED_FIELD = /涉及部门或企业|某某物业/
// Real PNG files (the tab-bar icons): the H5 picker decodes each image, so the bytes must be valid.
const PHOTOS = ['inbox.png', 'me.png'].map((name) => ({
  name,
  mimeType: 'image/png',
  buffer: readFileSync(path.join(__dirname, '../../src/assets/tabbar', name)),
}))

/** The 12345 工作台 side: admin key plus the staff member's name. */
async function staff(method: string, route: string, body?: unknown) {
  const res = await fetch(`${server.baseUrl}/api/v1${route}`, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN_KEY}`,
      'x-staff-name': encodeURIComponent('王科员'),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as any }
}

const visible = (page: Page, text: string | RegExp) => onScreen(page).getByText(text)

test('file with photos, lose the network on submit, retry once, follow the loop to 回访', async () => {
  const { page, errors } = await newPhonePage(browser)
  const screen = onScreen(page)
  await signIn(page, server)
  await page.goto(`${server.baseUrl}/#/packages/complaints/pages/new/index`)

  await screen.getByRole('radio', { name: '投诉，13 个工作日内答复' }).click()
  await screen.getByRole('textbox', { name: /标题|一句话概括/ }).fill(TITLE)
  await screen.getByRole('textbox', { name: /诉求内容|请写明发生了什么/ }).fill(DESCRIPTION)
  await visible(page, `${Array.from(DESCRIPTION).length}/1000`).waitFor()
  await expectNoSeriousAxe(page, '提交诉求')

  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    screen.getByRole('button', { name: '添加照片' }).click(),
  ])
  await chooser.setFiles(PHOTOS)
  await expectCount(page, '已上传', 2)
  await screen.getByRole('spinbutton', { name: /联系电话/ }).fill('13800138000')
  await screen.getByRole('textbox', { name: PLACE_FIELD }).fill(PLACE)
  await screen.getByRole('textbox', { name: CONCERNED_FIELD }).fill(CONCERNED)

  // A reload mid-draft keeps the text and the uploaded photos.
  await page.reload()
  await expectValue(page, /标题|一句话概括/, TITLE)
  await expectValue(page, /诉求内容|请写明发生了什么/, DESCRIPTION)
  await expectValue(page, PLACE_FIELD, PLACE)
  await expectValue(page, CONCERNED_FIELD, CONCERNED)
  await expectCount(page, '已上传', 2)
  await visible(page, '联系电话：138****8000').waitFor()

  // The first submit reaches the server, but its answer is lost on the way back: the worst case
  // for duplicates, as the complaint is already filed when the phone decides to try again.
  await page.route(
    '**/api/v1/complaints',
    async (route) => {
      await route.fetch()
      await route.abort('internetdisconnected')
    },
    { times: 1 },
  )
  await screen.getByRole('button', { name: '提交诉求' }).click()
  await visible(page, '网络不可用，已保存，联网后自动提交').waitFor()
  expect((await staff('GET', '/staff/complaints')).body.items).toHaveLength(1)

  await screen.getByRole('button', { name: '立即重试提交' }).click()
  await visible(page, '诉求已提交').waitFor()
  await screen
    .getByRole('button', { name: '立即重试提交' })
    .waitFor({ state: 'detached' })
    .catch(() => undefined)
  const filed = (await staff('GET', '/staff/complaints')).body.items
  expect(filed).toHaveLength(1)
  expect(filed[0]).toMatchObject({
    title: TITLE,
    description: DESCRIPTION,
    contactPhoneMasked: '138****8000',
    location: { latitude: null, longitude: null, address: PLACE },
    concernedParty: CONCERNED,
  })
  expect(filed[0].attachments).toHaveLength(2)
  const id: string = filed[0].id

  // Staff take it round the loop; the submitter's timeline shows each step.
  for (const step of [
    { type: 'accept' },
    { type: 'assign', department: '魏都区城市管理局' },
    { type: 'start' },
    { type: 'reply', answer: '已联合街道清理占道摊位，并设置临时疏导。' },
  ]) {
    const res = await staff('POST', `/staff/complaints/${id}/actions`, step)
    expect(res.status).toBe(200)
  }
  await screen.getByRole('button', { name: '查看诉求进展' }).click()
  await page.reload()
  const timeline = screen.getByRole('list', { name: '办理进程' })
  await timeline.getByText('答复', { exact: true }).waitFor()
  for (const title of ['提交诉求', '受理', '交办', '开始办理', '答复']) {
    await timeline.getByText(title, { exact: true }).waitFor()
  }
  await visible(page, '魏都区城市管理局').waitFor()
  await visible(page, '已联合街道清理占道摊位，并设置临时疏导。').waitFor()
  await visible(page, `地点：${PLACE}`).waitFor()
  await visible(page, `涉及部门或企业：${CONCERNED}`).waitFor()
  // The photos come from the server with the user's token and actually decode.
  const photo = screen.getByRole('img', { name: '诉求照片 2' })
  await photo.waitFor()
  await eventually(() => photo.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth), 81)

  // 不满意 → 回访 with the rectification deadline the server set.
  await screen.getByRole('radio', { name: '不满意', exact: true }).click()
  await screen.getByRole('textbox', { name: /评价意见|说说您的看法/ }).fill('摊位第二天又回来了')
  await screen.getByRole('button', { name: '提交评价' }).click()
  await screen.getByText('回访整改', { exact: true }).waitFor()
  const visit = (await staff('GET', `/staff/complaints/${id}`)).body.case.returnVisit
  await visible(page, `整改期限：${visit.rectifyBy}`).waitFor()
  await visible(page, `回访期限：${visit.callBackBy}`).waitFor()
  await expectNoSeriousAxe(page, '诉求详情（回访）')
  expect(errors).toEqual([])
})

test('anonymous: the answer to the first submit is lost, the retry still shows the query code, which finds the case signed out', async () => {
  const { page, errors } = await newPhonePage(browser)
  const screen = onScreen(page)
  await signIn(page, server)
  const before: number = (await staff('GET', '/staff/complaints')).body.items.length
  await page.goto(`${server.baseUrl}/#/packages/complaints/pages/new/index`)
  const title = '夜间施工噪音扰民'
  await screen.getByRole('radio', { name: '投诉，13 个工作日内答复' }).click()
  await screen.getByRole('textbox', { name: /标题|一句话概括/ }).fill(title)
  await screen
    .getByRole('textbox', { name: /诉求内容|请写明发生了什么/ })
    .fill('工地每晚十一点后仍在施工，噪音很大，影响居民休息。')
  await screen.getByRole('switch', { name: '匿名提交' }).click()

  await page.route(
    '**/api/v1/complaints',
    async (route) => {
      await route.fetch()
      await route.abort('internetdisconnected')
    },
    { times: 1 },
  )
  await screen.getByRole('button', { name: '提交诉求' }).click()
  await visible(page, '网络不可用，已保存，联网后自动提交').waitFor()
  await screen.getByRole('button', { name: '立即重试提交' }).click()
  await visible(page, '诉求已提交').waitFor()
  await expectNoSeriousAxe(page, '诉求已提交（匿名）')
  const shown = visible(page, /^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/)
  await shown.waitFor()
  const code = (await shown.textContent())!.trim()
  expect((await staff('GET', '/staff/complaints')).body.items).toHaveLength(before + 1)

  // The code alone is enough: a phone that has never signed in follows the case.
  const { page: signedOut, errors: signedOutErrors } = await newPhonePage(browser)
  await signedOut.goto(`${server.baseUrl}/#/packages/complaints/pages/query/index`)
  await onScreen(signedOut)
    .getByRole('textbox', { name: /查询码|10 位查询码/ })
    .fill(code)
  await onScreen(signedOut).getByRole('button', { name: '查询' }).click()
  await visible(signedOut, title).waitFor()
  await visible(signedOut, '匿名提交：凭查询码查看进展，无回访电话').waitFor()
  await expectNoSeriousAxe(signedOut, '查询码查进度')
  expect(errors).toEqual([])
  expect(signedOutErrors).toEqual([])
})

/** Polls `read` until it returns `expected` (the UI settles asynchronously), else fails with the last value. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs
  let last = await read()
  while (last !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    last = await read()
  }
  expect(last).toBe(expected)
}

const expectCount = (page: Page, text: string, count: number) =>
  eventually(() => onScreen(page).getByText(text, { exact: true }).count(), count)

const expectValue = (page: Page, name: RegExp, value: string) =>
  eventually(() => onScreen(page).getByRole('textbox', { name }).inputValue(), value)
