/**
 * Prints SEAL_CA_CERT, SEAL_CA_KEY, TSA_CERT and TSA_KEY for a self-run CA, the keys sealed under
 * the SEAL_MASTER_KEY in the environment: `SEAL_MASTER_KEY=… npx tsx server/capabilities/esign/pki/make-pki.ts`.
 * A deployment with a licensed CA and TSA implements SealCa / TimestampAuthority instead.
 */
import { KeyVault } from '../../../kernel/secrets/key-vault'
import { loadConfig } from '../../../kernel/config'
import { defaultCrlUrl, generatePkiMaterial } from './pki-keys'

const masterKey = process.env.SEAL_MASTER_KEY
if (!masterKey) {
  console.error('Set SEAL_MASTER_KEY (the one the server will run with) first.')
  process.exit(1)
}
const config = loadConfig({ ...process.env, NODE_ENV: 'development' })
const material = generatePkiMaterial(
  new KeyVault(Buffer.from(masterKey, 'base64')),
  config.pki?.crlUrl ?? defaultCrlUrl(config),
  '自建',
)
console.log(`SEAL_CA_CERT=${material.caCertificate}`)
console.log(`SEAL_CA_KEY=${material.caKeySealed}`)
console.log(`TSA_CERT=${material.tsaCertificate}`)
console.log(`TSA_KEY=${material.tsaKeySealed}`)
