import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { buildApp } from './app'
import { loadConfig } from './kernel/config'
import { openDb } from './kernel/db/db'
import { devAdminKeyFile, withDevelopmentAdminKey } from './kernel/dev-admin-key'
import { registerH5Static } from './kernel/http/static-h5'
import { migrate } from './kernel/db/migrate'
import { readyBanner } from './ready-banner'
import { seedDemoOnStart } from './seed/demo-start'

async function main(): Promise<void> {
  const { config, generatedAdminKey } = withDevelopmentAdminKey(loadConfig())
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  const app = buildApp({ db, config, logger: { level: process.env.LOG_LEVEL ?? 'info' } })
  let h5Served = false
  try {
    const applied = await migrate(db)
    if (applied.length > 0) app.log.info({ applied }, 'migrations applied')
    if ((await seedDemoOnStart(db, config, app.signing.idHashSecret)) === 'seeded') app.log.info('demo data seeded')

    const staticDir = resolve(config.staticDir)
    h5Served = existsSync(staticDir)
    if (h5Served) {
      await registerH5Static(app, staticDir)
    } else {
      app.log.warn(`H5 build not found at ${staticDir}; serving the API only (run npm run build:h5)`)
    }

    await app.listen({ host: config.host, port: config.port })
  } catch (error) {
    await app.close().catch(() => undefined)
    await db.close().catch(() => undefined)
    throw error
  }
  const adminKeyFile = generatedAdminKey ? devAdminKeyFile(config.dataDir) : null
  console.log(readyBanner({ config, dbKind: db.kind, h5Served, generatedAdminKey, adminKeyFile }))

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    try {
      await app.close()
      await db.close()
      process.exit(0)
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed')
      process.exit(1)
    }
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
