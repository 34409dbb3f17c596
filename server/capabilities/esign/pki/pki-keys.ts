import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ConfigError, isProduction, type Config } from '../../../kernel/config'
import type { KeyVault } from '../../../kernel/secrets/key-vault'
import { generateSm2KeyPair, sm2Sign, sm2Verify, type Sm2KeyPair } from '../signing/sm2'
import { LocalSealCa, type SealCa } from './ca'
import { ATTRIBUTE, issueCertificate, newSerialHex, readCertificate, type NamePart } from './certificates'
import { fromPem } from './der'
import { LocalTsa, type TimestampAuthority } from './tsa'
import { systemClock } from '../../../kernel/service-context'

/**
 * Where the CA and TSA keys come from. Production: SEAL_CA_CERT / SEAL_CA_KEY and TSA_CERT /
 * TSA_KEY from the environment — the keys as key-vault envelopes under SEAL_MASTER_KEY (owners
 * `pki:seal-ca`, `pki:tsa`), so they are encrypted at rest like seal keys; the server refuses to
 * start without them. Development: generated once, kept (sealed the same way) in
 * .data/pki/development-pki.json and announced as a DEVELOPMENT CA. Tests: generated in memory.
 */

export const CA_KEY_OWNER = 'pki:seal-ca'
export const TSA_KEY_OWNER = 'pki:tsa'

/** What the four variables hold: certificates base64 DER (or PEM), keys sealed by the vault. */
export interface PkiMaterial {
  caCertificate: string
  caKeySealed: string
  tsaCertificate: string
  tsaKeySealed: string
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000

/** A fresh root and timestamp certificate valid from about `now` (the wall clock by default); `label` goes into the names (e.g. 开发用). */
export function generatePkiMaterial(
  vault: KeyVault,
  crlUrl: string,
  label: string,
  now = new Date(systemClock()),
): PkiMaterial {
  const root = generateSm2KeyPair()
  const tsa = generateSm2KeyPair()
  const rootName: NamePart[] = [
    [ATTRIBUTE.country, 'CN'],
    [ATTRIBUTE.organization, `政企通（${label}）`],
    [ATTRIBUTE.commonName, `政企通电子印章 CA（${label}）`],
  ]
  const notBefore = new Date(now.getTime() - 3600 * 1000)
  const caCertificate = issueCertificate(
    {
      serialHex: newSerialHex(),
      subject: rootName,
      publicKeyHex: root.publicKeyHex,
      notBefore,
      notAfter: new Date(now.getTime() + 20 * YEAR_MS),
      profile: 'ca',
    },
    { name: rootName, keys: root },
  )
  const tsaCertificate = issueCertificate(
    {
      serialHex: newSerialHex(),
      subject: [
        [ATTRIBUTE.country, 'CN'],
        [ATTRIBUTE.organization, `政企通（${label}）`],
        [ATTRIBUTE.commonName, `政企通时间戳服务（${label}）`],
      ],
      publicKeyHex: tsa.publicKeyHex,
      notBefore,
      notAfter: new Date(now.getTime() + 10 * YEAR_MS),
      profile: 'timestamping',
      crlUrl,
    },
    { name: rootName, keys: root },
  )
  return {
    caCertificate: caCertificate.toString('base64'),
    caKeySealed: vault.seal(root.privateKeyHex, CA_KEY_OWNER),
    tsaCertificate: tsaCertificate.toString('base64'),
    tsaKeySealed: vault.seal(tsa.privateKeyHex, TSA_KEY_OWNER),
  }
}

/** Signed with the opened key and checked against the certificate's: the two belong together. */
const KEY_MATCH_PROBE = Buffer.from('zqt-pki-key-matches-certificate')

function openKeys(
  vault: KeyVault,
  certificate: string,
  sealed: string,
  owner: string,
  names: { key: string; certificate: string },
): [Buffer, Sm2KeyPair] {
  const der = fromPem('CERTIFICATE', certificate)
  const publicKeyHex = readCertificate(der).publicKeyHex
  const keys = { publicKeyHex, privateKeyHex: vault.open(sealed, owner) }
  // A key from another make-pki run would sign certificates and timestamps nobody can verify.
  if (!sm2Verify(KEY_MATCH_PROBE, sm2Sign(KEY_MATCH_PROBE, keys), publicKeyHex)) {
    throw new ConfigError(`${names.key} does not belong to ${names.certificate}: set both from the same make-pki run`)
  }
  return [der, keys]
}

export interface PkiServices {
  ca: SealCa
  tsa: TimestampAuthority
  /** Set when the CA is a generated development one: where it is kept ('memory' in tests). */
  developmentCa: string | null
}

export function openPki(
  vault: KeyVault,
  material: PkiMaterial,
  crlUrl: string,
  clock: () => number,
  developmentCa: string | null,
): PkiServices {
  const [caDer, caKeys] = openKeys(vault, material.caCertificate, material.caKeySealed, CA_KEY_OWNER, {
    key: 'SEAL_CA_KEY',
    certificate: 'SEAL_CA_CERT',
  })
  const [tsaDer, tsaKeys] = openKeys(vault, material.tsaCertificate, material.tsaKeySealed, TSA_KEY_OWNER, {
    key: 'TSA_KEY',
    certificate: 'TSA_CERT',
  })
  if (tsaKeys.publicKeyHex === caKeys.publicKeyHex) throw new ConfigError('TSA_KEY must not be the CA key')
  return { ca: new LocalSealCa(caDer, caKeys, crlUrl), tsa: new LocalTsa(tsaDer, tsaKeys, clock), developmentCa }
}

/**
 * A development CA is issued on the wall clock, not an app's (possibly pinned) clock: it is shared by
 * every app of the process (below) or of the machine (a file), and openssl checks it on the real clock.
 */
const developmentCaMoment = () => new Date(systemClock())

/** One generated test CA per process and master key: apps sharing a test database agree on it. */
const memoryMaterial = new Map<string, PkiMaterial>()

export function defaultCrlUrl(config: Pick<Config, 'signing'>): string {
  return `https://${config.signing.qrHosts[0]}/api/v1/pki/crl`
}

/** Throws ConfigError under production rules when the CA or TSA is not configured. */
export function resolvePki(
  config: Pick<Config, 'nodeEnv' | 'dataDir' | 'signing' | 'pki'>,
  vault: KeyVault,
  clock: () => number,
): PkiServices {
  const crlUrl = config.pki?.crlUrl ?? defaultCrlUrl(config)
  const env = config.pki ?? {}
  const configured = [env.caCertificate, env.caKey, env.tsaCertificate, env.tsaKey]
  if (configured.every((value) => value !== undefined)) {
    try {
      return openPki(
        vault,
        {
          caCertificate: env.caCertificate!,
          caKeySealed: env.caKey!,
          tsaCertificate: env.tsaCertificate!,
          tsaKeySealed: env.tsaKey!,
        },
        crlUrl,
        clock,
        null,
      )
    } catch (error) {
      if (error instanceof ConfigError) throw error
      throw new ConfigError(
        'SEAL_CA_CERT / SEAL_CA_KEY / TSA_CERT / TSA_KEY do not open: certificates must be SM2, keys sealed under SEAL_MASTER_KEY (npx tsx server/capabilities/esign/pki/make-pki.ts)',
      )
    }
  }
  if (isProduction(config)) {
    throw new ConfigError(
      'Refusing to start under production rules: SEAL_CA_CERT, SEAL_CA_KEY, TSA_CERT and TSA_KEY must be set (npx tsx server/capabilities/esign/pki/make-pki.ts, or a licensed CA)',
    )
  }
  if (configured.some((value) => value !== undefined)) {
    throw new ConfigError('Set all of SEAL_CA_CERT, SEAL_CA_KEY, TSA_CERT and TSA_KEY, or none (development CA)')
  }
  if (config.nodeEnv === 'test' || config.dataDir.startsWith('memory://')) {
    const key = vault.fingerprint
    let material = memoryMaterial.get(key)
    if (!material) {
      material = generatePkiMaterial(vault, crlUrl, '开发用，仅供测试', developmentCaMoment())
      memoryMaterial.set(key, material)
    }
    return openPki(vault, material, crlUrl, clock, 'memory')
  }
  const file = join(dirname(config.dataDir), 'pki', 'development-pki.json')
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true })
    const material = generatePkiMaterial(vault, crlUrl, '开发用，不可用于生产', developmentCaMoment())
    try {
      // 'wx': a second instance starting at the same moment keeps the first one's CA.
      writeFileSync(file, `${JSON.stringify(material, null, 2)}\n`, { flag: 'wx', mode: 0o600 })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  const material = JSON.parse(readFileSync(file, 'utf8')) as PkiMaterial
  return openPki(vault, material, crlUrl, clock, file)
}
