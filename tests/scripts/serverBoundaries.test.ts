import { lintProbes } from './eslint-probe'

/**
 * The server's lint boundaries (#13), as `npx eslint` applies them with eslint.config.mjs: a folder
 * of server/capabilities never imports another — read from the folder tree, so a capability folder
 * no list names is governed — the kernel never imports a capability or the composition, and a
 * capability never imports the composition. Then the same rules on a fixture tree made here, with a
 * capability folder created on disk for the test (./eslint-probe.ts lints them).
 */
// The fixture's rules: the server's, rooted in the temporary tree.
const FIXTURE_CONFIG = `[
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
]`

const lint = (probes: { file: string; code: string }[], files: Record<string, string>) =>
  lintProbes(probes, files, { config: FIXTURE_CONFIG, report: 'ruleId' })

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
