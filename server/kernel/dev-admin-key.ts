import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Config } from './config'

/**
 * Where a generated development admin key is kept: beside the PGlite data (`.data/dev-admin-key` by
 * default), so it stays the same from one `npm start` to the next. In-memory data: nowhere.
 */
export function devAdminKeyFile(dataDir: string): string | null {
  return dataDir.startsWith('memory://') ? null : join(dirname(dataDir), 'dev-admin-key')
}

const KEY_SHAPE = /^[A-Za-z0-9_-]{32,}$/

/**
 * NODE_ENV=development without ADMIN_API_KEY: an admin key generated once (32 random bytes) and kept
 * in devAdminKeyFile, so the admin routes and the README's examples work on a fresh clone. Only
 * development generates or reads it: production requires ADMIN_API_KEY (assertSafeConfig) and test
 * keeps "no key, no admin routes". A configured key is always used as it is.
 */
export function withDevelopmentAdminKey(config: Config): { config: Config; generatedAdminKey: string | null } {
  if (config.nodeEnv !== 'development' || config.adminApiKey) return { config, generatedAdminKey: null }
  const file = devAdminKeyFile(config.dataDir)
  let key: string | null = null
  if (file) {
    try {
      const kept = readFileSync(file, 'utf8').trim()
      if (KEY_SHAPE.test(kept)) key = kept
    } catch {
      // none kept yet
    }
  }
  if (!key) {
    key = randomBytes(32).toString('base64url')
    if (file) {
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, `${key}\n`, { mode: 0o600 })
    }
  }
  return { config: { ...config, adminApiKey: key }, generatedAdminKey: key }
}
