/**
 * One job of the server's registry (server/jobs.ts), run once, from the command line:
 *
 *   npm run jobs                                         (lists the jobs)
 *   npm run jobs -- licence-reminders --date 2026-03-10  (default date: today in China)
 *
 * Against the configured database (DATABASE_URL, or PGlite in DATA_DIR), with the server's
 * configuration; prints the job's report as JSON. The job takes its advisory lock as the server
 * does, so it never runs beside the same job elsewhere (exit code 2 when it is busy). `--date`
 * runs the job as on that China calendar day, at the current time of day.
 *
 * PGlite is one process's database: while the server runs on the same data directory this script
 * refuses (stop the server, or use its admin routes) — whatever PORT the server listens on, since
 * whoever opens the data directory holds its lock file (server/kernel/db/pglite-lock.ts).
 */
import { buildApp } from '../server/app'
import { loadConfig, type Config } from '../server/kernel/config'
import { openDb } from '../server/kernel/db/db'
import { migrate } from '../server/kernel/db/migrate'
import { LockBusyError } from '../server/kernel/jobs/advisory-lock'
import { JOBS, findJob } from '../server/jobs'
import { chinaDateOf, isIsoDate, type IsoDate } from '../src/domain/calendar/dates'

const DAY_MS = 86_400_000

function parse(argv: string[]): { name?: string; date?: IsoDate } {
  const index = argv.findIndex((arg) => arg === '--date' || arg.startsWith('--date='))
  let date: string | undefined
  if (index >= 0) {
    date = argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1]
    if (!isIsoDate(date)) throw new Error(`--date must be a real day as YYYY-MM-DD, got "${date ?? ''}"`)
  }
  const rest = argv.filter((_arg, i) => i !== index && !(index >= 0 && !argv[index].includes('=') && i === index + 1))
  return { name: rest.find((arg) => !arg.startsWith('-')), date }
}

async function serverIsUp(config: Config): Promise<boolean> {
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host
  try {
    const response = await fetch(`http://${host}:${config.port}/api/v1/health`, { signal: AbortSignal.timeout(1000) })
    return response.ok
  } catch {
    return false
  }
}

async function main(): Promise<void> {
  const { name, date } = parse(process.argv.slice(2))
  const job = name ? findJob(name) : undefined
  if (!job) {
    if (name) console.error(`No job named "${name}".`)
    console.log('Jobs (npm run jobs -- <name> [--date YYYY-MM-DD]):')
    for (const each of JOBS) console.log(`  ${each.name.padEnd(18)} ${each.summary}`)
    if (name) process.exitCode = 1
    return
  }
  const loaded = loadConfig()
  if (!loaded.databaseUrl && (await serverIsUp(loaded))) {
    throw new Error('The server is running on this PGlite database: stop it first (or use its admin routes).')
  }
  // This process runs the one job asked for: the registry starts nothing here.
  const config: Config = {
    ...loaded,
    reminders: { ...loaded.reminders, enabled: false },
    policies: { ...loaded.policies, digestEnabled: false },
    signing: { ...loaded.signing, sweepEnabled: false },
    complianceReminders: { ...loaded.complianceReminders, enabled: false },
  }
  // Fail closed: a job with a switch of its own not turned off above would run beside this one.
  const alsoStarted = JOBS.filter((each) => each.enabled(config)).map((each) => each.name)
  if (alsoStarted.length > 0)
    throw new Error(`scripts/jobs.ts would start ${alsoStarted.join(', ')}: turn its switch off here`)
  const today = chinaDateOf(Date.now())
  const shift = date ? Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`) : 0
  const runDate = date ?? today
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  const app = buildApp({ db, config, now: () => Date.now() + Math.round(shift / DAY_MS) * DAY_MS })
  const started = Date.now()
  try {
    await migrate(db)
    await app.ready()
    const report = await job.run(app, { date: runDate })
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    console.log(`${job.name} ${runDate}: done in ${seconds} s`)
    console.log(JSON.stringify(report ?? null))
  } finally {
    await app.close()
    await db.close()
  }
}

main().catch((error: unknown) => {
  if (error instanceof LockBusyError) {
    console.error('This job is already running (another process holds its lock); try again later.')
    process.exitCode = 2
    return
  }
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
