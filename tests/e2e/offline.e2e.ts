// Offline does not strand (issue #12 item 8), in Chromium against the real server: after a first
// visit the four tab pages open with no network (their code kept by the service worker), also after a
// reload; a page whose code was never fetched says so with 重试 instead of changing the address and
// nothing else; back online, 重试 opens it.
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, newPhonePage, onScreen, signIn, startServer, tab, type RunningServer } from './harness'

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

/**
 * Waits until the service worker controls the page and holds every hashed file the page has loaded
 * (the tab pages' code included: the page sends that list only after fetching it).
 */
async function waitForOfflineShell(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      if (!navigator.serviceWorker?.controller) return false
      const names = await caches.keys()
      if (names.length === 0) return false
      const cache = await caches.open(names[0])
      const kept = new Set((await cache.keys()).map((request) => request.url))
      const loaded = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /\/(js|css)\/[^/]+\.[0-9a-f]{8}\.(js|css)$/.test(name))
      return kept.has(`${location.origin}/`) && loaded.length > 0 && loaded.every((url) => kept.has(url))
    },
    undefined,
    { timeout: 30000, polling: 250 },
  )
}

async function expectTabsWork(page: Page) {
  const screen = onScreen(page)
  await tab(page, '证照').click()
  await screen.getByRole('button', { name: '添加证照' }).waitFor()
  await tab(page, '消息').click()
  await page.waitForFunction(() => location.hash.startsWith('#/pages/inbox/index'))
  await tab(page, '我的').click()
  await screen.getByText('我的企业', { exact: false }).first().waitFor()
  await tab(page, '工作台').click()
  await screen.getByRole('button', { name: '惠企政策' }).waitFor()
}

test('tab pages open offline after a first visit; an unvisited page says so with 重试, which opens it once online', async () => {
  const { page, errors } = await newPhonePage(browser)
  await signIn(page, server)
  await waitForOfflineShell(page)

  await page.context().setOffline(true)
  await expectTabsWork(page)

  // 惠企政策's code was never fetched: a notice with 重试, not a silent change of address.
  await onScreen(page).getByRole('button', { name: '惠企政策' }).click()
  const notice = page.getByRole('alertdialog', { name: '页面未能打开' })
  await notice.waitFor()
  await expect(
    notice.getByRole('button', { name: '重试' }).evaluate((el) => el === document.activeElement),
  ).resolves.toBe(true)
  // Still offline: 重试 fails again and says so again.
  await notice.getByRole('button', { name: '重试' }).click()
  await notice.waitFor()

  await page.context().setOffline(false)
  await notice.getByRole('button', { name: '重试' }).click()
  await page.waitForFunction(() => location.hash.startsWith('#/packages/policies/pages/list/index'))
  await onScreen(page).getByRole('button', { name: '打开政策计算器' }).waitFor()
  expect(await notice.count()).toBe(0)

  // A reload with no network: the app and its tab pages come from the service worker.
  await page.context().setOffline(true)
  await page.goto(`${server.baseUrl}/#/pages/workbench/index`)
  await page.reload()
  await expectTabsWork(page)
  await tab(page, '证照').click()
  await onScreen(page).getByRole('status').filter({ hasText: '离线' }).waitFor()
  await page.context().setOffline(false)

  expect(errors.filter((error) => !/ChunkLoadError|Loading chunk/.test(error))).toEqual([])
})

test('a sub-page has a title bar naming it, whose 返回 goes back, or to 工作台 when opened by its address', async () => {
  const { page, errors } = await newPhonePage(browser)
  await signIn(page, server)
  await onScreen(page).getByRole('button', { name: '惠企政策' }).click()
  const screen = onScreen(page)
  await screen.getByRole('heading', { level: 1, name: '惠企政策' }).waitFor()
  await screen.getByRole('button', { name: '返回' }).click()
  await page.waitForFunction(() => location.hash.startsWith('#/pages/workbench/index'))
  await onScreen(page).getByRole('button', { name: '惠企政策' }).waitFor()

  await page.goto(`${server.baseUrl}/#/packages/seals/pages/audit/index`)
  await page.reload()
  await onScreen(page).getByRole('heading', { level: 1, name: '用章记录' }).waitFor()
  await onScreen(page).getByRole('button', { name: '返回' }).click()
  await page.waitForFunction(() => location.hash.startsWith('#/pages/workbench/index'))
  await onScreen(page).getByRole('button', { name: '惠企政策' }).waitFor()
  // Tab pages have the tab bar instead.
  expect(await onScreen(page).getByRole('heading', { level: 1 }).count()).toBe(0)
  expect(errors).toEqual([])
})
