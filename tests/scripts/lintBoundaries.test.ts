import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * The lint boundaries of eslint.config.mjs, as `npx eslint` applies them: folders of src/features
 * and src/packages never import each other (derived from the folder tree, not a list), and no
 * import closes a circle (scripts/eslint/local-rules.mjs). ESLint's config and rules are ES
 * modules, so one child process lints every probe and reports the rule ids it raised.
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
const config = [{
  files: ['**/*.ts'],
  languageOptions: { parser: tseslint.parser },
  plugins: { local },
  rules: { 'local/no-cycle': ['error', { allow: [[fixture.dir + '/d.ts', fixture.dir + '/e.ts']] }] },
}]
for (const [name, code] of Object.entries(fixture.files)) {
  out.fixture[name] = linter.verify(code, config, { filename: fixture.dir + '/' + name }).map((m) => m.message)
}
console.log(JSON.stringify(out))
`

function lint(probes: { file: string; code: string }[], files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'zqt-no-cycle-'))
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

test('boundaries come from the folder tree; import circles are errors, an allowed pair is not', () => {
  const result = lint(
    [
      // compliance was missing from the hand-kept list of features: it was not governed.
      { file: 'src/features/compliance/Probe.ts', code: "export { GrantForm } from '../seals/GrantForm'\n" },
      // A feature folder no list has heard of.
      { file: 'src/features/newarea/Probe.ts', code: "export { GrantForm } from '../seals/GrantForm'\n" },
      // One subpackage's page reaching into another's.
      {
        file: 'src/packages/policies/pages/list/Probe.tsx',
        code: "export { default } from '../../../seals/pages/verify/index'\n",
      },
      // Within its own folder, and down a layer: fine.
      { file: 'src/features/seals/Probe.ts', code: "export { GrantForm } from './GrantForm'\n" },
      { file: 'src/packages/seals/pages/verify/Probe.ts', code: "export { ROUTES } from '../../../../core/routes'\n" },
    ],
    {
      'a.ts': "import { b } from './b'\nexport const a = b + 1\n",
      'b.ts': "import type { A } from './a'\nexport const b = 1\nexport type B = A\n",
      'c.ts': "import { a } from './a'\nexport const c = a\n",
      'd.ts': "import { e } from './e'\nexport const d = e\n",
      'e.ts': "import type { D } from './d'\nexport const e = 1\nexport type E = D\n",
      'sub/f.ts': "import { g } from '../g'\nexport const f = g\n",
      'g.ts': "export { f } from './sub/f'\nexport const g = 1\n",
    },
  )
  expect(result.probes).toEqual([
    ['local/no-sibling-import'],
    ['local/no-sibling-import'],
    ['local/no-sibling-import'],
    [],
    [],
  ])
  expect(result.fixture['a.ts']).toEqual([
    'Import circle: a.ts → b.ts → a.ts. Move what both need into a file of its own.',
  ])
  expect(result.fixture['b.ts']).toHaveLength(1)
  expect(result.fixture['c.ts']).toEqual([])
  expect(result.fixture['d.ts']).toEqual([])
  expect(result.fixture['e.ts']).toEqual([])
  expect(result.fixture['sub/f.ts']).toEqual([
    'Import circle: sub/f.ts → g.ts → sub/f.ts. Move what both need into a file of its own.',
  ])
})

test('nothing in src/ imports server/, not even a type (wire types are src/contract)', () => {
  const restricted = ['@typescript-eslint/no-restricted-imports']
  const result = lint(
    [
      // Allowed until the server's wire-type files went (#13 item 2): `import type` of server/contract*.
      {
        file: 'src/features/signing/Probe.ts',
        code: "import type { X } from '../../../server/contract-seals'\nexport type Y = X\n",
      },
      { file: 'src/api/Probe.ts', code: "import type { X } from '../../server/contract'\nexport type Y = X\n" },
      {
        file: 'src/pages/index/Probe.tsx',
        code: "import type { Config } from '../../../server/config'\nexport type Y = Config\n",
      },
      {
        file: 'src/contract/esign/Probe.ts',
        code: "import type { Db } from '../../../server/db/types'\nexport type Y = Db\n",
      },
      { file: 'src/domain/Probe.ts', code: "export { buildApp } from '../../server/app'\n" },
      // The contract is where wire types come from.
      {
        file: 'src/features/signing/Probe.ts',
        code: "import type { SignatureRecord } from '../../contract/esign/schemas'\nexport type Y = SignatureRecord\n",
      },
    ],
    {},
  )
  expect(result.probes).toEqual([restricted, restricted, restricted, restricted, restricted, []])
})
