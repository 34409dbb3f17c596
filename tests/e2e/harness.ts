// Starts the real server (sandbox login, a fresh embedded database, the H5 build at /) and a
// headless system Chromium. Never downloads a browser: CHROMIUM_PATH or /usr/bin/chromium.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'

const ROOT = path.join(__dirname, '../..')
export const ADMIN_KEY = 'e2e-admin-key-0123456789abcdef'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

export interface RunningServer {
  baseUrl: string
  stop: () => Promise<void>
  output: () => string
}

export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zqt-e2e-'))
  let output = ''
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    SANDBOX: '1',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    ADMIN_API_KEY: ADMIN_KEY,
    STATIC_DIR: path.join(ROOT, 'dist/h5'),
    ...extraEnv,
  }
  delete env.DATABASE_URL
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in 90 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    baseUrl,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        let timer: NodeJS.Timeout | undefined
        // The timer is cleared once the server exits: left running it kept jest alive after the run.
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))])
        clearTimeout(timer)
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** playwright-core gives every launch a fresh temporary profile (--user-data-dir). */
/**
 * System Chromium as root on this machine's closed network: without the background-networking
 * flags it keeps trying outside hosts. Shared with bench/lighthouse.ts, which adds --headless.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  })
}

/** A phone-sized page that records console errors, so a broken screen fails the flow. */
export async function newPhonePage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  return { page, errors }
}

/** Bearer-key call to the real server's API (admin or system routes). */
export async function api(server: RunningServer, method: string, route: string, body?: unknown, key = ADMIN_KEY) {
  const res = await fetch(`${server.baseUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json().catch(() => null)) as any }
}

/**
 * The page on screen. Taro's H5 router keeps every page of the stack in the DOM (the ones below
 * hidden with taro_page_shade) and, for its 300 ms slide, also the page being closed (without
 * taro_page_show, moved off screen to the right, which Playwright still counts as visible) and
 * the page being covered. The shown, unshaded page last in the DOM is the one on top: a freshly
 * pushed page is appended, and a page uncovered by going back is the only one still shown.
 * Query page content through this, so a page on its way out can never be matched or clicked.
 */
export function onScreen(page: Page): Locator {
  return page.locator('.taro_page.taro_page_show:not(.taro_page_shade)').last()
}

/** A tab of the tab bar (outside every page), e.g. tab(page, '证照'). */
export function tab(page: Page, name: string): Locator {
  return page.locator('.taro-tabbar__tabbar').getByText(name, { exact: true })
}

/** H5 sandbox login as a demo user (consent first), ending on 工作台 with the current enterprise shown. */
export async function signIn(page: Page, server: RunningServer, demo: RegExp = /演示账号：张建国/): Promise<void> {
  await page.goto(`${server.baseUrl}/#/pages/login/index`)
  const screen = onScreen(page)
  await screen.getByRole('button', { name: '同意隐私政策并继续' }).click()
  await screen.getByRole('button', { name: demo }).click()
  await screen.getByRole('link', { name: /^当前企业：/ }).waitFor()
}

const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')

/**
 * axe-core (WCAG 2 A and AA rules) on the screen as it is now — the page on top and the tab bar —
 * failing on any critical or serious violation, each printed with its elements. The app runs under
 * its Content-Security-Policy, which refuses an inline script (page.addScriptTag), so axe is
 * evaluated through the DevTools protocol instead. Runs once the page's slide-in has ended, so a
 * half-faded page is never judged for contrast.
 */
export async function expectNoSeriousAxe(page: Page, screenName: string): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  )
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  const found = await page.evaluate(async () => {
    const pages = Array.from(document.querySelectorAll('.taro_page.taro_page_show:not(.taro_page_shade)'))
    const include = [pages[pages.length - 1], document.querySelector('.taro-tabbar__tabbar')].filter(Boolean)
    const axe = (window as unknown as { axe: any }).axe
    const result = await axe.run(
      { include },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] },
    )
    return (result.violations as any[])
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        rule: `${v.impact} ${v.id}: ${v.help}`,
        nodes: (v.nodes as any[]).slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary}`),
      }))
  })
  const report = found.map((v) => `${v.rule}\n    ${v.nodes.join('\n    ')}`).join('\n')
  expect(`${screenName}: ${report || 'no critical or serious axe violations'}`).toBe(
    `${screenName}: no critical or serious axe violations`,
  )
}
