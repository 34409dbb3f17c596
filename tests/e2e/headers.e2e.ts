// Security headers against the real server and the H5 build: the app runs under its Content
// Security Policy with no violation on the screens walked here (login, 工作台, 证照, 惠企政策, a
// complaint with a photo preview, 电子印章, 我的); personal API answers are not cached; HSTS only in production.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, newPhonePage, onScreen, startServer, tab, type RunningServer } from './harness'
import { generatePkiMaterial } from '../../server/capabilities/esign/pki/pki-keys'
import { KeyVault } from '../../server/kernel/secrets/key-vault'

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

// A real PNG (a tab-bar icon): the H5 picker decodes it.
const PHOTO = readFileSync(path.join(__dirname, '../../src/assets/tabbar/inbox.png'))

/** Every CSP violation the page reports, both as a DOM event and as a console message. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation
      report(`${event.violatedDirective} blocked ${event.blockedURI}`)
    })
  })
  return violations
}

test('the H5 app runs under its CSP on the main screens; API answers are no-store', async () => {
  const { page, errors } = await newPhonePage(browser)
  const violations = await watchViolations(page)
  const apiCaching = new Map<string, string | undefined>()
  page.on('response', (response) => {
    const { pathname } = new URL(response.url())
    if (pathname.startsWith('/api/v1/')) apiCaching.set(pathname, response.headers()['cache-control'])
  })

  const document = await page.goto(`${server.baseUrl}/#/pages/login/index`)
  const headers = document!.headers()
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/)
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  // Frames (扫码签章's PDF in the page) from the app's own origin only, nothing cross-origin.
  expect(headers['content-security-policy']).toMatch(/frame-src 'self'(;|$)/)
  expect(headers['content-security-policy']).not.toMatch(/(child|frame)-src [^;]*(\*|https?:|data:|blob:)/)
  expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests')
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['referrer-policy']).toBe('no-referrer')
  expect(headers['x-content-type-options']).toBe('nosniff')
  // Development: no HSTS (it would pin a developer's browser to https on 127.0.0.1).
  expect(headers['strict-transport-security']).toBeUndefined()

  // Signed in by hand, not with the harness's signIn: that one would navigate again, and the
  // headers above are those of the document this session started on.
  const screen = onScreen(page)
  await screen.getByRole('button', { name: '同意隐私政策并继续' }).click()
  await screen.getByRole('button', { name: /演示账号：张建国/ }).click()
  await screen.getByRole('link', { name: /^当前企业：/ }).waitFor()

  await tab(page, '证照').click()
  await screen.getByRole('button', { name: '添加证照' }).waitFor()

  await page.goto(`${server.baseUrl}/#/packages/policies/pages/list/index`)
  await screen
    .getByRole('link', { name: /^“小升规”工业企业奖励，/ })
    .first()
    .click()
  await screen
    .getByText(/政策原文|申报条件/)
    .first()
    .waitFor()

  // A picked photo is previewed from a blob: URL.
  await page.goto(`${server.baseUrl}/#/packages/complaints/pages/new/index`)
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    screen.getByRole('button', { name: '添加照片' }).click(),
  ])
  await chooser.setFiles([{ name: 'photo.png', mimeType: 'image/png', buffer: PHOTO }])
  await screen.getByText('已上传').first().waitFor()
  const preview = screen.locator('img[src^="blob:"]').first()
  await preview.waitFor()
  expect(await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)

  await page.goto(`${server.baseUrl}/#/packages/seals/pages/seals/index`)
  await page.waitForLoadState('networkidle')

  await page.goto(`${server.baseUrl}/#/pages/me/index`)
  await screen.getByText('手机号：138****0001').waitFor()

  expect(violations).toEqual([])
  expect(errors).toEqual([])
  // The login answer carries the session token; the enterprise list is personal.
  expect(apiCaching.get('/api/v1/auth/login')).toBe('no-store')
  expect(apiCaching.get('/api/v1/enterprises')).toBe('no-store')
  expect(apiCaching.size).toBeGreaterThan(5)
  // Only the administrative-division table (the same for everyone, GB/T 2260) may be cached; every
  // other answer is no-store.
  const PUBLIC_TABLES = new Set(['/api/v1/regions'])
  for (const [pathname, cacheControl] of apiCaching) {
    expect([pathname, cacheControl]).toEqual([
      pathname,
      PUBLIC_TABLES.has(pathname) ? 'public, max-age=86400' : 'no-store',
    ])
  }
})

/** Production requires a seal CA and TSA: a self-run one, sealed under the master key above. */
function productionPkiEnv(masterKey: Buffer): Record<string, string> {
  const pki = generatePkiMaterial(new KeyVault(masterKey), 'https://zqt.example.gov.cn/api/v1/pki/crl', 'e2e')
  return {
    SEAL_CA_CERT: pki.caCertificate,
    SEAL_CA_KEY: pki.caKeySealed,
    TSA_CERT: pki.tsaCertificate,
    TSA_KEY: pki.tsaKeySealed,
  }
}

test('production: HSTS and upgrade-insecure-requests are sent, /api/docs is not', async () => {
  const production = await startServer({
    NODE_ENV: 'production',
    SANDBOX: '0',
    SEAL_MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
    ID_HASH_SECRET: 'e2e-id-hash-secret-0123456789abcdef',
    ADMIN_API_KEY: 'e2e-production-admin-key-0123456789abcdef',
    ...productionPkiEnv(Buffer.alloc(32, 9)),
  })
  try {
    const page = await fetch(`${production.baseUrl}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains')
    expect(page.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
    expect((await fetch(`${production.baseUrl}/api/docs/json`)).status).toBe(404)
    const health = await fetch(`${production.baseUrl}/api/v1/health`)
    expect(health.headers.get('cache-control')).toBe('no-store')
    expect(health.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains')
  } finally {
    await production.stop()
  }
})
