import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { areaArrows, areaOf, circles, importsOf, forbiddenArrows, type Edge } from '../../scripts/import-graph'

const edge = (from: string, to: string, typeOnly = false): Edge => ({ from, to, typeOnly })

test('files fall into the app layers and the server folders', () => {
  expect(areaOf('src/features/licences/LicenceForm.tsx')).toBe('src/features')
  expect(areaOf('src/packages/seals/pages/sign/index.tsx')).toBe('src/pages')
  expect(areaOf('src/app.tsx')).toBe('src/pages')
  expect(areaOf('server/config.ts')).toBe('server')
  expect(areaOf('server/app.ts')).toBe('server')
  expect(areaOf('server/routes/licences.ts')).toBe('server/routes')
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
