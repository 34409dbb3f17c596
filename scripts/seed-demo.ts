/**
 * Seeds the demo users, enterprises, licences and policies on purpose, into the configured
 * database (DATABASE_URL, or PGlite under DATA_DIR):
 *
 *   npm run seed:demo
 *
 * The server seeds them by itself only with the sandbox on (`npm start`); this is for a server
 * without it that should still show the demo. The demo legal representative's ID-number hash uses
 * the configured ID_HASH_SECRET, so run it with the server's environment; under production rules
 * it needs the production secrets like the server does. Idempotent. PGlite is one process's
 * database: stop the server first when it runs on the same DATA_DIR.
 */
import { loadConfig } from '../server/kernel/config'
import { openDb } from '../server/kernel/db/db'
import { migrate } from '../server/kernel/db/migrate'
import { seedDemo } from '../server/seed/demo-start'
import { resolveSigningSecrets } from '../server/kernel/secrets/secrets'

async function main(): Promise<void> {
  const config = loadConfig()
  const { idHashSecret } = resolveSigningSecrets(config)
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrate(db)
    const seeded = await seedDemo(db, idHashSecret)
    console.log(seeded ? `demo data seeded (${db.kind})` : `demo data already present (${db.kind})`)
  } finally {
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
