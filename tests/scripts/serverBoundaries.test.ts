import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * The server's lint boundaries (#13), as `npx eslint` applies them with eslint.config.mjs: a folder
 * of server/capabilities never imports another — read from the folder tree, so a capability folder
 * no list names is governed — the kernel never imports a capability or the composition, and a
 * capability never imports the composition. Then the same rules on a fixture tree made here, with a
 * capability folder created on disk for the test. ESLint's config and rules are ES modules: one
 * child process lints every probe and reports the rule ids it raised.
 */
const ROOT = path.join(__dirname, '../..')

const CHILD = `
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
const config = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { local },
  },
  {
    files: ['capabilities/**/*.ts'],
    rules: {
      'local/no-sibling-import': ['error', { roots: [fixture.dir + '/capabilities'] }],
      'local/no-import-into': ['error', { into: [fixture.dir + '/app.ts'], because: 'composition.' }],
    },
  },
  {
    files: ['kernel/**/*.ts'],
    rules: { 'local/no-import-into': ['error', { into: [fixture.dir + '/capabilities', fixture.dir + '/app.ts'] }] },
  },
]
for (const [name, code] of Object.entries(fixture.files)) {
  out.fixture[name] = linter.verify(code, config, { filename: fixture.dir + '/' + name }).map((m) => m.ruleId)
}
console.log(JSON.stringify(out))
`

function lint(probes: { file: string; code: string }[], files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'zqt-server-boundaries-'))
  try {
    for (const [name, code] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
      writeFileSync(path.join(dir, name), code)
    }
    const output = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', CHILD, JSON.stringify({ probes, fixture: { dir, files } })],
      { cwd: ROOT, encoding: 'utf8' },
    )
    return JSON.parse(output) as { probes: string[][]; fixture: Record<string, string[]> }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

test('a capability never imports another (any folder, named in no list), the kernel none, nobody the composition', () => {
  const result = lint(
    [
      // A capability folder no list has heard of, reaching into esign.
      { file: 'server/capabilities/newcap/plugin.ts', code: "export { LIVE_GRANT } from '../esign/seals/grants'\n" },
      // What compliance did before its read model.
      {
        file: 'server/capabilities/compliance/timeline.ts',
        code: "export { loadCatalogue } from '../licences/catalogue-store'\n",
      },
      // The kernel reaching up into a capability, into the seed, into app.ts.
      {
        file: 'server/kernel/auth/probe.ts',
        code: "export { sealGrantRoutes } from '../../capabilities/esign/routes/seal-grants'\n",
      },
      { file: 'server/kernel/probe.ts', code: "export { seedDemoData } from '../seed/demo'\n" },
      { file: 'server/kernel/probe.ts', code: "export { buildApp } from '../app'\n" },
      // A capability importing the composition.
      { file: 'server/capabilities/newcap/seed.ts', code: "export { DEMO_USERS } from '../../seed/demo'\n" },
      { file: 'server/capabilities/newcap/plugin.ts', code: "export { JOBS } from '../../jobs'\n" },
      // Fine: a capability down to the kernel, to src/domain and src/contract, within itself; the
      // composition importing capabilities; the kernel's own seed data.
      {
        file: 'server/capabilities/newcap/plugin.ts',
        code: "export { ApiError } from '../../kernel/http/api-error'\n",
      },
      {
        file: 'server/capabilities/newcap/rules.ts',
        code: "export { addDays } from '../../../src/domain/calendar/dates'\n",
      },
      {
        file: 'server/capabilities/esign/probe.ts',
        code: "export { liveGrant } from '../../kernel/auth/live-grant'\n",
      },
      { file: 'server/capabilities/esign/probe.ts', code: "export { grantSeal } from './seals/grants'\n" },
      { file: 'server/app.ts', code: "export { esignPlugin } from './capabilities/esign/plugin'\n" },
      { file: 'server/kernel/probe.ts', code: "export { DEMO_USERS } from './seed/demo-data'\n" },
      // Once allowed while another branch owned the file; the allow-list is empty now: refused.
      { file: 'server/capabilities/account/members.ts', code: "export { recordAudit } from '../esign/seals/audit'\n" },
    ],
    {
      'app.ts': "export { a } from './capabilities/alpha/a'\n",
      'kernel/k.ts': 'export const k = 1\n',
      'kernel/up.ts': "export { b } from '../capabilities/brandnew/b'\n",
      'capabilities/alpha/a.ts': "import { k } from '../../kernel/k'\nexport const a = k\n",
      // A capability folder made on disk for this test: governed at once.
      'capabilities/brandnew/b.ts': "import { a } from '../alpha/a'\nexport const b = a\n",
      'capabilities/brandnew/c.ts':
        "import { b } from './b'\nimport { k } from '../../kernel/k'\nexport const c = b + k\n",
      'capabilities/brandnew/d.ts': "export { a } from '../../app'\n",
    },
  )
  expect(result.probes).toEqual([
    ['local/no-sibling-import'],
    ['local/no-sibling-import'],
    ['local/no-import-into'],
    ['local/no-import-into'],
    ['local/no-import-into'],
    ['local/no-import-into'],
    ['local/no-import-into'],
    [],
    [],
    [],
    [],
    [],
    [],
    ['local/no-sibling-import'],
  ])
  expect(result.fixture).toEqual({
    'app.ts': [],
    'kernel/k.ts': [],
    'kernel/up.ts': ['local/no-import-into'],
    'capabilities/alpha/a.ts': [],
    'capabilities/brandnew/b.ts': ['local/no-sibling-import'],
    'capabilities/brandnew/c.ts': [],
    'capabilities/brandnew/d.ts': ['local/no-import-into'],
  })
})
