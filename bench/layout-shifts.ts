/**
 * What moves and what is the largest paint on the H5 budget pages, as a phone sees them (412×823,
 * mobile, touch; no throttling — Lighthouse observes CLS unthrottled too). Lighthouse 12.2 on
 * this Chromium cannot build its own layout-shifts / LCP-element audits (docs/toolchain.md), so
 * this asks the page: PerformanceObserver entries for `layout-shift` (with each shift's source
 * elements and their rectangles) and `largest-contentful-paint`. Needs dist/h5 (`npm run build:h5`).
 * Run: `npx tsx bench/layout-shifts.ts` (LIGHTHOUSE_PAGES=<name part> for a subset).
 */
import path from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, startServer } from '../tests/e2e/harness'
import { BUDGET_PAGES } from './lighthouse'

/** Runs in the page before its own scripts (a string: the bundler's helpers do not exist there). */
const OBSERVE = `
window.__seen = [];
(function () {
  function describe(node) {
    var el = node && (node.nodeType === 1 ? node : node.parentElement);
    if (!el) return '(gone)';
    var cls = typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : '';
    return el.tagName.toLowerCase() + cls + ' «' + (el.textContent || '').slice(0, 30) + '»';
  }
  function rect(r) { return [r.x, r.y, r.width, r.height].map(Math.round).join(','); }
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) {
      window.__seen.push({ at: Math.round(e.startTime), kind: 'shift', value: +e.value.toFixed(4),
        counted: !e.hadRecentInput, sources: (e.sources || []).map(function (s) {
          return describe(s.node) + ' ' + rect(s.previousRect) + ' → ' + rect(s.currentRect); }) });
    });
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) {
      window.__seen.push({ at: Math.round(e.startTime), kind: 'lcp', size: e.size, element: describe(e.element) });
    });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
})();
`

interface Seen {
  at: number
  kind: 'shift' | 'lcp'
  value?: number
  counted?: boolean
  sources?: string[]
  size?: number
  element?: string
}

async function main(): Promise<void> {
  const server = await startServer({ STATIC_DIR: path.join(__dirname, '../dist/h5'), REMINDERS_ENABLED: '0' })
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
  try {
    const only = process.env.LIGHTHOUSE_PAGES
    for (const page of BUDGET_PAGES.filter((p) => !only || p.name.includes(only))) {
      const context = await browser.newContext({
        viewport: { width: 412, height: 823 },
        deviceScaleFactor: 1.75,
        isMobile: true,
        hasTouch: true,
      })
      const tab = await context.newPage()
      await tab.addInitScript({ content: OBSERVE })
      await tab.goto(server.baseUrl + page.route, { waitUntil: 'load' })
      await tab.waitForTimeout(4000)
      const seen = (await tab.evaluate('window.__seen')) as Seen[]
      const cls = seen.filter((s) => s.kind === 'shift' && s.counted).reduce((sum, s) => sum + (s.value ?? 0), 0)
      console.log(`${page.name}: CLS ${cls.toFixed(3)} (shifts after input excluded)`)
      for (const s of seen.sort((a, b) => a.at - b.at)) {
        if (s.kind === 'lcp') console.log(`  ${s.at} ms  LCP candidate ${s.size} px²: ${s.element}`)
        else {
          console.log(`  ${s.at} ms  shift ${s.value}${s.counted ? '' : ' (after input: not counted)'}`)
          for (const source of s.sources ?? []) console.log(`      ${source}`)
        }
      }
      await context.close()
    }
  } finally {
    await browser.close()
    await server.stop()
  }
}

if (path.resolve(process.argv[1] ?? '') === __filename) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
