// Keyboard and screen reader on H5, in Chromium against the real server: on every tab page and on
// 提醒设置 each control (anything with a control role, and Taro's buttons) is in the Tab order; a
// licence row opens with Enter, a reminder chip toggles with Space and says so (aria-checked), the
// focused control shows a ring; a confirm dialog holds the focus; and axe finds nothing critical
// or serious on those screens.
import type { Browser, Page } from 'playwright-core'
import {
  expectNoSeriousAxe,
  launchBrowser,
  newPhonePage,
  onScreen,
  signIn,
  startServer,
  tab,
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

/** The page on top's controls, and how many of them the keyboard can reach. */
async function controlCounts(page: Page): Promise<{ controls: number; focusable: number; unreachable: string[] }> {
  return onScreen(page).evaluate((root) => {
    const roles = ['button', 'link', 'switch', 'checkbox', 'radio', 'option', 'tab']
    const controls = Array.from(root.querySelectorAll<HTMLElement>('*')).filter(
      (el) => roles.includes(el.getAttribute('role') ?? '') || el.tagName === 'TARO-BUTTON-CORE',
    )
    const unreachable = controls.filter((el) => el.tabIndex < 0)
    return {
      controls: controls.length,
      focusable: controls.length - unreachable.length,
      unreachable: unreachable.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? el.tagName),
    }
  })
}

/** Presses Tab until the focused element's accessible name matches (at most 80 presses). */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab')
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')
    if (name.test(label)) return
  }
  throw new Error(`Tab never reached ${name}`)
}

test('every control on the tab pages and 提醒设置 is reached by Tab; Enter and Space press them; axe is clean', async () => {
  const { page, errors } = await newPhonePage(browser)
  const screen = onScreen(page)
  await signIn(page, server, /演示账号：张建国/)

  const counts: Record<string, string> = {}
  const check = async (name: string) => {
    const { controls, focusable, unreachable } = await controlCounts(page)
    counts[name] = `${focusable} of ${controls}`
    expect(controls).toBeGreaterThan(0)
    expect(unreachable).toEqual([])
    await expectNoSeriousAxe(page, name)
  }

  await screen.getByRole('link', { name: /^证照 \d+ 张/ }).waitFor()
  await check('工作台')
  // Landmarks a screen reader jumps by: the page is the main content, the tab bar the navigation.
  await screen.getByRole('main').waitFor()
  await page.getByRole('navigation', { name: '主导航' }).waitFor()
  await tab(page, '证照').click()
  await screen
    .getByRole('link', { name: /，有效，/ })
    .first()
    .waitFor()
  await check('证照')
  await tab(page, '消息').click()
  await screen
    .getByRole('status')
    .filter({ hasText: /条未读|全部已读/ })
    .or(screen.getByText('暂无消息'))
    .waitFor()
  await check('消息')
  await tab(page, '我的').click()
  await screen.getByRole('switch', { name: '长辈版' }).waitFor()
  await check('我的')
  await page.goto(`${server.baseUrl}/#/packages/licences/pages/settings/index`)
  await screen.getByRole('checkbox', { name: '截止前 15 天提醒' }).waitFor()
  await check('提醒设置')
  // H5 has no WeChat or Alipay subscribe messages: no switch for them.
  expect(await screen.getByRole('switch', { name: /微信|支付宝/ }).count()).toBe(0)

  // Space toggles a chip; it says its new state, the save is confirmed, and focus shows a ring.
  const chip = screen.getByRole('checkbox', { name: '截止前 15 天提醒' })
  const wasChecked = await chip.getAttribute('aria-checked')
  await tabTo(page, /^截止前 15 天提醒$/)
  const outline = await chip.evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).not.toBe('none')
  await page.keyboard.press(' ')
  await screen.getByRole('status').filter({ hasText: '已保存' }).waitFor()
  expect(await chip.getAttribute('aria-checked')).toBe(wasChecked === 'true' ? 'false' : 'true')

  // Enter on a licence row opens its detail.
  await page.goto(`${server.baseUrl}/#/pages/licences/index`)
  await screen
    .getByRole('link', { name: /，有效，/ })
    .first()
    .waitFor()
  await tabTo(page, /，有效，/)
  await page.keyboard.press('Enter')
  await screen.getByRole('button', { name: '编辑' }).waitFor()
  await check('证照详情')

  console.log(`Keyboard-reachable controls (focusable of all): ${JSON.stringify(counts)}`)
  expect(errors).toEqual([])
})

test('the licence-type search results and the industry suggestions are named listboxes: axe clean, Tab and Enter/Space choose', async () => {
  const { page, errors } = await newPhonePage(browser)
  const screen = onScreen(page)
  await signIn(page, server, /演示账号：张建国/)

  // 添加证照, with search results on screen.
  await tab(page, '证照').click()
  await screen.getByRole('button', { name: '添加证照' }).click()
  await screen.getByRole('textbox', { name: /搜索证照类型/ }).fill('食品')
  const types = screen.getByRole('listbox', { name: '证照类型搜索结果' })
  await types.getByRole('option', { name: '选择食品生产许可证' }).waitFor()
  expect(await types.getByRole('option').count()).toBeGreaterThan(1)
  expect(await types.getByRole('option').first().getAttribute('aria-selected')).toBe('false')
  await expectNoSeriousAxe(page, '添加证照（搜索结果）')
  await tabTo(page, /^选择食品生产许可证$/)
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)
  expect(ring).not.toBe('none')
  await page.keyboard.press('Enter')
  await screen.getByRole('button', { name: '更换证照类型' }).waitFor()
  expect(await screen.getByRole('listbox').count()).toBe(0)
  expect(await screen.getByRole('textbox', { name: /发证机关/ }).inputValue()).not.toBe('')

  expect(errors).toEqual([])

  // 政策计算器's industry step, with suggestions on screen (without login: signed in, the step
  // starts from the enterprise's own industry).
  const guest = await newPhonePage(browser)
  const guestScreen = onScreen(guest.page)
  await guest.page.goto(`${server.baseUrl}/#/packages/policies/pages/calculator/index`)
  // (Taro's H5 Input keeps aria-label on its wrapper: the inner input is found by its placeholder.)
  await guestScreen.locator('input[placeholder^="所属行业"]').fill('食品')
  const industries = guestScreen.getByRole('listbox', { name: '行业搜索结果' })
  await industries.getByRole('option').first().waitFor()
  await expectNoSeriousAxe(guest.page, '政策计算器（行业选项）')
  await tabTo(guest.page, /^选择行业：食品制造业（C14）$/)
  await guest.page.keyboard.press(' ')
  await guestScreen.getByText('已选：食品制造业（C14）').waitFor()
  expect(guest.errors).toEqual([])
})

test('a confirm dialog opened from the keyboard holds the focus: it starts on the dialog, Tab stays inside, 取消 gives it back', async () => {
  const { page, errors } = await newPhonePage(browser)
  const screen = onScreen(page)
  await signIn(page, server, /演示账号：张建国/)
  await tab(page, '证照').click()
  await screen
    .getByRole('link', { name: /，有效，/ })
    .first()
    .click()
  await screen.getByRole('button', { name: '编辑' }).waitFor()
  await tabTo(page, /^删除证照$/)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: '删除证照' })
  await dialog.waitFor()
  // Taro's H5 render right after the dialog mounts once blurred it: focus fell to the body.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  )
  const focusInDialog = () =>
    page.evaluate(() => !!document.querySelector('[role="dialog"]')?.contains(document.activeElement))
  expect(await focusInDialog()).toBe(true)
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Tab')
    expect(await focusInDialog()).toBe(true)
  }
  await tabTo(page, /^取消$/)
  await page.keyboard.press('Enter')
  await dialog.waitFor({ state: 'detached' })
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('删除证照')
  expect(errors).toEqual([])
})
