import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../server/app'
import { ConfigError, loadConfig } from '../../server/kernel/config'
import type { Db } from '../../server/kernel/db/db'
import { generatePkiMaterial, resolvePki } from '../../server/capabilities/esign/pki/pki-keys'
import { KeyVault } from '../../server/kernel/secrets/key-vault'
import { PRODUCTION_SECRETS, productionConfig } from './production-env'

/** buildApp must refuse before it touches the database, so a dummy is enough. */
const unusedDb = { kind: 'pglite' } as unknown as Db
const clock = () => Date.parse('2026-03-02T08:00:00Z')
const vault = new KeyVault(Buffer.alloc(32, 7))

describe('seal CA and TSA configuration (fail closed)', () => {
  it('refuses to start under production rules without the CA and TSA', () => {
    const { SEAL_CA_CERT, SEAL_CA_KEY, TSA_CERT, TSA_KEY, ...rest } = PRODUCTION_SECRETS
    void [SEAL_CA_CERT, SEAL_CA_KEY, TSA_CERT, TSA_KEY]
    expect(() => loadConfig({ NODE_ENV: 'production', ...rest })).toThrow(/SEAL_CA_CERT must be set/)
    // A config built some other way: buildApp refuses it too.
    const config = { ...productionConfig(), pki: {} }
    expect(() => buildApp({ db: unusedDb, config })).toThrow(ConfigError)
    expect(() => buildApp({ db: unusedDb, config })).toThrow(/SEAL_CA_CERT, SEAL_CA_KEY, TSA_CERT and TSA_KEY/)
    // NODE_ENV unset is production too.
    expect(() => loadConfig({ ...rest })).toThrow(/TSA_KEY must be set/)
  })

  it('refuses a CA key sealed under another master key, and a half-configured CA', () => {
    const otherVault = new KeyVault(Buffer.alloc(32, 9))
    expect(() => resolvePki(productionConfig(), otherVault, clock)).toThrow(/do not open/)
    const config = loadConfig({ NODE_ENV: 'development', SEAL_CA_CERT: PRODUCTION_SECRETS.SEAL_CA_CERT })
    expect(() => resolvePki(config, vault, clock)).toThrow(/or none/)
  })

  it('refuses a CA or TSA key that does not belong to its certificate (lines from two make-pki runs)', () => {
    const other = generatePkiMaterial(vault, 'https://zqt.example.gov.cn/api/v1/pki/crl', '另一次')
    const mixed = (pki: Record<string, string>) => ({
      ...productionConfig(),
      pki: { ...productionConfig().pki, ...pki },
    })
    expect(() => resolvePki(mixed({ caKey: other.caKeySealed }), vault, clock)).toThrow(
      /SEAL_CA_KEY does not belong to SEAL_CA_CERT/,
    )
    expect(() => resolvePki(mixed({ tsaKey: other.tsaKeySealed }), vault, clock)).toThrow(
      /TSA_KEY does not belong to TSA_CERT/,
    )
  })

  it('uses the configured CA and TSA in production', () => {
    const pki = resolvePki(productionConfig(), vault, clock)
    expect(pki.developmentCa).toBeNull()
    expect(pki.ca.certificateDer.toString('base64')).toBe(PRODUCTION_SECRETS.SEAL_CA_CERT)
    expect(pki.tsa.publicKeyHex).not.toBe(pki.ca.publicKeyHex)
  })

  it('generates a development CA once, kept sealed under .data, never the private key in the clear', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zqt-pki-dev-'))
    try {
      const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: join(dir, 'pglite') })
      const first = resolvePki(config, vault, clock)
      const file = join(dir, 'pki', 'development-pki.json')
      expect(first.developmentCa).toBe(file)
      expect(existsSync(file)).toBe(true)
      const again = resolvePki(config, vault, clock)
      expect(again.ca.certificateDer.equals(first.ca.certificateDer)).toBe(true)
      const stored = JSON.parse(readFileSync(file, 'utf8'))
      expect(stored.caKeySealed).toMatch(/^v1\./)
      expect(stored.tsaKeySealed).toMatch(/^v1\./)
      // The clear private key is a 64-hex scalar: none in the file.
      expect(readFileSync(file, 'utf8')).not.toMatch(/[0-9a-f]{64}/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
