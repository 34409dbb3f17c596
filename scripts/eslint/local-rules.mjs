/**
 * The repository's own ESLint rules (eslint.config.mjs registers them as plugin `local`). Both
 * resolve each relative import to the file it names — as scripts/import-graph.ts does — so they
 * read the folder tree rather than a list kept by hand:
 *
 *   local/no-cycle           an import that closes a circle of files (type imports included, as in
 *                            scripts/import-graph.ts: a circle of types still ties two files'
 *                            meanings together). Option `allow`: pairs of files whose circle is known.
 *   local/no-sibling-import  a file under <root>/<x>/ importing one under <root>/<y>/, for any
 *                            folders x ≠ y of the given roots (src/features, src/packages,
 *                            server/capabilities). Option `allow`: [from, to] file pairs known to cross.
 *   local/no-import-into     a file importing one inside any of the given folders or files
 *                            (`into`; the server's kernel never imports a capability nor the
 *                            composition), with the reason as `because`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'

const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx']
const isFile = (path) => existsSync(path) && statSync(path).isFile()

/** The repository file a relative specifier names, or null (packages, unresolvable). */
function resolveImport(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null
  const base = resolve(dirname(fromFile), specifier)
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, 'index' + e))]
  return candidates.find(isFile) ?? null
}

/** The specifier nodes of one file's imports, re-exports, import() and require(). */
function importSources(visit) {
  return {
    ImportDeclaration: (n) => visit(n.source),
    ExportNamedDeclaration: (n) => n.source && visit(n.source),
    ExportAllDeclaration: (n) => visit(n.source),
    ImportExpression: (n) => n.source.type === 'Literal' && visit(n.source),
    TSImportEqualsDeclaration: (n) =>
      n.moduleReference.type === 'TSExternalModuleReference' && visit(n.moduleReference.expression),
    CallExpression: (n) =>
      n.callee.type === 'Identifier' &&
      n.callee.name === 'require' &&
      n.arguments[0]?.type === 'Literal' &&
      visit(n.arguments[0]),
  }
}

/**
 * The import graph, read lazily (each file parsed once with TypeScript's preProcessFile) and its
 * strongly connected groups found by Tarjan's algorithm as files are reached. One per set of
 * allowed pairs; dropped after a few seconds so an editor's long-lived ESLint sees edits.
 */
const graphs = new Map()
const GRAPH_TTL_MS = 5000

function graphFor(cwd, allow) {
  const key = JSON.stringify([cwd, allow])
  const cached = graphs.get(key)
  if (cached && Date.now() - cached.created < GRAPH_TTL_MS) return cached
  const allowed = new Set(
    allow.flatMap(([a, b]) => [`${resolve(cwd, a)}\0${resolve(cwd, b)}`, `${resolve(cwd, b)}\0${resolve(cwd, a)}`]),
  )
  const graph = { created: Date.now(), edges: new Map(), allowed, index: new Map(), low: new Map(), group: new Map() }
  graphs.set(key, graph)
  return graph
}

function edgesOf(graph, file) {
  let edges = graph.edges.get(file)
  if (edges) return edges
  edges = []
  if (/\.[cm]?[jt]sx?$/.test(file)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    for (const imported of info.importedFiles) {
      const target = resolveImport(file, imported.fileName)
      if (target && !graph.allowed.has(`${file}\0${target}`) && !edges.includes(target)) edges.push(target)
    }
  }
  graph.edges.set(file, edges)
  return edges
}

/** The strongly connected group of `start` (iterative Tarjan; groups of earlier runs are kept). */
function groupOf(graph, start) {
  if (graph.group.has(start)) return graph.group.get(start)
  const stack = []
  const onStack = new Set()
  const work = [{ file: start, next: 0 }]
  const open = (file) => {
    graph.index.set(file, graph.index.size)
    graph.low.set(file, graph.index.get(file))
    stack.push(file)
    onStack.add(file)
  }
  open(start)
  while (work.length > 0) {
    const frame = work[work.length - 1]
    const edges = edgesOf(graph, frame.file)
    if (frame.next < edges.length) {
      const target = edges[frame.next++]
      if (!graph.index.has(target)) {
        open(target)
        work.push({ file: target, next: 0 })
      } else if (onStack.has(target)) {
        graph.low.set(frame.file, Math.min(graph.low.get(frame.file), graph.index.get(target)))
      }
      continue
    }
    work.pop()
    if (work.length > 0) {
      const parent = work[work.length - 1].file
      graph.low.set(parent, Math.min(graph.low.get(parent), graph.low.get(frame.file)))
    }
    if (graph.low.get(frame.file) === graph.index.get(frame.file)) {
      const members = []
      let member
      do {
        member = stack.pop()
        onStack.delete(member)
        members.push(member)
      } while (member !== frame.file)
      for (const m of members) graph.group.set(m, members)
    }
  }
  return graph.group.get(start)
}

/** A shortest way from `from` back to `to` inside their group, for the message. */
function pathWithin(graph, from, to, members) {
  const inGroup = new Set(members)
  const previous = new Map([[from, null]])
  const queue = [from]
  while (queue.length > 0) {
    const file = queue.shift()
    if (file === to) break
    for (const next of edgesOf(graph, file)) {
      if (inGroup.has(next) && !previous.has(next)) {
        previous.set(next, file)
        queue.push(next)
      }
    }
  }
  const path = []
  for (let file = to; file; file = previous.get(file)) path.unshift(file)
  return path
}

const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'No import that closes a circle of files (type imports included).' },
    schema: [
      {
        type: 'object',
        properties: {
          allow: { type: 'array', items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 } },
        },
        additionalProperties: false,
      },
    ],
    messages: { cycle: 'Import circle: {{path}}. Move what both need into a file of its own.' },
  },
  create(context) {
    const cwd = context.cwd
    const file = context.filename
    if (!isAbsolute(file) || !isFile(file)) return {}
    const graph = graphFor(cwd, context.options[0]?.allow ?? [])
    const show = (path) => relative(cwd, path).split(sep).join('/')
    return importSources((source) => {
      if (typeof source.value !== 'string') return
      const target = resolveImport(file, source.value)
      if (!target || graph.allowed.has(`${file}\0${target}`)) return
      const members = groupOf(graph, file)
      if (target !== file && !members.includes(target)) return
      const path = [file, ...pathWithin(graph, target, file, members)]
      context.report({ node: source, messageId: 'cycle', data: { path: path.map(show).join(' → ') } })
    })
  },
}

const noSiblingImport = {
  meta: {
    type: 'problem',
    docs: { description: 'A folder under each root never imports another folder under the same root.' },
    schema: [
      {
        type: 'object',
        properties: {
          roots: { type: 'array', items: { type: 'string' } },
          allow: { type: 'array', items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      sibling:
        '{{from}} may not import {{to}}: one {{root}} folder never imports another; move shared needs down a layer.',
    },
  },
  create(context) {
    const cwd = context.cwd
    const file = context.filename
    const roots = (context.options[0]?.roots ?? []).map((root) => resolve(cwd, root))
    const allowed = new Set((context.options[0]?.allow ?? []).map(([a, b]) => `${resolve(cwd, a)}\0${resolve(cwd, b)}`))
    /** [root, folder under it] holding `path`, or null. */
    const placeOf = (path) => {
      for (const root of roots) {
        const inside = relative(root, path)
        if (inside && !inside.startsWith('..') && !isAbsolute(inside) && inside.includes(sep)) {
          return [root, inside.split(sep)[0]]
        }
      }
      return null
    }
    const mine = placeOf(file)
    if (!mine) return {}
    return importSources((source) => {
      if (typeof source.value !== 'string') return
      const target = resolveImport(file, source.value)
      const theirs = target && placeOf(target)
      if (!theirs || theirs[0] !== mine[0] || theirs[1] === mine[1]) return
      if (allowed.has(`${file}\0${target}`)) return
      const root = relative(cwd, mine[0]).split(sep).join('/')
      context.report({
        node: source,
        messageId: 'sibling',
        data: { from: `${root}/${mine[1]}`, to: `${root}/${theirs[1]}`, root },
      })
    })
  },
}

const noImportInto = {
  meta: {
    type: 'problem',
    docs: { description: 'No import of a file inside the given folders (or of the given files).' },
    schema: [
      {
        type: 'object',
        properties: {
          into: { type: 'array', items: { type: 'string' } },
          because: { type: 'string' },
        },
        required: ['into'],
        additionalProperties: false,
      },
    ],
    messages: { into: '{{from}} may not import {{to}}: {{because}}' },
  },
  create(context) {
    const cwd = context.cwd
    const file = context.filename
    const into = context.options[0].into.map((path) => resolve(cwd, path))
    const because = context.options[0].because ?? 'this import crosses a boundary.'
    const inside = (path) =>
      into.some((place) => {
        const rest = relative(place, path)
        return rest === '' || (!rest.startsWith('..') && !isAbsolute(rest))
      })
    const show = (path) => relative(cwd, path).split(sep).join('/')
    return importSources((source) => {
      if (typeof source.value !== 'string') return
      const target = resolveImport(file, source.value)
      if (!target || !inside(target)) return
      context.report({ node: source, messageId: 'into', data: { from: show(file), to: show(target), because } })
    })
  },
}

export default {
  rules: { 'no-cycle': noCycle, 'no-sibling-import': noSiblingImport, 'no-import-into': noImportInto },
}
