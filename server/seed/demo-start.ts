import type { Db } from '../kernel/db/db'
import { seedDemoData } from './demo'
import { seedDemoLegalRepresentativeHashes } from '../capabilities/esign/seed/demo-seals'

/**
 * The demo users, enterprises, licences and policies, with the demo legal representative's
 * ID-number HMAC under the configured ID_HASH_SECRET (刷脸办事 demo). True when the database was
 * empty and got them; idempotent otherwise.
 */
export async function seedDemo(db: Db, idHashSecret: string): Promise<boolean> {
  const seeded = await seedDemoData(db)
  await seedDemoLegalRepresentativeHashes(db, idHashSecret)
  return seeded
}

/**
 * At start-up, demo data only where the sandbox is on: the demo people can be logged in as by
 * anyone through the sandbox, so a server without it (production) must not invent them. Elsewhere
 * `npm run seed:demo` seeds on purpose.
 */
export async function seedDemoOnStart(
  db: Db,
  config: { sandbox: boolean },
  idHashSecret: string,
): Promise<'seeded' | 'present' | 'off'> {
  if (!config.sandbox) return 'off'
  return (await seedDemo(db, idHashSecret)) ? 'seeded' : 'present'
}
