import { loadConfig, type Config } from '../../server/config'

/** Everything production requires, valid (tests only: never use these values anywhere). */
export const PRODUCTION_SECRETS = {
  SEAL_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  ID_HASH_SECRET: 'test-id-hash-secret-0123456789abcdef',
  ADMIN_API_KEY: 'test-admin-key-0123456789abcdefghij',
} as const

/** A config under production rules: no sandbox, no development stand-ins, nothing read from the real env. */
export function productionConfig(env: Record<string, string> = {}, overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS, ...env }), ...overrides }
}
