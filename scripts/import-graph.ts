/**
 * Who imports whom, read from the TypeScript sources themselves: the layer picture of
 * docs/architecture.md is this script's output, not a drawing kept by hand.
 *
 *   npx tsx scripts/import-graph.ts            the report: layer-to-layer arrows, src → server, circles
 *   npx tsx scripts/import-graph.ts --mermaid  the same arrows as a Mermaid graph (for the docs)
 *   npx tsx scripts/import-graph.ts --json     the figures as JSON
 *   npx tsx scripts/import-graph.ts --check    exit 1 if an arrow in src/ breaks the layer rules, src/ has a circle,
 *                                              a feature imports another, or a server import crosses the
 *                                              kernel / capability / composition boundaries (serverCrossings)
 *
 * Only relative imports between files of the repository count (packages are not arrows). An
 * arrow is "type" when every import along it is `import type` / `export type` (erased from the
 * bundle), "value" otherwise. Circles are strongly connected groups of files (Tarjan), type
 * imports included: a circle of types still ties two files' meanings together.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'

const ROOT = resolve(__dirname, '..')
const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx']

/** The app's layers, top to bottom. */
export const SRC_LAYERS = ['pages', 'features', 'core', 'ui', 'api', 'platform', 'contract', 'domain'] as const
type SrcLayer = (typeof SRC_LAYERS)[number]

/**
 * Which layer may import which, as eslint.config.mjs enforces it. Not a simple chain: ui and api
 * sit side by side (neither imports the other), the API client never imports platform (its
 * transport is injected), and platform takes the client's transport types only (`typeOnly`).
 */
const MAY_IMPORT: Record<SrcLayer, { value: readonly SrcLayer[]; typeOnly?: readonly SrcLayer[] }> = {
  pages: { value: ['features', 'core', 'ui', 'api', 'platform', 'contract', 'domain'] },
  features: { value: ['core', 'ui', 'api', 'platform', 'contract', 'domain'] },
  core: { value: ['ui', 'api', 'platform', 'contract', 'domain'] },
  ui: { value: ['platform', 'domain'] },
  api: { value: ['contract', 'domain'] },
  platform: { value: ['domain'], typeOnly: ['api', 'contract'] },
  // The wire contract (docs/decisions/0008): descriptors and error texts, over the domain's enums.
  contract: { value: ['domain'] },
  domain: { value: [] },
}

export interface Edge {
  from: string
  to: string
  typeOnly: boolean
}

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...listFiles(path))
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

function resolveImport(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  const base = resolve(dirname(fromFile), specifier)
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, 'index' + e))]
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c
  return null
}

/** Every relative import, re-export, `import()` and `require()` of one file, with its type-only flag. */
export function importsOf(file: string): Array<{ specifier: string; typeOnly: boolean }> {
  const text = readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: Array<{ specifier: string; typeOnly: boolean }> = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const named = clause?.namedBindings
      const allNamedAreTypes =
        !!named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly) &&
        !clause?.name
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: !!clause?.isTypeOnly || allNamedAreTypes })
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly })
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0]) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false })
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const lit = node.argument.literal
      if (ts.isStringLiteral(lit)) found.push({ specifier: lit.text, typeOnly: true })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

export function buildEdges(files: string[]): Edge[] {
  const byPair = new Map<string, Edge>()
  for (const file of files) {
    for (const { specifier, typeOnly } of importsOf(file)) {
      const target = resolveImport(file, specifier)
      if (!target) continue
      const from = rel(file)
      const to = rel(target)
      const key = from + '\0' + to
      const known = byPair.get(key)
      if (known) known.typeOnly = known.typeOnly && typeOnly
      else byPair.set(key, { from, to, typeOnly })
    }
  }
  return [...byPair.values()]
}

const rel = (path: string): string => relative(ROOT, path).split(sep).join('/')

/**
 * The layer (src) or area (server) a file belongs to: `src/features`; `server/kernel`, one
 * `server/capabilities/<name>` per capability, `server/seed`, `server` (the composition: app.ts, main.ts).
 */
export function areaOf(file: string): string {
  const parts = file.split('/')
  if (parts[0] === 'src') {
    if (parts[1] === 'packages' || parts[1] === 'pages' || parts.length === 2) return 'src/pages'
    return `src/${parts[1]}`
  }
  if (parts[0] === 'server') {
    if (parts.length === 2) return 'server'
    if (parts[1] === 'capabilities' && parts.length > 3) return `server/capabilities/${parts[2]}`
    return `server/${parts[1]}`
  }
  return parts[0]
}

/** Strongly connected groups of more than one file (or a file importing itself). */
export function circles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>()
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to])
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const groups: string[][] = []
  let counter = 0
  const strong = (v: string): void => {
    index.set(v, counter)
    low.set(v, counter)
    counter++
    stack.push(v)
    onStack.add(v)
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        group.push(w)
      } while (w !== v)
      const selfLoop = (next.get(v) ?? []).includes(v)
      if (group.length > 1 || selfLoop) groups.push(group.sort())
    }
  }
  for (const v of new Set(edges.flatMap((e) => [e.from, e.to]))) if (!index.has(v)) strong(v)
  return groups
}

interface AreaArrow {
  from: string
  to: string
  value: number
  type: number
}

export function areaArrows(edges: Edge[]): AreaArrow[] {
  const arrows = new Map<string, AreaArrow>()
  for (const e of edges) {
    const from = areaOf(e.from)
    const to = areaOf(e.to)
    if (from === to) continue
    const key = from + ' ' + to
    const arrow = arrows.get(key) ?? { from, to, value: 0, type: 0 }
    if (e.typeOnly) arrow.type++
    else arrow.value++
    arrows.set(key, arrow)
  }
  return [...arrows.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
}

/** Arrows between the app's layers that the layer rules (MAY_IMPORT) do not allow. */
export function forbiddenArrows(arrows: AreaArrow[]): AreaArrow[] {
  const layer = (area: string) => area.replace(/^src\//, '') as SrcLayer
  return arrows.filter((a) => {
    if (!a.from.startsWith('src/') || !a.to.startsWith('src/')) return false
    const rules = MAY_IMPORT[layer(a.from)]
    const to = layer(a.to)
    if (!rules || !SRC_LAYERS.includes(to)) return false
    if (rules.value.includes(to)) return false
    return !(rules.typeOnly?.includes(to) && a.value === 0)
  })
}

/**
 * Server imports against #13's boundaries, file by file: a capability importing another
 * (`server/capabilities/<x>` → `<y>`, read from the folder tree), the kernel importing a capability
 * or the composition (`server` root files, `server/seed`), a capability importing the composition.
 * `allowed`: [from, to] pairs known to cross (eslint.config.mjs's SERVER_CROSSINGS_OWNED_ELSEWHERE).
 */
export function serverCrossings(edges: Edge[], allowed: ReadonlyArray<readonly string[]> = []): Edge[] {
  const known = new Set(allowed.map(([from, to]) => `${from} ${to}`))
  const composition = (area: string) => area === 'server' || area === 'server/seed'
  const capability = (area: string) => area.startsWith('server/capabilities/')
  return edges.filter((e) => {
    const from = areaOf(e.from)
    const to = areaOf(e.to)
    if (from === to || known.has(`${e.from} ${e.to}`)) return false
    if (capability(from)) return capability(to) || composition(to)
    if (from === 'server/kernel') return capability(to) || composition(to)
    return false
  })
}

export function report(allowedServerCrossings: ReadonlyArray<readonly string[]> = []) {
  const files = [...listFiles(join(ROOT, 'src')), ...listFiles(join(ROOT, 'server'))]
  const edges = buildEdges(files)
  const arrows = areaArrows(edges)
  const srcToServer = edges.filter((e) => e.from.startsWith('src/') && e.to.startsWith('server/'))
  const serverToSrc = edges.filter((e) => e.from.startsWith('server/') && e.to.startsWith('src/'))
  const groups = circles(edges)
  const featureOf = (file: string) => /^src\/features\/([^/]+)\//.exec(file)?.[1]
  const crossFeature = edges.filter(
    (e) => featureOf(e.from) && featureOf(e.to) && featureOf(e.from) !== featureOf(e.to),
  )
  return {
    files: files.length,
    imports: edges.length,
    arrows,
    srcToServer: {
      value: srcToServer.filter((e) => !e.typeOnly).length,
      type: srcToServer.filter((e) => e.typeOnly).length,
      files: new Set(srcToServer.map((e) => e.from)).size,
    },
    serverToSrc: {
      value: serverToSrc.filter((e) => !e.typeOnly).length,
      type: serverToSrc.filter((e) => e.typeOnly).length,
      outsideDomain: serverToSrc.filter((e) => !e.to.startsWith('src/domain/')).length,
    },
    circles: {
      src: groups.filter((g) => g[0].startsWith('src/')),
      server: groups.filter((g) => g[0].startsWith('server/')),
    },
    forbidden: forbiddenArrows(arrows),
    crossFeature: crossFeature.map((e) => `${e.from} → ${e.to}`),
    serverCrossings: serverCrossings(edges, allowedServerCrossings).map((e) => `${e.from} → ${e.to}`),
    serverCrossingsAllowed: allowedServerCrossings.length,
  }
}

function mermaid(arrows: AreaArrow[]): string {
  const id = (area: string) => area.replace(/[^a-zA-Z0-9]/g, '_')
  const lines = ['graph TD']
  for (const a of arrows) {
    const label = a.type && !a.value ? `${a.type} type` : a.type ? `${a.value} + ${a.type} type` : `${a.value}`
    lines.push(`  ${id(a.from)}["${a.from}"] -->|${label}| ${id(a.to)}["${a.to}"]`)
  }
  return lines.join('\n')
}

async function main(argv: string[]): Promise<number> {
  const config = (await import(pathToFileURL(join(ROOT, 'eslint.config.mjs')).href)) as {
    SERVER_CROSSINGS_OWNED_ELSEWHERE: string[][]
  }
  const r = report(config.SERVER_CROSSINGS_OWNED_ELSEWHERE)
  if (argv.includes('--json')) {
    console.log(JSON.stringify(r, null, 2))
  } else if (argv.includes('--mermaid')) {
    const only = argv.includes('--src')
      ? r.arrows.filter((a) => a.from.startsWith('src/') && a.to.startsWith('src/'))
      : r.arrows
    console.log(mermaid(only))
  } else {
    console.log(`${r.files} files, ${r.imports} file-to-file imports`)
    console.log('\narrows between areas (value imports + type-only imports):')
    for (const a of r.arrows) console.log(`  ${a.from.padEnd(18)} → ${a.to.padEnd(18)} ${a.value} + ${a.type} type`)
    console.log(
      `\nsrc → server: ${r.srcToServer.value} value + ${r.srcToServer.type} type-only imports, from ${r.srcToServer.files} files`,
    )
    console.log(
      `server → src: ${r.serverToSrc.value} value + ${r.serverToSrc.type} type-only imports, ${r.serverToSrc.outsideDomain} outside src/domain`,
    )
    console.log(`circles in src: ${r.circles.src.length}`)
    for (const g of r.circles.src) console.log('  ' + g.join(' ↔ '))
    console.log(`circles in server: ${r.circles.server.length}`)
    for (const g of r.circles.server) console.log('  ' + g.join(' ↔ '))
    console.log(`arrows against the app's layer rules (see MAY_IMPORT): ${r.forbidden.length}`)
    for (const a of r.forbidden) console.log(`  ${a.from} → ${a.to} (${a.value} + ${a.type} type)`)
    console.log(`imports from one feature into another: ${r.crossFeature.length}`)
    for (const e of r.crossFeature) console.log('  ' + e)
    console.log(
      `server imports across kernel / capabilities / composition: ${r.serverCrossings.length} (+ ${r.serverCrossingsAllowed} allowed in eslint.config.mjs)`,
    )
    for (const e of r.serverCrossings) console.log('  ' + e)
  }
  const srcToServer = r.srcToServer.value + r.srcToServer.type
  const failed =
    r.forbidden.length > 0 ||
    r.circles.src.length > 0 ||
    r.crossFeature.length > 0 ||
    srcToServer > 0 ||
    r.serverCrossings.length > 0
  if (argv.includes('--check') && failed) {
    console.error(
      'import-graph: src/ has an arrow against the layer rules, a circle, a feature importing another or an import of server/, or a server import crosses a capability boundary (see above)',
    )
    return 1
  }
  return 0
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
