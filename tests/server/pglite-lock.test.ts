import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openDb } from '../../server/kernel/db/db'
import { openPglite } from '../../server/kernel/db/pglite'
import { PGLITE_LOCK_FILE, PgliteLockedError } from '../../server/kernel/db/pglite-lock'

/**
 * PGlite is one process's database: whoever opens a data directory first (the server, or
 * `npm run jobs` with the server on another PORT) holds it until it closes; the other is refused
 * with a clear message, whichever came first.
 */
const root = resolve(__dirname, '../..')
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs')

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zqt-pglite-lock-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const lockPath = (dataDir: string) => join(dataDir, PGLITE_LOCK_FILE)

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

const collect = (child: ReturnType<typeof spawn>, onStdout?: (text: string) => void) =>
  new Promise<Run>((done) => {
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      onStdout?.(stdout)
    })
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => done({ code, stdout, stderr }))
  })

/** `npm run jobs -- licence-reminders` on dataDir, the server (if any) on another port. */
const runJobs = (dataDir: string) =>
  collect(
    spawn(process.execPath, [tsx, 'scripts/jobs.ts', 'licence-reminders', '--date', '2026-03-10'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '9', DATABASE_URL: '' },
    }),
  )

/** Another process holding dataDir open (as `npm run jobs` does while its job runs) until its stdin ends. */
async function holdInAnotherProcess(dataDir: string) {
  const script = join(dir, 'hold.ts')
  writeFileSync(
    script,
    [
      `import { openPglite } from ${JSON.stringify(join(root, 'server/kernel/db/pglite'))}`,
      `openPglite(${JSON.stringify(dataDir)}).then((db) => {`,
      `  process.stdout.write('open\\n')`,
      `  process.stdin.on('end', () => db.close()).resume()`,
      `}, (error) => { process.stderr.write(String(error.message)); process.exitCode = 1 })`,
    ].join('\n'),
  )
  // tsx as a loader, not its CLI (which runs the script in a child process of its own).
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env: { ...process.env } })
  let opened: () => void = () => undefined
  const isOpen = new Promise<void>((resolved) => (opened = resolved))
  const exited = collect(child, (stdout) => {
    if (stdout.includes('open')) opened()
  })
  await Promise.race([isOpen, exited.then((run) => Promise.reject(new Error(run.stderr)))])
  return {
    pid: child.pid as number,
    async release() {
      child.stdin?.end()
      return exited
    },
  }
}

it('the server holds the data directory: npm run jobs on it is refused with a clear message, and runs once the server closed', async () => {
  const dataDir = join(dir, 'data')
  const server = await openDb({ dataDir })
  try {
    expect(JSON.parse(readFileSync(lockPath(dataDir), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() })
    const refused = await runJobs(dataDir)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`PGlite 数据目录 ${dataDir} 正被另一个进程使用（pid ${process.pid}`)
    expect(refused.stderr).toContain('is in use by another process')
    // The server's database is untouched and still works.
    await expect(server.query('select 1 as one')).resolves.toEqual({ rows: [{ one: 1 }] })
  } finally {
    await server.close()
  }
  expect(existsSync(lockPath(dataDir))).toBe(false)
  const ran = await runJobs(dataDir)
  expect(ran.stderr).toBe('')
  expect(ran.code).toBe(0)
  expect(existsSync(lockPath(dataDir))).toBe(false)
}, 120_000)

it('npm run jobs (another process) holds the data directory: the server cannot open it until it closed', async () => {
  const dataDir = join(dir, 'data')
  const jobs = await holdInAnotherProcess(dataDir)
  let released = false
  try {
    const opening = openDb({ dataDir })
    await expect(opening).rejects.toThrow(PgliteLockedError)
    await expect(opening).rejects.toThrow(`正被另一个进程使用（pid ${jobs.pid}`)
    await expect(opening).rejects.toMatchObject({ code: 'PGLITE_LOCKED' })
    const run = await jobs.release()
    released = true
    expect(run.code).toBe(0)
  } finally {
    if (!released) await jobs.release()
  }
  const server = await openDb({ dataDir })
  await server.close()
}, 120_000)

it('a lock left by a process that is gone (crash, kill -9) is taken over', async () => {
  const dataDir = join(dir, 'data')
  mkdirSync(dataDir)
  const gone = spawnSync(process.execPath, ['-e', '0']).pid
  writeFileSync(lockPath(dataDir), JSON.stringify({ pid: gone, host: hostname(), command: 'crashed', token: 'old' }))
  const db = await openPglite(dataDir)
  try {
    expect(JSON.parse(readFileSync(lockPath(dataDir), 'utf8'))).toMatchObject({ pid: process.pid })
    await expect(db.query('select 1 as one')).resolves.toEqual({ rows: [{ one: 1 }] })
  } finally {
    await db.close()
  }
  expect(existsSync(lockPath(dataDir))).toBe(false)
}, 60_000)

it('fails closed on a lock it cannot judge: another host, or an unreadable file', async () => {
  const dataDir = join(dir, 'data')
  mkdirSync(dataDir)
  writeFileSync(lockPath(dataDir), JSON.stringify({ pid: 1, host: `not-${hostname()}`, command: 'elsewhere' }))
  await expect(openPglite(dataDir)).rejects.toThrow(`@ not-${hostname()}`)
  writeFileSync(lockPath(dataDir), '{half a lock')
  await expect(openPglite(dataDir)).rejects.toThrow(`remove ${lockPath(dataDir)}`)
  expect(readFileSync(lockPath(dataDir), 'utf8')).toBe('{half a lock')
})

it('twelve opens at once: one holds the directory, eleven are refused; closing lets the next in', async () => {
  const dataDir = join(dir, 'data')
  const results = await Promise.allSettled(Array.from({ length: 12 }, () => openPglite(dataDir)))
  const opened = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []))
  expect(opened).toHaveLength(1)
  expect(refused).toHaveLength(11)
  for (const reason of refused) expect(reason).toBeInstanceOf(PgliteLockedError)
  await opened[0].close()
  const next = await openPglite(dataDir)
  await next.close()
}, 60_000)
