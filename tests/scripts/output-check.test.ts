import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { h5RouteTitlesScript } from '../../config/plugins/page-titles'
import {
  checkAlipayProject,
  checkOutput,
  checkPageTitles,
  checkTemplateAria,
  patternHasLookbehind,
} from '../../scripts/output-check'
import { titlesByPage } from '../../src/domain/appManifest'

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

describe('ARIA in the mini-program templates', () => {
  // Shaped like Taro's output: a view with bindings, a bare pure-view (class and style only), text.
  const weappTemplate = (viewAria: string, textAria = 'aria-role="{{i.p1}}" aria-label="{{i.p0}}"') => `
<template name="tmpl_0_0">
  <view hover-class="{{i.p6||'none'}}" ${viewAria} style="{{i.st}}" class="{{i.cl}}" bindtap="eh"  id="{{i.uid||i.sid}}" data-sid="{{i.sid}}">
    <template is="{{xs.a(c, item.nn, l)}}" data="{{i:item,c:c+1,l:xs.f(l,item.nn)}}" wx:for="{{i.cn}}" wx:key="sid" />
  </view>
</template>
<template name="tmpl_0_3">
  <view style="{{i.st}}" class="{{i.cl}}"  id="{{i.uid||i.sid}}" data-sid="{{i.sid}}"></view>
</template>
<template name="tmpl_0_5">
  <text selectable="{{xs.b(i.p3,!1)}}" ${textAria} style="{{i.st}}" class="{{i.cl}}"  id="{{i.uid||i.sid}}" data-sid="{{i.sid}}"></text>
</template>
<template name="tmpl_0_9">
  <image src="{{i.p5}}" aria-role="{{i.p1}}" aria-label="{{i.p0}}" style="{{i.st}}" class="{{i.cl}}" />
</template>`
  const RUNTIME = 'var t={View:{"aria-role":"","aria-label":"","aria-checked":""}};'
  const VIEW_ARIA = 'aria-role="{{i.p5}}" aria-label="{{i.p3}}" aria-checked="{{i.p1}}"'

  function build(platform: 'weapp' | 'alipay', files: Record<string, string>): string {
    const out = path.join(mkdtempSync(path.join(dir, 'aria-')), platform)
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(out, name)), { recursive: true })
      writeFileSync(path.join(out, name), text)
    }
    return out
  }
  const problems = (report: ReturnType<typeof checkTemplateAria>) => report.findings.map((f) => f.problem)

  test('WeChat: roles and labels on every binding template pass, with the count per attribute', () => {
    const report = checkTemplateAria(
      build('weapp', { 'base.wxml': weappTemplate(VIEW_ARIA), 'app.js': RUNTIME }),
      'weapp',
    )
    expect(problems(report)).toEqual([])
    expect(report.counts).toEqual({ 'aria-role': 3, 'aria-label': 3, 'aria-checked': 1 })
    expect(report.total).toBe(7)
    expect(report.unused).toEqual(['button', 'input', 'textarea', 'canvas', 'switch'])
  })

  test('WeChat: the template as Taro builds it without the plugin fails for each component', () => {
    const plain = weappTemplate('animation="{{i.p0}}"', 'space="{{i.p4}}"').replace(/ aria-[a-z]+="[^"]*"/g, '')
    const report = checkTemplateAria(build('weapp', { 'base.wxml': plain, 'app.js': '' }), 'weapp')
    expect(problems(report)).toEqual([
      '1 of 1 <view> templates lack aria-role',
      '1 of 1 <view> templates lack aria-label',
      '1 of 1 <text> templates lack aria-role',
      '1 of 1 <text> templates lack aria-label',
      '1 of 1 <image> templates lack aria-role',
      '1 of 1 <image> templates lack aria-label',
      'no aria attribute at all',
    ])
    expect(report.total).toBe(0)
  })

  test('WeChat: one template without the label fails', () => {
    const report = checkTemplateAria(
      build('weapp', { 'base.wxml': weappTemplate(VIEW_ARIA, 'aria-role="{{i.p1}}"'), 'app.js': RUNTIME }),
      'weapp',
    )
    expect(problems(report)).toEqual(['1 of 1 <text> templates lack aria-label'])
  })

  test('a template binding aria that the shipped scripts do not name fails (runtime half missing)', () => {
    const report = checkTemplateAria(
      build('weapp', {
        'base.wxml': weappTemplate(VIEW_ARIA),
        'app.js': 'var t={View:{"aria-role":"","aria-label":""}};',
      }),
      'weapp',
    )
    expect(problems(report)).toEqual([
      'the template binds aria-checked but no shipped script names aria-checked: the runtime would number attributes differently',
    ])
  })

  test('Alipay: the role is `role`; a WeChat-shaped aria-role fails', () => {
    const alipay = (s: string) => s.replace(/aria-role=/g, 'role=')
    const good = checkTemplateAria(
      build('alipay', { 'base.axml': alipay(weappTemplate(VIEW_ARIA)), 'app.js': RUNTIME }),
      'alipay',
    )
    expect(problems(good)).toEqual([])
    expect(good.counts).toEqual({ role: 3, 'aria-label': 3, 'aria-checked': 1 })

    const wechatShaped = checkTemplateAria(
      build('alipay', { 'base.axml': weappTemplate(VIEW_ARIA), 'app.js': RUNTIME }),
      'alipay',
    )
    expect(problems(wechatShaped)).toEqual([
      '1 of 1 <view> templates lack role',
      '1 of 1 <text> templates lack role',
      '1 of 1 <image> templates lack role',
    ])
  })

  test('a build without its template fails', () => {
    const report = checkTemplateAria(build('alipay', { 'app.js': RUNTIME }), 'alipay')
    expect(problems(report)).toEqual(['missing: build it first'])
  })
})

describe("each page's title in the build is the manifest's (config/plugins/page-titles.ts)", () => {
  const TITLES = { 'pages/me/index': '我的', 'packages/seals/pages/verify/index': '验章' }
  const pageJson = (key: string, title: string) => JSON.stringify({ [key]: title, usingComponents: {} })
  const problems = (findings: { file: string; problem: string }[]) =>
    findings.map((f) => `${path.basename(path.dirname(f.file))}/${path.basename(f.file)}: ${f.problem}`)

  test('WeChat: navigationBarTitleText of each page .json; a wrong or missing title fails', () => {
    const good = outputWith({
      'pages/me/index.json': pageJson('navigationBarTitleText', '我的'),
      'packages/seals/pages/verify/index.json': pageJson('navigationBarTitleText', '验章'),
    })
    expect(checkPageTitles(good, 'weapp', TITLES)).toEqual([])
    const bad = outputWith({
      'pages/me/index.json': pageJson('navigationBarTitleText', '我'),
      'packages/seals/pages/verify/index.json': JSON.stringify({ usingComponents: {} }),
    })
    expect(problems(checkPageTitles(bad, 'weapp', TITLES))).toEqual([
      'me/index.json: navigationBarTitleText is "我", the manifest says "我的"',
      'verify/index.json: navigationBarTitleText is undefined, the manifest says "验章"',
    ])
  })

  test('Alipay: the title is defaultTitle; a page without its .json fails', () => {
    const build = outputWith({ 'pages/me/index.json': pageJson('defaultTitle', '我的') })
    expect(problems(checkPageTitles(build, 'alipay', TITLES))).toEqual([
      'verify/index.json: missing: the page has no .json',
    ])
    const weappShaped = outputWith({
      'pages/me/index.json': pageJson('navigationBarTitleText', '我的'),
      'packages/seals/pages/verify/index.json': pageJson('navigationBarTitleText', '验章'),
    })
    expect(checkPageTitles(weappShaped, 'alipay', TITLES)).toHaveLength(2)
  })

  test("H5: the entry's title table, as written or minified with escapes; a page without its title fails", () => {
    const table = h5RouteTitlesScript(titlesByPage())
    expect(checkPageTitles(outputWith({ 'js/app.1234.js': table }), 'h5')).toEqual([])
    const escaped = '{"pages/me/index":"\\u6211\\u7684","packages/seals/pages/verify/index":"\\u9a8c\\u7ae0"}'
    expect(checkPageTitles(outputWith({ 'js/app.js': escaped }), 'h5', TITLES)).toEqual([])
    const wrong = outputWith({ 'js/app.js': '{"pages/me/index":"我的","packages/seals/pages/verify/index":"验"}' })
    expect(checkPageTitles(wrong, 'h5', TITLES).map((f) => f.problem)).toEqual([
      'no title "验章" for packages/seals/pages/verify/index in the H5 entry',
    ])
  })
})
