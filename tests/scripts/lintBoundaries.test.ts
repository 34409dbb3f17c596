import { lintProbes } from './eslint-probe'

/**
 * The lint boundaries of eslint.config.mjs, as `npx eslint` applies them: folders of src/features
 * and src/packages never import each other (derived from the folder tree, not a list), and no
 * import closes a circle (scripts/eslint/local-rules.mjs). ./eslint-probe.ts lints them.
 */
// The fixture's rule: no-cycle, with one pair allowed.
const FIXTURE_CONFIG = `[{
  files: ['**/*.ts'],
  languageOptions: { parser: tseslint.parser },
  plugins: { local },
  rules: { 'local/no-cycle': ['error', { allow: [[fixture.dir + '/d.ts', fixture.dir + '/e.ts']] }] },
}]`

const lint = (probes: { file: string; code: string }[], files: Record<string, string>) =>
  lintProbes(probes, files, { config: FIXTURE_CONFIG, report: 'message' })

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
