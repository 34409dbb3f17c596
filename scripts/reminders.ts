/**
 * The licence reminder job for one date, from the command line:
 *
 *   npm run reminders -- --date 2026-03-10     (default: today in China)
 *
 * Uses the server's configuration (DATABASE_URL, WECHAT_*, ALIPAY_*, *_TEMPLATE_LICENCE_REMINDER).
 * Safe to repeat for a date: what was delivered is not delivered again.
 *
 * PGlite is one process's database: while the server runs on the same data directory it must not
 * be opened here, so the script then asks the running server instead (POST /admin/reminders/run,
 * which needs ADMIN_API_KEY), or stops.
 */
import type { ReminderRunReport } from '../src/contract/account/schemas'
import { loadConfig, type Config } from '../server/kernel/config'
import { openDb } from '../server/kernel/db/db'
import { migrate } from '../server/kernel/db/migrate'
import { LockBusyError, runReminders } from '../server/capabilities/licences/jobs/reminders'
import { buildMessageSenders } from '../server/kernel/notify/default-senders'
import { chinaDateOf, isIsoDate } from '../src/domain/calendar/dates'

function dateArgument(argv: string[]): string {
  const index = argv.findIndex((arg) => arg === '--date' || arg.startsWith('--date='))
  if (index < 0) return chinaDateOf(Date.now())
  const value = argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1]
  if (!isIsoDate(value)) throw new Error(`--date must be a real day as YYYY-MM-DD, got "${value ?? ''}"`)
  return value
}

function serverUrl(config: Config): string {
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host
  return `http://${host}:${config.port}/api/v1`
}

async function serverIsUp(config: Config): Promise<boolean> {
  try {
    const response = await fetch(`${serverUrl(config)}/health`, { signal: AbortSignal.timeout(1000) })
    return response.ok
  } catch {
    return false
  }
}

async function runThroughServer(config: Config, date: string): Promise<ReminderRunReport> {
  if (!config.adminApiKey) {
    throw new Error(
      'The server is running on this PGlite database. Stop it, or set ADMIN_API_KEY so this script can ask it.',
    )
  }
  const response = await fetch(`${serverUrl(config)}/admin/reminders/run`, {
    method: 'POST',
    headers: { authorization: `Bearer ${config.adminApiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ date }),
  })
  const body = (await response.json()) as ReminderRunReport & { message?: string }
  if (!response.ok) throw new Error(`server answered ${response.status}: ${body.message ?? ''}`)
  return body
}

async function runHere(config: Config, date: string): Promise<ReminderRunReport> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrate(db)
    return await runReminders(
      {
        db,
        senders: buildMessageSenders(config),
        templates: config.subscribeTemplates,
        log: { info: () => undefined, warn: (object, message) => console.warn(message, object) },
      },
      date,
    )
  } finally {
    await db.close()
  }
}

async function main(): Promise<void> {
  const config = loadConfig()
  const date = dateArgument(process.argv.slice(2))
  const viaServer = !config.databaseUrl && (await serverIsUp(config))
  const started = Date.now()
  const report = viaServer ? await runThroughServer(config, date) : await runHere(config, date)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(
    `reminders ${report.date}: due ${report.due}; delivered inbox ${report.delivered.inbox}, ` +
      `wechat ${report.delivered.wechat}, alipay ${report.delivered.alipay}; already sent ${report.skipped}; ` +
      `failed ${report.failed}; undeliverable ${report.undeliverable} (${seconds} s${viaServer ? ', via the server' : ''})`,
  )
  console.log(JSON.stringify(report))
  if (report.failed > 0) process.exitCode = 1
}

main().catch((error: unknown) => {
  if (error instanceof LockBusyError) {
    console.error('A reminder run is already under way (another process holds the lock); try again later.')
    process.exitCode = 2
    return
  }
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
