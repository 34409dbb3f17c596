import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { checkAlipayProject, checkOutput, patternHasLookbehind } from '../../scripts/output-check'

// Fixtures are built from pieces so this test file itself holds no lookbehind.
const LB = '(?<'
let dir: string

function outputWith(files: Record<string, string>): string {
  const out = mkdtempSync(path.join(dir, 'dist-'))
  for (const [name, code] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(out, name)), { recursive: true })
    writeFileSync(path.join(out, name), code)
  }
  return out
}

const problemsOf = (files: Record<string, string>) =>
  checkOutput([outputWith(files)]).findings.map((f) => `${path.basename(f.file)}: ${f.problem}`)

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zqt-output-check-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('output check: what iOS 12 JavaScriptCore loads', () => {
  test('plain ES2018 passes, named groups, async iteration, object spread and s-flag included', () => {
    const es2018 = `
      var mask = /(^|[^\\dA-Za-z])(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)/g;
      var date = /(?<year>\\d{4})-(?<month>\\d{2})/u;
      var dot = /a.b/s;
      var copy = Object.assign({}, { ...{ a: 1 } });
      async function f(items) { for await (const x of items) { try { await x } catch (e) {} } }
      var lookahead = new RegExp('a(?=b)(?!c)[(?<!]');`
    expect(problemsOf({ 'app.js': es2018, 'packages/a/index.js': 'module.exports = 1' })).toEqual([])
  })

  test.each([
    ['regex literal', `var r = /${LB}![\\dA-Za-z])1\\d{10}/g;`],
    ['regex literal, positive', `var r = /${LB}=a)b/;`],
    ['new RegExp string', `var r = new RegExp('${LB}!x)y', 'g');`],
    ['RegExp call on a concatenation', `var r = RegExp('${LB}' + '=x)y');`],
    ['RegExp from a template', 'var r = new window.RegExp(`' + LB + '!x)y`);'],
  ])('fails on a lookbehind: %s', (_name, code) => {
    const problems = problemsOf({ 'pages/a/index.js': code })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^index\.js: regex lookbehind/)
  })

  test.each([
    ['optional chaining', 'var a = b?.c;'],
    ['nullish coalescing', 'var a = b ?? c;'],
    ['optional catch binding', 'try { f() } catch { g() }'],
    ['class fields', 'class A { x = 1 }'],
    ['logical assignment', 'a ||= b;'],
    ['numeric separators', 'var n = 1_000;'],
  ])('fails on syntax beyond ES2018: %s', (_name, code) => {
    const problems = problemsOf({ 'vendors.js': code })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^vendors\.js: syntax beyond ES2018/)
  })

  test('a missing output directory fails', () => {
    expect(checkOutput([path.join(dir, 'no-such-dist')]).findings).toEqual([
      { file: path.join(dir, 'no-such-dist'), problem: 'missing: build it first' },
    ])
  })

  test('lists ES2019+ built-ins without failing on them', () => {
    const report = checkOutput([outputWith({ 'a.js': 'var o = Object.fromEntries([["a", 1]]);' })])
    expect(report.findings).toEqual([])
    expect(Object.keys(report.builtIns)).toEqual(['ObjectFromEntries'])
  })

  test.each([
    ['(?<=a)', true],
    ['(?<!a)', true],
    ['x|(?<!a)', true],
    ['(?<name>a)', false],
    ['\\(?<=a', false],
    ['[(?<=]', false],
    ['[\\]](?<=a)', true],
  ])('patternHasLookbehind(%j) → %s', (pattern, expected) => {
    expect(patternHasLookbehind(pattern)).toBe(expected)
  })
})

describe('Alipay project file', () => {
  test('dist/alipay needs mini.project.json with component2', () => {
    const missing = outputWith({ 'app.js': '' })
    expect(checkAlipayProject(missing)).toHaveLength(1)
    const without = outputWith({ 'mini.project.json': '{"format":2,"component2":true}' })
    expect(checkAlipayProject(without)[0].problem).toBe('component2 must be true')
    const good = outputWith({ 'mini.project.json': '{"format":2,"compileOptions":{"component2":true}}' })
    expect(checkAlipayProject(good)).toEqual([])
    const older = outputWith({ 'mini.project.json': '{"component2":true}' })
    expect(checkAlipayProject(older)).toEqual([])
  })
})
