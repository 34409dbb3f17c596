import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * Lints code as `npx eslint` would, for the boundary tests (lintBoundaries, serverBoundaries):
 * each probe with the project's eslint.config.mjs at a path of the real tree, and each file of a
 * fixture tree written to a temporary folder with a config of the test's own (JavaScript source of
 * an array, seeing `fixture.dir`, `tseslint` and the local rules as `local`). ESLint's config and
 * rules are ES modules: one child process lints everything and reports what each file raised.
 */
const ROOT = path.join(__dirname, '../..')

export interface ProbeResult {
  /** Rule ids each probe raised, sorted. */
  probes: string[][]
  /** What each fixture file raised: its rule ids, or its messages. */
  fixture: Record<string, string[]>
}

export function lintProbes(
  probes: { file: string; code: string }[],
  files: Record<string, string>,
  fixture: { config: string; report: 'ruleId' | 'message' },
): ProbeResult {
  const child = `
import { ESLint, Linter } from 'eslint'
import tseslint from 'typescript-eslint'
import local from './scripts/eslint/local-rules.mjs'
const { probes, fixture } = JSON.parse(process.argv[1])
const eslint = new ESLint({ cwd: process.cwd() })
const out = { probes: [], fixture: {} }
for (const probe of probes) {
  const [result] = await eslint.lintText(probe.code, { filePath: probe.file })
  out.probes.push(result.messages.map((m) => m.ruleId).filter(Boolean).sort())
}
const linter = new Linter({ cwd: fixture.dir })
const config = ${fixture.config}
for (const [name, code] of Object.entries(fixture.files)) {
  out.fixture[name] = linter.verify(code, config, { filename: fixture.dir + '/' + name }).map((m) => m.${fixture.report})
}
console.log(JSON.stringify(out))
`
  const dir = mkdtempSync(path.join(tmpdir(), 'zqt-eslint-probe-'))
  try {
    for (const [name, code] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
      writeFileSync(path.join(dir, name), code)
    }
    const output = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', child, JSON.stringify({ probes, fixture: { dir, files } })],
      { cwd: ROOT, encoding: 'utf8' },
    )
    return JSON.parse(output) as ProbeResult
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
