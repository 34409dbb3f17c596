import { runInNewContext } from 'node:vm'
import { minify } from 'terser'

/**
 * The mini-programs' minifier output: Taro's own output options (MiniBaseConfig's
 * defaultTerserOptions.output, ascii_only on) merged with config/index.ts's `terser` for the mini-programs, as
 * Taro merges them. Chinese text ships as UTF-8, 3 bytes a character instead of 6 (\uXXXX): the
 * main package held ~2,200 such characters.
 */
const TARO_DEFAULT_OUTPUT = { ecma: 5, comments: false, ascii_only: true } as const

function miniTerserOutput(): Record<string, unknown> {
  const previous = process.env.TARO_ENV
  process.env.TARO_ENV = 'weapp'
  try {
    // config/index.ts reads TARO_ENV when it loads.
    let terser: { config?: { output?: Record<string, unknown> } } | undefined
    jest.isolateModules(() => {
      const config = (require('../../config/index') as typeof import('../../config/index')).default
      terser = (config() as { terser?: typeof terser }).terser
    })
    return { ...TARO_DEFAULT_OUTPUT, ...terser?.config?.output }
  } finally {
    process.env.TARO_ENV = previous
  }
}

async function minifyForMini(code: string): Promise<string> {
  const result = await minify(code, { output: miniTerserOutput() })
  return result.code ?? ''
}

test('Chinese text is written as UTF-8, not as \\u escapes', async () => {
  const out = await minifyForMini('var title = "政企通：证照到期提醒"; module.exports = title')
  expect(out).toContain('"政企通：证照到期提醒"')
  expect(out).not.toMatch(/\\u[0-9a-f]{4}/i)
})

test('what must stay escaped stays escaped, and every string keeps its value', async () => {
  const source = 'module.exports = ["\\ud800", "a\\u2028b\\u2029c", "政\\ufeff", /网络|超时/.test("网络错误")]'
  const out = await minifyForMini(source)
  expect(out).toContain('\\ud800')
  expect(out).toMatch(/\\u2028/)
  expect(out).toMatch(/\\u2029/)
  const run = (code: string) => {
    const module = { exports: undefined as unknown }
    runInNewContext(code, { module })
    return module.exports
  }
  expect(run(out)).toEqual(run(source))
})
