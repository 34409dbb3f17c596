// 惠企政策 in Chromium against the real server: the 政策计算器 without login (region picked by name), fed a small
// manufacturer's facts, shows a demo policy as 可申报 with ✓ on every condition and a near one
// naming the missing fact; then a policy published through the admin API reaches the inbox of a
// user of the one demo enterprise it fits (许昌瑞丰食品, 魏都区 food manufacturing) and not the
// inbox of a user whose enterprises it does not fit.
import type { Browser, Page } from 'playwright-core'
import { api, launchBrowser, newPhonePage, onScreen, signIn, startServer, tab, type RunningServer } from './harness'
import { expectNoSeriousAxe } from './harness'

let server: RunningServer
let browser: Browser

const WEIDU_FOOD = {
  id: 'e2e-weidu-food-quality',
  title: '魏都区食品制造企业质量提升补助',
  issuer: '许昌市魏都区市场监督管理局',
  level: 'district',
  region: '许昌市魏都区',
  summary: '对魏都区食品制造企业通过质量管理体系认证的给予一次性补助。',
  benefit: { type: 'subsidy', amountWan: 5, text: '一次性补助最高 5 万元' },
  applicationWindow: {},
  howToApply: '在河南政务服务网搜索本政策名称在线申报，或到许昌市魏都区市场监督管理局办事窗口提交材料',
  materials: ['营业执照', '认证证书'],
  autoGrant: false,
  eligibility: {
    all: [
      { id: 'region', kind: 'region', areas: [{ code: '411002', name: '许昌市魏都区' }] },
      { id: 'industry', kind: 'industry', include: ['C14'] },
    ],
  },
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const visible = (page: Page, text: string | RegExp) => onScreen(page).getByText(text)

/** Taro's H5 input is a custom element wrapping an <input>, both with the placeholder: fill the <input>. */
async function answer(page: Page, placeholderStart: string, value: string) {
  await onScreen(page).locator(`input[placeholder^="${placeholderStart}"]`).fill(value)
  await onScreen(page).getByRole('button', { name: '下一步' }).click()
}

async function openInbox(page: Page) {
  await tab(page, '消息').click()
  await onScreen(page)
    .getByRole('status')
    .filter({ hasText: /条未读|全部已读/ })
    .or(visible(page, '暂无消息'))
    .waitFor()
}

test('the calculator explains each condition without login, for a small manufacturer', async () => {
  const { page, errors } = await newPhonePage(browser)
  const screen = onScreen(page)
  await page.goto(`${server.baseUrl}/#/packages/policies/pages/calculator/index`)
  await visible(page, '第 1 / 13 步 · 已填写 0 项').waitFor()
  // No verdict before an answer.
  await visible(page, '回答问题后即可看到测算结果，可随时跳过不清楚的问题').waitFor()
  await expectNoSeriousAxe(page, '政策计算器')
  await answer(page, '所属行业', 'C1432')
  // 注册地 by name, 省 → 市 → 区县, each a button.
  await screen.getByRole('button', { name: '选择注册地' }).click()
  await screen.getByRole('button', { name: '河南省', exact: true }).click()
  await screen.getByRole('button', { name: '许昌市', exact: true }).click()
  await screen.getByRole('button', { name: '魏都区', exact: true }).click()
  await visible(page, '注册地：河南省 许昌市 魏都区').waitFor()
  await screen.getByRole('button', { name: '下一步' }).click()
  await screen.getByRole('button', { name: '跳过' }).click()
  await answer(page, '企业成立日期是', '2015-05-01')
  await answer(page, '从业人员有多少人', '50')
  await answer(page, '上年度营业收入是多少', '3000')
  await visible(page, '第 7 / 13 步 · 已填写 5 项').waitFor()

  // “小升规”工业企业奖励: 许昌, 制造业, 营业收入 ≥ 2000 万元, 中小微 — all four met; 免申即享, so
  // 符合条件 · 免申即享 (one label for eligibility and how it is granted).
  const upgrade = screen.getByLabel('符合条件 · 免申即享：“小升规”工业企业奖励')
  await upgrade.waitFor()
  await expect(upgrade.getByText('✓ 已满足').count()).resolves.toBe(4)
  await expect(upgrade.getByText(/不满足|待补充/).count()).resolves.toBe(0)
  // The place by name, not 「411002（属许昌市）」.
  await upgrade.getByText('注册地：河南省许昌市魏都区').waitFor()

  // 高新技术企业所得税优惠: only the qualification is not known yet.
  const hightech = screen.getByLabel('差一点：高新技术企业减按15%税率征收企业所得税')
  await hightech.getByText('待补充信息：企业资质').waitFor()
  await hightech.getByText('补齐 1 项即可申报：资质：高新技术企业').waitFor()
  await expectNoSeriousAxe(page, '政策计算器（结果）')
  await expect(hightech.getByText('? 待补充').count()).resolves.toBe(1)
  expect(errors).toEqual([])
})

test('a policy published by the administrator reaches the inbox of a matching enterprise only', async () => {
  const created = await api(server, 'POST', '/api/v1/admin/policies', WEIDU_FOOD)
  expect(created.status).toBe(201)
  const published = await api(server, 'POST', `/api/v1/admin/policies/${WEIDU_FOOD.id}/publish`)
  expect(published.status).toBe(200)
  expect(published.body.delivered).toBeGreaterThan(0)

  // 张建国 represents 许昌瑞丰食品 (魏都区, C1432): the policy fits it.
  const zhang = await newPhonePage(browser)
  await signIn(zhang.page, server, /演示账号：张建国/)
  await openInbox(zhang.page)
  await onScreen(zhang.page)
    .getByRole('link', { name: `未读：新政策：${WEIDU_FOOD.title}` })
    .click()
  // The policy is judged for the enterprise the message is about, named.
  await visible(zhang.page, '许昌瑞丰食品有限公司：可申报').waitFor()
  await expectNoSeriousAxe(zhang.page, '政策详情')

  // 李晓梅 acts for five enterprises, none a 魏都区 food manufacturer.
  const li = await newPhonePage(browser)
  await signIn(li.page, server, /演示账号：李晓梅/)
  await openInbox(li.page)
  await expect(li.page.getByRole('link', { name: new RegExp(WEIDU_FOOD.title) }).count()).resolves.toBe(0)
  expect([...zhang.errors, ...li.errors]).toEqual([])
})

test('the catalogue opens on the enterprise’s own region, filters first, and can widen to every region', async () => {
  const { page, errors } = await newPhonePage(browser)
  const screen = onScreen(page)
  await signIn(page, server, /演示账号：张建国/)
  await page.goto(`${server.baseUrl}/#/packages/policies/pages/list/index`)
  // His current enterprise, 许昌建丰钢结构, is registered in 建安区: national, 河南 and 许昌 policies only.
  await visible(page, '适用地区：河南省 许昌市 建安区').waitFor()
  await visible(page, '可适用于所选地区的政策').waitFor()
  await screen.getByRole('link', { name: /^“小升规”工业企业奖励，/ }).waitFor()
  await expect(screen.getByRole('link', { name: /衢州/ }).count()).resolves.toBe(0)
  const mine = await visible(page, /^共 \d+ 项，已显示 20 项$/).innerText()
  await screen.getByRole('button', { name: '加载更多' }).click()
  await visible(page, mine.replace(/，.*$/, '')).waitFor()
  await expect(screen.getByRole('link', { name: /衢州/ }).count()).resolves.toBe(0)
  // Every region: more policies (衢州's among them), a page at a time.
  await screen.getByRole('button', { name: '不限地区（含外地政策）' }).click()
  await visible(page, '适用地区：未选择').waitFor()
  const every = visible(page, /^共 \d+ 项，已显示 20 项$/).filter({ hasNotText: mine })
  await every.waitFor()
  expect(Number(/\d+/.exec(await every.innerText())?.[0])).toBeGreaterThan(Number(/\d+/.exec(mine)?.[0]))
  expect(errors).toEqual([])
})

test('a policy saved on its page is listed under 我的收藏; on H5 新政策 notices are said to arrive in 消息', async () => {
  const { page, errors } = await newPhonePage(browser)
  const screen = onScreen(page)
  await signIn(page, server, /演示账号：张建国/)
  await page.goto(`${server.baseUrl}/#/packages/policies/pages/list/index`)
  await screen.getByRole('link', { name: /^“小升规”工业企业奖励，/ }).click()
  await screen.getByRole('button', { name: '收藏', exact: true }).click()
  await screen.getByRole('button', { name: '已收藏，点击取消收藏' }).waitFor()
  await expectNoSeriousAxe(page, '政策详情（已收藏）')
  await page.goBack()

  await screen.getByRole('button', { name: '查看：我的收藏' }).click()
  await visible(page, '共 1 项').waitFor()
  await screen.getByRole('link', { name: /^“小升规”工业企业奖励，/ }).waitFor()
  await expect(screen.getByRole('link', { name: /^高新技术企业减按15%税率/ }).count()).resolves.toBe(0)
  await visible(page, '网页版无法接收微信或支付宝通知，新政策通知会发送到「消息」，请留意查看。').waitFor()
  await expectNoSeriousAxe(page, '惠企政策（我的收藏）')
  expect(errors).toEqual([])
})
