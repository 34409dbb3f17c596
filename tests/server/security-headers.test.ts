import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HSTS_MAX_AGE_SECONDS, inlineScriptHashes } from '../../server/kernel/http/security-headers'
import { bearer, createTestApp, DEMO, loginSandbox, openTestDb, type TestApp, type TestDb } from './helpers'
import { productionConfig } from './production-env'

const INLINE_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);'
const INDEX_HTML = `<!doctype html><html><head><script>${INLINE_SCRIPT}</script><script defer="defer" src="/js/app.js"></script></head><body></body></html>`
const inlineHash = `'sha256-${createHash('sha256').update(INLINE_SCRIPT).digest('base64')}'`

let testDb: TestDb
let staticDir: string
let t: TestApp

beforeAll(async () => {
  testDb = await openTestDb()
  staticDir = mkdtempSync(join(tmpdir(), 'zqt-h5-'))
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML)
  t = await createTestApp({
    db: testDb.db,
    config: { staticDir },
    extend: (app) => {
      app.get('/api/v1/test/cacheable', async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=60')
        return { ok: true }
      })
    },
  })
})
afterAll(async () => {
  await t.close()
  await testDb.close()
  rmSync(staticDir, { recursive: true, force: true })
})

describe('security headers', () => {
  it('sends CSP, frame, referrer and nosniff headers and no-store on personal answers', async () => {
    const { token } = await loginSandbox(t.app, DEMO.rep)
    const me = await t.app.inject({ url: '/api/v1/me', headers: bearer(token) })
    expect(me.statusCode).toBe(200)
    expect(me.headers['cache-control']).toBe('no-store')
    expect(me.headers['x-frame-options']).toBe('DENY')
    expect(me.headers['referrer-policy']).toBe('no-referrer')
    expect(me.headers['x-content-type-options']).toBe('nosniff')
    const csp = String(me.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    // Frames: the app's own origin only (扫码签章 shows the PDF in place on H5), nothing cross-origin.
    expect(csp.split(';').map((directive) => directive.trim())).toContain("frame-src 'self'")
    expect(csp).not.toMatch(/child-src|frame-src [^;]*(\*|https?:|data:|blob:)/)
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'")
    // Not production: no HSTS, and plain http stays usable on 127.0.0.1.
    expect(me.headers['strict-transport-security']).toBeUndefined()
    expect(csp).not.toContain('upgrade-insecure-requests')
  })

  it('allows the served page’s inline script by its hash, not by unsafe-inline', async () => {
    const response = await t.app.inject('/api/v1/health')
    expect(String(response.headers['content-security-policy'])).toContain(`script-src 'self' ${inlineHash}`)
  })

  it('sends them on the login answer (it carries the token) and on errors', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { platform: 'h5', code: `sandbox:${DEMO.agent}`, consentVersion: '2025-01' },
    })
    expect(login.statusCode).toBe(200)
    expect(login.headers['cache-control']).toBe('no-store')
    const unauthorised = await t.app.inject('/api/v1/me')
    expect(unauthorised.statusCode).toBe(401)
    expect(unauthorised.headers['cache-control']).toBe('no-store')
    expect(unauthorised.headers['content-security-policy']).toBeDefined()
    const missing = await t.app.inject('/api/v1/no-such-route')
    expect(missing.statusCode).toBe(404)
    expect(missing.headers['cache-control']).toBe('no-store')
  })

  it('keeps the Cache-Control a route sets for itself', async () => {
    const response = await t.app.inject('/api/v1/test/cacheable')
    expect(response.headers['cache-control']).toBe('public, max-age=60')
  })

  it('sends HSTS and upgrade-insecure-requests in production', async () => {
    const production = await createTestApp({ db: testDb.db, config: productionConfig() })
    try {
      const response = await production.app.inject('/api/v1/health')
      expect(response.headers['strict-transport-security']).toBe(`max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`)
      expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests')
    } finally {
      await production.close()
    }
  })
})

describe('inlineScriptHashes', () => {
  it('hashes inline scripts only, skipping external and empty ones', () => {
    expect(inlineScriptHashes(INDEX_HTML)).toEqual([inlineHash])
    expect(inlineScriptHashes('<script src="/a.js"></script><script> </script>')).toEqual([])
  })
})
