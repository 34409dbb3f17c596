import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  areaArrows,
  areaOf,
  circles,
  importsOf,
  forbiddenArrows,
  serverCrossings,
  type Edge,
} from '../../scripts/import-graph'

const edge = (from: string, to: string, typeOnly = false): Edge => ({ from, to, typeOnly })

test('files fall into the app layers and the server folders', () => {
  expect(areaOf('src/features/licences/LicenceForm.tsx')).toBe('src/features')
  expect(areaOf('src/packages/seals/pages/sign/index.tsx')).toBe('src/pages')
  expect(areaOf('src/app.tsx')).toBe('src/pages')
  expect(areaOf('server/kernel/config.ts')).toBe('server/kernel')
  expect(areaOf('server/app.ts')).toBe('server')
  expect(areaOf('server/capabilities/licences/routes/licences.ts')).toBe('server/capabilities/licences')
  expect(areaOf('server/capabilities/esign/seals/pin.ts')).toBe('server/capabilities/esign')
  expect(areaOf('server/kernel/http/api-error.ts')).toBe('server/kernel')
})

test('an arrow the layer rules forbid is reported; the type-only platform → api arrow eslint allows is not', () => {
  const arrows = areaArrows([
    edge('src/features/a/A.tsx', 'src/ui/B.tsx'),
    edge('src/platform/request.ts', 'src/api/client.ts', true),
    edge('src/ui/C.tsx', 'src/core/session.ts'),
    edge('src/api/x.ts', 'src/platform/request.ts'),
  ])
  expect(forbiddenArrows(arrows).map((a) => `${a.from} → ${a.to}`)).toEqual([
    'src/api → src/platform',
    'src/ui → src/core',
  ])
  // A value import from platform into api is not what eslint allows.
  expect(forbiddenArrows(areaArrows([edge('src/platform/request.ts', 'src/api/client.ts')]))).toHaveLength(1)
})

test('circles are the strongly connected groups, type imports included', () => {
  const groups = circles([
    edge('server/contract.ts', 'server/contract-seals.ts', true),
    edge('server/contract-seals.ts', 'server/contract.ts', true),
    edge('a.ts', 'b.ts'),
    edge('b.ts', 'c.ts'),
    edge('c.ts', 'a.ts'),
    edge('c.ts', 'd.ts'),
  ])
  expect(groups).toEqual(
    expect.arrayContaining([
      ['server/contract-seals.ts', 'server/contract.ts'],
      ['a.ts', 'b.ts', 'c.ts'],
    ]),
  )
  expect(groups).toHaveLength(2)
})

test('reads imports, re-exports, import() and require(), telling type-only ones apart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-graph-'))
  const file = join(dir, 'sample.ts')
  writeFileSync(
    file,
    [
      "import type { A } from './a'",
      "import { type B, type C } from './b'",
      "import { D, type E } from './d'",
      "export { F } from './f'",
      "export type { G } from './g'",
      "const h = () => import('./h')",
      "const i = require('./i')",
      "type J = import('./j').J",
    ].join('\n'),
  )
  expect(importsOf(file)).toEqual([
    { specifier: './a', typeOnly: true },
    { specifier: './b', typeOnly: true },
    { specifier: './d', typeOnly: false },
    { specifier: './f', typeOnly: false },
    { specifier: './g', typeOnly: true },
    { specifier: './h', typeOnly: false },
    { specifier: './i', typeOnly: false },
    { specifier: './j', typeOnly: true },
  ])
})

test('server imports across capabilities, from the kernel up, or into the composition are reported, by folder', () => {
  const edges = [
    // A capability folder no list names is governed like the others.
    edge('server/capabilities/newcap/plugin.ts', 'server/capabilities/esign/seals/grants.ts'),
    edge('server/capabilities/compliance/timeline.ts', 'server/capabilities/licences/licence-repo.ts', true),
    edge('server/kernel/auth/enterprise-access.ts', 'server/capabilities/esign/seals/seal-repo.ts'),
    edge('server/kernel/ready.ts', 'server/seed/demo.ts'),
    edge('server/capabilities/esign/seed/demo-seals.ts', 'server/seed/demo.ts'),
    edge('server/capabilities/licences/plugin.ts', 'server/app.ts'),
    // Down to the kernel, within a capability, the composition importing anything: fine.
    edge('server/capabilities/licences/routes/licences.ts', 'server/kernel/http/api-error.ts'),
    edge('server/capabilities/esign/face/face-sessions.ts', 'server/capabilities/esign/seals/seal-repo.ts'),
    edge('server/app.ts', 'server/capabilities/esign/plugin.ts'),
    edge('server/seed/demo.ts', 'server/capabilities/licences/seed/demo-licences.ts'),
    // Known, allowed below.
    edge('server/capabilities/account/members.ts', 'server/capabilities/esign/seals/audit.ts'),
  ]
  const allowed = [['server/capabilities/account/members.ts', 'server/capabilities/esign/seals/audit.ts']]
  expect(serverCrossings(edges, allowed).map((e) => `${e.from} → ${e.to}`)).toEqual([
    'server/capabilities/newcap/plugin.ts → server/capabilities/esign/seals/grants.ts',
    'server/capabilities/compliance/timeline.ts → server/capabilities/licences/licence-repo.ts',
    'server/kernel/auth/enterprise-access.ts → server/capabilities/esign/seals/seal-repo.ts',
    'server/kernel/ready.ts → server/seed/demo.ts',
    'server/capabilities/esign/seed/demo-seals.ts → server/seed/demo.ts',
    'server/capabilities/licences/plugin.ts → server/app.ts',
  ])
  expect(serverCrossings(edges)).toHaveLength(7)
})

test('the server as it is: --check passes, no import crossing a capability boundary beyond the known ones', () => {
  // The allow-list lives in eslint.config.mjs (an ES module), which the script reads; run it as CI does.
  const out = execFileSync(
    process.execPath,
    [join(__dirname, '../../node_modules/tsx/dist/cli.mjs'), 'scripts/import-graph.ts', '--check'],
    {
      cwd: join(__dirname, '../..'),
      encoding: 'utf8',
    },
  )
  expect(out).toMatch(/server imports across kernel \/ capabilities \/ composition: 0 \(/)
})
