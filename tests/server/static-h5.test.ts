import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { registerH5Static } from '../../server/kernel/http/static-h5'
import { precompress } from '../../scripts/precompress'
import { createTestApp, openTestDb, type TestApp, type TestDb } from './helpers'

const INLINE_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);'
const INDEX_HTML = `<!doctype html><html lang="zh-CN"><head><script>${INLINE_SCRIPT}</script><script defer="defer" src="/js/app.0123abcd.js"></script></head><body>${'<div></div>'.repeat(50)}</body></html>`
const APP_JS = `(self.webpackJsonp=self.webpackJsonp||[]).push([[1],{${'"a":function(){return "政企通"},'.repeat(200)}}]);`
const APP_CSS = `.page{color:#1f2937}${'.x{margin:0}'.repeat(100)}`

let testDb: TestDb
let staticDir: string
let t: TestApp

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  staticDir = mkdtempSync(join(tmpdir(), 'zqt-static-'))
  mkdirSync(join(staticDir, 'js'))
  mkdirSync(join(staticDir, 'css'))
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML)
  writeFileSync(join(staticDir, 'js/app.0123abcd.js'), APP_JS)
  writeFileSync(join(staticDir, 'css/app.89abcdef.css'), APP_CSS)
  writeFileSync(join(staticDir, 'js/app.0123abcd.js.LICENSE.txt'), 'MIT')
  precompress(staticDir)
  t = await createTestApp({
    db: testDb.db,
    config: { staticDir },
    extend: (app) => void registerH5Static(app, staticDir),
  })
})
afterAll(async () => {
  await t.close()
  await testDb.close()
  rmSync(staticDir, { recursive: true, force: true })
})

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } })

describe('precompress (build step)', () => {
  it('writes a brotli and a gzip copy beside each text file, only where smaller', () => {
    expect(existsSync(join(staticDir, 'index.html.br'))).toBe(true)
    expect(existsSync(join(staticDir, 'index.html.gz'))).toBe(true)
    expect(existsSync(join(staticDir, 'js/app.0123abcd.js.br'))).toBe(true)
    expect(existsSync(join(staticDir, 'css/app.89abcdef.css.gz'))).toBe(true)
    // Three bytes compress to more than three bytes: the original is served instead.
    expect(existsSync(join(staticDir, 'js/app.0123abcd.js.LICENSE.txt.br'))).toBe(false)
    expect(existsSync(join(staticDir, 'js/app.0123abcd.js.LICENSE.txt.gz'))).toBe(false)
  })
})

describe('H5 static files', () => {
  it('sends the brotli copy of a hashed script to a browser that accepts br, cached for a year', async () => {
    const res = await get('/js/app.0123abcd.js', 'gzip, deflate, br')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toMatch(/^application\/javascript/)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.headers.vary).toMatch(/accept-encoding/i)
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(APP_JS)
    expect(Number(res.headers['content-length'])).toBeLessThan(Buffer.byteLength(APP_JS) / 4)
  })

  it('sends gzip to a browser that accepts only gzip, and the original to one that accepts neither', async () => {
    const gzip = await get('/css/app.89abcdef.css', 'gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gzip.headers['content-type']).toMatch(/^text\/css/)
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(APP_CSS)
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable')

    for (const acceptEncoding of [undefined, 'identity']) {
      const plain = await get('/css/app.89abcdef.css', acceptEncoding)
      expect(plain.statusCode).toBe(200)
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.body).toBe(APP_CSS)
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    }
  })

  it('serves index.html at / compressed but revalidated on every use, under the CSP that allows its inline script', async () => {
    for (const [acceptEncoding, encoding] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
      [undefined, undefined],
    ] as const) {
      const res = await get('/', acceptEncoding)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-encoding']).toBe(encoding)
      expect(res.headers['content-type']).toMatch(/^text\/html/)
      expect(res.headers['cache-control']).toBe('no-cache')
      expect(res.headers.etag).toBeDefined()
      const html =
        encoding === 'br'
          ? brotliDecompressSync(res.rawPayload).toString()
          : encoding === 'gzip'
            ? gunzipSync(res.rawPayload).toString()
            : res.body
      expect(html).toBe(INDEX_HTML)
      const inlineHash = `'sha256-${createHash('sha256').update(INLINE_SCRIPT).digest('base64')}'`
      expect(String(res.headers['content-security-policy'])).toContain(inlineHash)
    }
    const again = await t.app.inject({
      url: '/index.html',
      headers: { 'accept-encoding': 'br', 'if-none-match': String((await get('/index.html', 'br')).headers.etag) },
    })
    expect(again.statusCode).toBe(304)
  })

  it('revalidates an unhashed file and answers 404 for a missing one', async () => {
    const licence = await get('/js/app.0123abcd.js.LICENSE.txt', 'br')
    expect(licence.statusCode).toBe(200)
    expect(licence.headers['content-encoding']).toBeUndefined()
    expect(licence.headers['cache-control']).toBe('no-cache')
    const missing = await get('/js/app.deadbeef.js', 'br')
    expect(missing.statusCode).toBe(404)
  })

  it('serves the offline shell worker at /sw.js (scope: the whole app), revalidated so a new one reaches browsers', async () => {
    const res = await get('/sw.js', 'br')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/javascript/)
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.body).toContain("addEventListener('fetch'")
  })
})
