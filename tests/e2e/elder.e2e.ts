// 长辈版 on a 390 × 844 phone: with it on, 工作台, 证照, 惠企政策, 政策计算器, 我的 and the login page
// fit the screen's width (nothing to scroll sideways), every button, chip and switch is at least
// 44 px in both directions, and axe finds nothing critical or serious.
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

const WIDTH = 390
const TAP_MIN = 44

/** What does not fit: the page's scroll width, and each control smaller than 44 px (rounded down to 0.5 px). */
async function layoutProblems(page: Page): Promise<{ scrollWidth: number; small: string[] }> {
  return onScreen(page).evaluate((root, tapMin) => {
    const roles = ['button', 'checkbox', 'radio', 'switch', 'option', 'tab']
    const controls = Array.from(root.querySelectorAll<HTMLElement>('*')).filter(
      (el) => roles.includes(el.getAttribute('role') ?? '') || el.tagName === 'TARO-BUTTON-CORE',
    )
    const small = controls
      .filter((el) => {
        const box = el.getBoundingClientRect()
        if (box.width === 0 && box.height === 0) return false
        // A control inside another counted control (a Taro button's inner element) is the same target.
        if (el.parentElement?.closest('[role="button"], taro-button-core') && el.tagName !== 'TARO-BUTTON-CORE')
          return false
        return box.width < tapMin - 0.5 || box.height < tapMin - 0.5
      })
      .map((el) => {
        const box = el.getBoundingClientRect()
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20) ?? el.tagName
        return `${name} ${Math.round(box.width)}×${Math.round(box.height)}`
      })
    return { scrollWidth: document.scrollingElement!.scrollWidth, small }
  }, TAP_MIN)
}

test('长辈版 at 390 × 844: no sideways scrolling, tap targets ≥ 44 px, axe clean on six screens', async () => {
  const { page, errors } = await newPhonePage(browser)
  const screen = onScreen(page)
  await signIn(page, server, /演示账号：张建国/)
  await tab(page, '我的').click()
  await screen.getByRole('switch', { name: '长辈版' }).click()
  await page.waitForFunction(() => document.querySelector('[data-elder="on"]') !== null)

  const found: Record<string, { scrollWidth: number; small: string[] }> = {}
  const check = async (name: string) => {
    // Let late content (lists loading) settle first.
    await page.waitForTimeout(300)
    found[name] = await layoutProblems(page)
    await expectNoSeriousAxe(page, `${name}（长辈版）`)
  }

  await tab(page, '工作台').click()
  await screen.getByRole('link', { name: /^证照 \d+ 张/ }).waitFor()
  await check('工作台')
  await tab(page, '证照').click()
  await screen
    .getByRole('link', { name: /，有效，/ })
    .first()
    .waitFor()
  await check('证照')
  await page.goto(`${server.baseUrl}/#/packages/policies/pages/list/index`)
  await screen.getByRole('link').first().waitFor()
  await check('惠企政策')
  await page.goto(`${server.baseUrl}/#/packages/policies/pages/calculator/index`)
  await screen.getByText(/第 1 \/ \d+ 步/).waitFor()
  await check('政策计算器')
  await page.goto(`${server.baseUrl}/#/pages/me/index`)
  await screen.getByRole('switch', { name: '长辈版' }).waitFor()
  expect(await screen.getByRole('switch', { name: '长辈版' }).getAttribute('aria-checked')).toBe('true')
  await check('我的')
  await screen.getByRole('button', { name: '退出登录' }).click()
  await page.goto(`${server.baseUrl}/#/pages/login/index`)
  await screen
    .getByRole('button', { name: /演示账号/ })
    .first()
    .or(screen.getByRole('button', { name: '同意隐私政策并继续' }))
    .waitFor()
  await check('登录')

  console.log(`长辈版 layout: ${JSON.stringify(found)}`)
  for (const [name, { scrollWidth, small }] of Object.entries(found)) {
    expect(`${name}: scrollWidth ${scrollWidth <= WIDTH ? 'fits' : scrollWidth}`).toBe(`${name}: scrollWidth fits`)
    expect(`${name}: ${small.join('; ') || 'all ≥ 44 px'}`).toBe(`${name}: all ≥ 44 px`)
  }
  expect(errors).toEqual([])
})
