import { loadConfig, type Config } from '../../server/kernel/config'
import { generatePkiMaterial } from '../../server/capabilities/esign/pki/pki-keys'
import { KeyVault } from '../../server/kernel/secrets/key-vault'

/** A self-run seal CA and TSA, keys sealed under the SEAL_MASTER_KEY below (generated per run). */
const pki = generatePkiMaterial(new KeyVault(Buffer.alloc(32, 7)), 'https://zqt.example.gov.cn/api/v1/pki/crl', '测试')

/** Everything production requires, valid (tests only: never use these values anywhere). */
export const PRODUCTION_SECRETS = {
  SEAL_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  ID_HASH_SECRET: 'test-id-hash-secret-0123456789abcdef',
  ADMIN_API_KEY: 'test-admin-key-0123456789abcdefghij',
  SEAL_CA_CERT: pki.caCertificate,
  SEAL_CA_KEY: pki.caKeySealed,
  TSA_CERT: pki.tsaCertificate,
  TSA_KEY: pki.tsaKeySealed,
} as const

/** A config under production rules: no sandbox, no development stand-ins, nothing read from the real env. */
export function productionConfig(env: Record<string, string> = {}, overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS, ...env }), ...overrides }
}
