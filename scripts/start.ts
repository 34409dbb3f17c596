/**
 * `npm start`: the H5 app (a production build, precompressed) and the server in development with
 * the sandbox on. The H5 build is reused while its inputs are unchanged: a digest of everything
 * the build reads (src/, config/, the lockfile, Babel/TypeScript settings, the build-time
 * environment) is kept in dist/h5.stamp and compared on each start, so only a change rebuilds
 * (about a minute; a start without one takes seconds). `--rebuild` forces a build.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.join(__dirname, '..')
const DIST = path.join(ROOT, 'dist/h5')
const STAMP = path.join(ROOT, 'dist/h5.stamp')

/** What the H5 build reads, besides node_modules (pinned by the lockfile). */
const INPUT_DIRS = ['src', 'config']
const INPUT_FILES = ['package.json', 'package-lock.json', 'babel.config.js', 'tsconfig.json', 'scripts/precompress.ts']
/** Environment the Taro config or the app bundle reads at build time. */
const BUILD_ENV = ['API_BASE_URL', 'ZQT_RELEASE', 'TARO_CACHE']

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name)
      return statSync(full).isDirectory() ? filesUnder(full) : [full]
    })
}

/** Digest of the H5 build's inputs: file paths and contents, and the build-time environment. */
export function h5InputDigest(root: string = ROOT, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256')
  const files = [
    ...INPUT_DIRS.flatMap((dir) => filesUnder(path.join(root, dir))),
    ...INPUT_FILES.map((file) => path.join(root, file)),
  ]
  for (const file of files) {
    hash.update(path.relative(root, file).split(path.sep).join('/'))
    hash.update('\0')
    hash.update(existsSync(file) ? readFileSync(file) : 'missing')
    hash.update('\0')
  }
  for (const key of BUILD_ENV) hash.update(`${key}=${env[key] ?? ''}\0`)
  return hash.digest('hex')
}

/** True when dist/h5 was built from exactly these inputs. */
export function h5BuildIsCurrent(digest: string, dist: string = DIST, stampFile: string = STAMP): boolean {
  if (!existsSync(path.join(dist, 'index.html')) || !existsSync(stampFile)) return false
  return readFileSync(stampFile, 'utf8').trim() === digest
}

function ensureH5Build(): void {
  const started = Date.now()
  const digest = h5InputDigest()
  if (!process.argv.includes('--rebuild') && h5BuildIsCurrent(digest)) {
    console.log(`H5 build is current (dist/h5 matches its sources): not rebuilding (${Date.now() - started} ms)`)
    return
  }
  console.log('Building the H5 app (production; reused on later starts while the sources are unchanged)…')
  const build = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit' })
  if (build.status !== 0) {
    console.error('The H5 build failed; not starting.')
    process.exit(build.status ?? 1)
  }
  // The digest of the sources as they were when the build started: an edit during the build
  // leaves a stale stamp, so the next start builds again.
  writeFileSync(STAMP, `${digest}\n`)
  console.log(`H5 built in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

function main(): void {
  ensureH5Build()
  // The server in this process (no second tsx start-up), under the development rules `npm start`
  // documents: sandbox login and face, demo data, development stand-in secrets.
  process.env.NODE_ENV = 'development'
  process.env.SANDBOX = '1'
  require('../server/main')
}

if (path.resolve(process.argv[1] ?? '') === __filename) main()
