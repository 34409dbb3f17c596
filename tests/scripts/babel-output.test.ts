import path from 'node:path'
import { transformSync } from '@babel/core'

/**
 * What babel.config.js makes of our source in a mini-program production build (browserslist:
 * iOS 12). ES2015 syntax iOS 12 runs ships as is (preset-env's `bugfixes`): lowering every default
 * parameter, destructuring and template literal because of engine bugs in corner cases cost the
 * main package 8.9 KB. The corner cases themselves are still rewritten.
 */
const ROOT = path.resolve(__dirname, '../..')
const ENV_KEYS = ['NODE_ENV', 'TARO_ENV', 'TARO_PLATFORM'] as const

function buildForWeapp(code: string): string {
  const saved = ENV_KEYS.map((key) => process.env[key])
  Object.assign(process.env, { NODE_ENV: 'production', TARO_ENV: 'weapp', TARO_PLATFORM: 'mini' })
  try {
    const result = transformSync(code, {
      cwd: ROOT,
      root: ROOT,
      configFile: path.join(ROOT, 'babel.config.js'),
      babelrc: false,
      filename: path.join(ROOT, 'src/probe.ts'),
    })
    return result?.code ?? ''
  } finally {
    ENV_KEYS.forEach((key, i) => {
      if (saved[i] === undefined) delete process.env[key]
      else process.env[key] = saved[i]
    })
  }
}

describe('babel output for the mini-programs (iOS 12)', () => {
  it('keeps default parameters instead of reading `arguments`', () => {
    const out = buildForWeapp('export function page(size: number, offset = 0) { return size + offset }')
    expect(out).toContain('offset = 0')
    expect(out).not.toContain('arguments')
  })

  it('keeps array and object destructuring without runtime helpers', () => {
    const out = buildForWeapp(
      'export function split(pair: [number, number], o: { a: number; b: number }) { const [x, y] = pair; const { a, ...rest } = o; return [x, y, a, rest] }',
    )
    expect(out).toContain('const [x, y] = pair')
    expect(out).toContain('...rest')
    expect(out).not.toMatch(/slicedToArray|objectWithoutProperties/)
  })

  it('keeps template literals', () => {
    expect(buildForWeapp('export const label = (n: number) => `共${n}项`')).toContain('`共${n}项`')
  })

  it('still rewrites what iOS 12 gets wrong: a tagged template gets its strings object from a module-level cache', () => {
    const out = buildForWeapp('declare const tag: any; export const t = () => tag`a${1}b`')
    expect(out).toMatch(/tag\((_\w*) \|\| \(\1 = /)
  })

  it('still lowers what ES2018 lacks (?., ??, class fields)', () => {
    const out = buildForWeapp('export class A { n = 1; f(o?: { x?: number }) { return o?.x ?? this.n } }')
    expect(out).not.toMatch(/\?\.|\?\?/)
    expect(out).not.toMatch(/^\s+n = 1/m)
  })
})
