// 合规日历 in Chromium against the real server (issue #14 item 14): the demo agent 李晓梅 keeps 5
// enterprises and sees one timeline across them; marks a 年报 已报送 and it leaves the timeline and
// the feed; records a penalty and sees its repair date; copies the feed link, and the feed served
// there holds the licence deadline shown on screen. axe on every screen visited.
import type { Browser } from 'playwright-core'
import { addDays, chinaDateOf } from '../../src/domain/calendar/dates'
import { creditRepairPlan } from '../../src/domain/compliance/creditRepair'
import {
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

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const KINDS = ['企业年报', '纳税申报', '信用修复', '政策申报', '诉求']

test('an agent: one timeline over 5 enterprises, 年报 已报送, a penalty’s repair date, the feed', async () => {
  const { page, errors } = await newPhonePage(browser)
  await signIn(page, server, /演示账号：李晓梅/)
  const screen = onScreen(page)
  const today = chinaDateOf(Date.now())

  await screen.getByRole('link', { name: /^合规日历：未来30天有/ }).click()
  // One timeline, with a count for each of the agent's five enterprises.
  const enterpriseChips = screen.getByRole('checkbox', { name: /有限公司，\d+ 项$/ })
  await enterpriseChips.first().waitFor()
  expect(await enterpriseChips.count()).toBe(5)
  await expectNoSeriousAxe(page, '合规日历')

  // Only licences: the first renewal deadline on screen, to find in the feed later.
  for (const kind of KINDS) await screen.getByRole('checkbox', { name: `显示${kind}` }).click()
  const licenceItem = screen.getByRole('link', { name: /^证照续期：.+续期申请截止，/ }).first()
  await licenceItem.waitFor()
  const licenceLabel = (await licenceItem.getAttribute('aria-label'))!
  const [, typeName, enterpriseName, licenceDate] = /^证照续期：(.+) 续期申请截止，(.+?)，(\d{4}-\d{2}-\d{2})，/.exec(
    licenceLabel,
  )!
  for (const kind of KINDS) await screen.getByRole('checkbox', { name: `显示${kind}` }).click()

  // The month of the next 年报 deadline (30 June of this year, or of next once it has passed).
  const windowYear = today.slice(5) <= '06-30' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) + 1
  await screen.getByRole('button', { name: '月历' }).click()
  const monthsAhead = (windowYear - Number(today.slice(0, 4))) * 12 + 6 - Number(today.slice(5, 7))
  for (let i = 0; i < monthsAhead; i++) await screen.getByRole('button', { name: '下个月' }).click()
  await screen.getByRole('button', { name: /^6月30日，\d+ 项期限/ }).click()
  const reports = screen.getByRole('button', { name: /^已报送：\d{4}年度年报$/ })
  await reports.first().waitFor()
  expect(await reports.count()).toBe(5)
  await expectNoSeriousAxe(page, '合规日历 月历')
  await reports.first().click()
  await screen.getByRole('dialog', { name: '确认年报已报送？' }).getByRole('button', { name: '已报送' }).click()
  await screen.getByRole('button', { name: /^撤销：/ }).waitFor()
  await page.waitForFunction(
    () => document.querySelectorAll('.taro_page_show [aria-label^="已报送："]').length === 4,
    undefined,
    { timeout: 10000 },
  )

  // A penalty record: the screen shows the earliest day 信用修复 can be applied for.
  await screen.getByRole('button', { name: '税务设置与行政处罚记录' }).click()
  const settings = onScreen(page)
  const decidedOn = addDays(today, -10)
  await settings.getByRole('textbox', { name: /^处罚决定日期/ }).fill(decidedOn)
  await settings.getByRole('button', { name: '处罚领域：消防领域' }).click()
  await expectNoSeriousAxe(page, '税务设置与处罚记录')
  await settings.getByRole('button', { name: '登记处罚记录' }).click()
  const repairOn = creditRepairPlan({
    enterpriseId: 'x',
    penaltyId: 'x',
    decidedOn,
    field: 'fire-safety',
    simpleProcedure: false,
  }).earliestApplyOn!
  await settings.getByText(`已登记：最早可于 ${repairOn} 申请信用修复`).waitFor()
  await settings.getByText(`最早可申请信用修复：${repairOn}`).waitFor()
  await page.goBack()

  // 订阅到日历 for every enterprise: copy the link, read what a calendar app would.
  await onScreen(page).getByRole('button', { name: '订阅到日历' }).click()
  const feedScreen = onScreen(page)
  await feedScreen.getByRole('button', { name: /订阅范围：我的全部企业/ }).click()
  await feedScreen.getByRole('button', { name: '生成订阅链接' }).click()
  const url = (await feedScreen.getByText(/\/calendar\/feed\/.+\.ics$/).textContent())!.trim()
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl })
  await feedScreen.getByRole('button', { name: '复制链接' }).click()
  const copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => url)
  expect(copied).toBe(url)
  await expectNoSeriousAxe(page, '订阅到日历')

  // RFC 5545 folds long lines (CRLF + a space): unfold before looking for text.
  const feed = (await (await fetch(copied)).text()).replace(/\r\n[ \t]/g, '')
  const events = feed.split('BEGIN:VEVENT').slice(1)
  const licenceEvent = events.find(
    (e) =>
      e.includes(`DTSTART;VALUE=DATE:${licenceDate.replace(/-/g, '')}`) &&
      e.includes(typeName) &&
      e.includes(enterpriseName),
  )
  expect(licenceEvent).toBeDefined()
  // Four 年报 left (the one marked 已报送 is gone), and the repair day is there.
  expect(events.filter((e) => /UID:annual-report-/.test(e))).toHaveLength(4)
  expect(
    events.some((e) => e.includes(`DTSTART;VALUE=DATE:${repairOn.replace(/-/g, '')}`) && /UID:credit-repair-/.test(e)),
  ).toBe(true)
  expect(errors).toEqual([])
})
