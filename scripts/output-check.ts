// Output check: every JavaScript file the app ships (dist/weapp, dist/alipay, dist/h5) must load
// on iOS 12's JavaScriptCore — the engine of WeChat's and Alipay's logic layer and of WeChat's
// in-app browser on those iPhones. A file with newer syntax is a SyntaxError when it loads, and
// with it every page that requires the file. So:
//   1. es-check es2018: the file parses as ES2018 (no optional catch binding, ?., ??, class fields…);
//   2. no regex lookbehind ((?<=…), (?<!…)): ES2018 syntax, but JavaScriptCore has it only from
//      iOS 16.4, and Babel cannot lower it. Regex literals fail the whole file at load; patterns
//      given to RegExp(…) as constant strings fail when they run — both are reported;
//   3. dist/alipay/mini.project.json exists with the component2 setting Taro's Alipay output needs;
//   4. ARIA reaches the mini-program templates (config/plugins/aria-templates.ts): in base.wxml /
//      base.axml every template of View, Button, Text, Image, Input, Textarea, Canvas and Switch
//      that binds attributes binds the role (WeChat aria-role, Alipay role) and aria-label, and
//      the shipped JavaScript names every aria attribute the template binds (the runtime half:
//      without it the runtime numbers attributes differently from the template). The count of
//      aria attributes per file is printed.
//   5. every page carries its title from the manifest (TITLES of src/domain/appManifest.ts, put
//      there by config/plugins/page-titles.ts): each page's .json on WeChat
//      (navigationBarTitleText) and Alipay (defaultTitle), and the H5 entry's table of titles.
// ES2019+ built-ins (Object.fromEntries, String#replaceAll…) are not syntax: they are listed for
// information, as es-check --checkFeatures names them.
//
// `npx tsx scripts/output-check.ts [dist/weapp dist/alipay dist/h5]`; run by `npm run size` and CI.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { ARIA_COMPONENTS, ARIA_RENAMES } from '../config/plugins/aria-attributes'
import type { AriaPlatform } from '../config/plugins/aria-attributes'
import { titlesByPage } from '../src/domain/appManifest'

const require = createRequire(__filename)
// es-check is a devDependency; its own parser (acorn, pinned by es-check) also parses for the
// lookbehind scan, so both read the files the same way.
const esCheck = require('es-check') as {
  runChecks: (
    configs: Record<string, unknown>[],
    options: Record<string, unknown>,
  ) => { success: boolean; errors: { file: string; err: Error & { features?: string[] } }[] }
}
const acorn = require(require.resolve('acorn', { paths: [path.dirname(require.resolve('es-check'))] })) as {
  parse: (code: string, options: Record<string, unknown>) => AstNode
}

interface AstNode {
  type: string
  start: number
  loc?: { start: { line: number; column: number } }
  [key: string]: unknown
}

export interface Finding {
  file: string
  problem: string
}

/** Whether a regex pattern holds a lookbehind group, outside character classes and escapes. */
export function patternHasLookbehind(pattern: string): boolean {
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') {
      i++
    } else if (inClass) {
      if (c === ']') inClass = false
    } else if (c === '[') {
      inClass = true
    } else if (c === '(' && pattern.startsWith('?<', i + 1) && (pattern[i + 3] === '=' || pattern[i + 3] === '!')) {
      return true
    }
  }
  return false
}

/** The value of a string built from constants only ('…', `…`, '…' + '…'), else undefined. */
function constantString(node: AstNode | undefined): string | undefined {
  if (!node) return undefined
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) {
    return ((node.quasis as { value: { cooked: string } }[])[0]?.value.cooked ?? '') as string
  }
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const left = constantString(node.left as AstNode)
    const right = constantString(node.right as AstNode)
    return left === undefined || right === undefined ? undefined : left + right
  }
  return undefined
}

function isRegExpCallee(node: AstNode): boolean {
  if (node.type === 'Identifier') return node.name === 'RegExp'
  // globalThis.RegExp, window.RegExp, e.RegExp after minification
  return node.type === 'MemberExpression' && !node.computed && (node.property as AstNode).name === 'RegExp'
}

function walk(node: unknown, visit: (node: AstNode) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit)
    return
  }
  if (node === null || typeof node !== 'object' || typeof (node as AstNode).type !== 'string') return
  visit(node as AstNode)
  for (const key of Object.keys(node)) {
    if (key !== 'loc' && key !== 'regex') walk((node as Record<string, unknown>)[key], visit)
  }
}

/** Lookbehind in regex literals and in constant patterns given to RegExp(…) / new RegExp(…). */
export function lookbehindsIn(code: string, file: string, sourceType: 'script' | 'module' = 'script'): Finding[] {
  let ast: AstNode
  try {
    ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType, locations: true, allowHashBang: true })
  } catch (error) {
    return [{ file, problem: `does not parse as JavaScript: ${(error as Error).message}` }]
  }
  const findings: Finding[] = []
  const at = (node: AstNode) => `${node.loc?.start.line}:${node.loc?.start.column}`
  walk(ast, (node) => {
    const regex = node.regex as { pattern: string } | undefined
    if (node.type === 'Literal' && regex && patternHasLookbehind(regex.pattern)) {
      findings.push({
        file,
        problem: `regex lookbehind at ${at(node)}: /${regex.pattern}/ (a SyntaxError at load before iOS 16.4)`,
      })
    }
    if ((node.type === 'NewExpression' || node.type === 'CallExpression') && isRegExpCallee(node.callee as AstNode)) {
      const pattern = constantString((node.arguments as AstNode[])[0])
      if (pattern !== undefined && patternHasLookbehind(pattern)) {
        findings.push({
          file,
          problem: `regex lookbehind in RegExp(…) at ${at(node)}: ${JSON.stringify(pattern)} (throws before iOS 16.4)`,
        })
      }
    }
  })
  return findings
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return jsFiles(full)
    return name.endsWith('.js') ? [full] : []
  })
}

/** es-check's verdict on the files: syntax beyond ES2018 fails; `features` lists ES2019+ built-ins too. */
function esCheck2018(files: string[], checkFeatures: boolean) {
  if (files.length === 0) return []
  return esCheck.runChecks([{ ecmaVersion: 'es2018', files, checkFeatures, cache: false }], {}).errors
}

export interface OutputReport {
  filesChecked: number
  /** what fails the check */
  findings: Finding[]
  /** ES2019+ built-in APIs es-check saw, per feature: the files that use them */
  builtIns: Record<string, string[]>
}

/** Checks every .js file under the given output directories. */
export function checkOutput(dirs: string[]): OutputReport {
  const findings: Finding[] = []
  const files: string[] = []
  for (const dir of dirs) {
    if (!existsSync(dir)) findings.push({ file: dir, problem: 'missing: build it first' })
    else files.push(...jsFiles(dir))
  }
  for (const { file, err } of esCheck2018(files, false)) {
    findings.push({ file, problem: `syntax beyond ES2018: ${err.message.split('\n')[0]}` })
  }
  for (const file of files) findings.push(...lookbehindsIn(readFileSync(file, 'utf8'), file))

  const builtIns: Record<string, string[]> = {}
  for (const { file, err } of esCheck2018(files, true)) {
    for (const feature of err.features ?? []) (builtIns[feature] ??= []).push(file)
  }
  return { filesChecked: files.length, findings, builtIns }
}

/** The Alipay IDE reads mini.project.json; Taro's Alipay output needs component2 (基础库 2.x components). */
export function checkAlipayProject(dir: string): Finding[] {
  const file = path.join(dir, 'mini.project.json')
  if (!existsSync(file)) return [{ file, problem: 'missing: the Alipay IDE would compile without component2' }]
  const project = JSON.parse(readFileSync(file, 'utf8')) as {
    format?: number
    component2?: boolean
    compileOptions?: { component2?: boolean }
  }
  // format 2 keeps compile options under compileOptions; the older format has them at the top.
  const component2 = project.format === 2 ? project.compileOptions?.component2 : project.component2
  return component2 === true ? [] : [{ file, problem: 'component2 must be true' }]
}

/** The key of a page's title in its built .json: Alipay renames navigationBarTitleText. */
const TITLE_KEY: Record<string, string> = { weapp: 'navigationBarTitleText', alipay: 'defaultTitle' }

/** `"key":"value"` as a minifier may write it: UTF-8 as is, or every non-ASCII character escaped. */
function literalPairs(key: string, value: string): string[] {
  const pair = `${JSON.stringify(key)}:${JSON.stringify(value)}`
  const escaped = pair.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return [pair, escaped]
}

/**
 * Each page's title in a build (dir is dist/weapp, dist/alipay or dist/h5) is the manifest's:
 * the page .json on the mini-programs, the H5 entry's title table (config/plugins/page-titles.ts).
 */
export function checkPageTitles(dir: string, platform: string, titles = titlesByPage()): Finding[] {
  const findings: Finding[] = []
  if (platform === 'h5') {
    const code = existsSync(dir) ? jsFiles(dir).map((file) => readFileSync(file, 'utf8')) : []
    for (const [page, title] of Object.entries(titles)) {
      const forms = literalPairs(page, title)
      if (!code.some((text) => forms.some((form) => text.includes(form))))
        findings.push({ file: dir, problem: `no title ${JSON.stringify(title)} for ${page} in the H5 entry` })
    }
    return findings
  }
  for (const [page, title] of Object.entries(titles)) {
    const file = path.join(dir, `${page}.json`)
    if (!existsSync(file)) {
      findings.push({ file, problem: 'missing: the page has no .json' })
      continue
    }
    const built = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[TITLE_KEY[platform]]
    if (built !== title)
      findings.push({
        file,
        problem: `${TITLE_KEY[platform]} is ${JSON.stringify(built)}, the manifest says ${JSON.stringify(title)}`,
      })
  }
  return findings
}

export interface AriaReport {
  findings: Finding[]
  /** the template file checked */
  file: string
  /** aria attributes (and Alipay's role) bound in the template, per attribute name */
  counts: Record<string, number>
  total: number
  /** of the eight components, those the app does not use (Taro leaves them out of the template) */
  unused: string[]
}

const TEMPLATE_FILE: Record<AriaPlatform, string> = { weapp: 'base.wxml', alipay: 'base.axml' }
const toDashed = (name: string) => name.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase())

/** The opening tags of a template, with their attributes (values are "…" bindings, never holding a quote). */
function openingTags(template: string): { tag: string; attrs: Map<string, string> }[] {
  const tags: { tag: string; attrs: Map<string, string> }[] = []
  for (const [, tag, body] of template.matchAll(/<([a-z][a-z-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs = new Map<string, string>()
    for (const [, name, value] of body.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) attrs.set(name, value ?? '')
    tags.push({ tag, attrs })
  }
  return tags
}

/**
 * ARIA in a mini-program build: every template of the eight components that binds attributes
 * (`{{i.p3}}`: not the bare pure-view / click-view, which only take class and style, nor
 * slot-view's <view slot="…">) binds the
 * role and the label, and every aria attribute the template binds is named in the shipped
 * JavaScript (the runtime half of config/plugins/aria-templates.ts).
 */
export function checkTemplateAria(dir: string, platform: AriaPlatform): AriaReport {
  const file = path.join(dir, TEMPLATE_FILE[platform])
  const report: AriaReport = { findings: [], file, counts: {}, total: 0, unused: [] }
  if (!existsSync(file)) {
    report.findings.push({ file, problem: 'missing: build it first' })
    return report
  }
  const renames = ARIA_RENAMES[platform]
  const templateName = (attr: string) => renames[attr] ?? attr
  const propName = (attr: string) => Object.keys(renames).find((key) => renames[key] === attr) ?? attr
  const role = templateName('aria-role')
  const isAria = (attr: string) => attr.startsWith('aria-') || attr === role

  const tags = openingTags(readFileSync(file, 'utf8'))
  for (const { attrs } of tags) {
    for (const [name, value] of attrs) {
      if (isAria(name) && value.includes('{{')) report.counts[name] = (report.counts[name] ?? 0) + 1
    }
  }
  report.total = Object.values(report.counts).reduce((sum, n) => sum + n, 0)

  for (const component of ARIA_COMPONENTS) {
    const tag = toDashed(component)
    const templates = tags.filter((t) => t.tag === tag)
    if (templates.length === 0) {
      report.unused.push(tag)
      continue
    }
    // Taro's slot-view is a <view slot="…">, the component's own attributes aside.
    const binding = templates.filter((t) =>
      [...t.attrs].some(([name, value]) => name !== 'slot' && /\{\{[^}]*\bi\.p\d/.test(value)),
    )
    for (const attr of [role, 'aria-label']) {
      const lacking = binding.filter((t) => !t.attrs.has(attr)).length
      if (lacking) {
        report.findings.push({ file, problem: `${lacking} of ${binding.length} <${tag}> templates lack ${attr}` })
      }
    }
  }
  if (report.total === 0) report.findings.push({ file, problem: 'no aria attribute at all' })

  const code = existsSync(dir) ? jsFiles(dir).map((js) => readFileSync(js, 'utf8')) : []
  for (const attr of Object.keys(report.counts).map(propName)) {
    if (!code.some((js) => js.includes(`"${attr}"`) || js.includes(`'${attr}'`))) {
      report.findings.push({
        file: dir,
        problem: `the template binds ${templateName(attr)} but no shipped script names ${attr}: the runtime would number attributes differently`,
      })
    }
  }
  return report
}

export function runOutputCheck(dirs: string[]): boolean {
  const report = checkOutput(dirs)
  const alipay = dirs.find((dir) => path.basename(dir) === 'alipay')
  if (alipay && existsSync(alipay)) report.findings.push(...checkAlipayProject(alipay))
  const ariaReports = dirs
    .filter((dir) => existsSync(dir) && (path.basename(dir) === 'weapp' || path.basename(dir) === 'alipay'))
    .map((dir) => checkTemplateAria(dir, path.basename(dir) as AriaPlatform))
  for (const aria of ariaReports) report.findings.push(...aria.findings)
  const titled = dirs.filter((dir) => existsSync(dir) && ['weapp', 'alipay', 'h5'].includes(path.basename(dir)))
  for (const dir of titled) report.findings.push(...checkPageTitles(dir, path.basename(dir)))

  console.log(
    `\noutput check (iOS 12 JavaScriptCore: ES2018 syntax, no regex lookbehind): ${report.filesChecked} files in ${dirs.join(', ')}`,
  )
  const builtIns = Object.entries(report.builtIns)
  if (builtIns.length) {
    console.log('  ES2019+ built-ins used (not syntax; each needs the platform to have it):')
    for (const [feature, files] of builtIns) console.log(`    ${feature}: ${files.length} file(s), e.g. ${files[0]}`)
  }
  for (const aria of ariaReports) {
    const counts = Object.entries(aria.counts).map(([name, n]) => `${name} ${n}`)
    console.log(`  ${aria.file}: ${aria.total} aria attributes (${counts.join(', ') || 'none'})`)
    if (aria.unused.length)
      console.log(`    not in the template (the app does not use them): ${aria.unused.join(', ')}`)
  }
  if (report.findings.length) {
    console.error(`  FAILED:\n    ${report.findings.map((f) => `${f.file}: ${f.problem}`).join('\n    ')}`)
    return false
  }
  console.log(
    `  passed: every file parses as ES2018, no regex lookbehind${ariaReports.length ? '; roles and labels reach the templates' : ''}${titled.length ? `; every page has its manifest title (${titled.map((dir) => path.basename(dir)).join(', ')})` : ''}`,
  )
  return true
}

if (require.main === module) {
  const dirs = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
  const ok = runOutputCheck(dirs.length ? dirs : ['dist/weapp', 'dist/alipay', 'dist/h5'])
  process.exit(ok ? 0 : 1)
}
