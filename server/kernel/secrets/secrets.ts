import { createHash, createHmac } from 'node:crypto'
import { assertSafeConfig, ConfigError, isProduction, type Config } from '../config'

/**
 * The two secrets of 电子印章 and 刷脸: the master key that encrypts private keys at rest, and the
 * HMAC key of stored ID-number hashes. Production must set both (the server refuses to start
 * otherwise); development and tests fall back to fixed, loudly named stand-ins, so a developer
 * database works across restarts and is worthless anywhere else.
 */

const DEV_MASTER_KEY_LABEL = 'zqt DEVELOPMENT-ONLY seal master key: never use in production'
const DEV_ID_HASH_SECRET = 'zqt DEVELOPMENT-ONLY id-number hash secret: never use in production'

export interface SigningSecrets {
  masterKey: Buffer
  idHashSecret: string
  /** True when either secret is a development stand-in (logged as a warning at start). */
  developmentDefaults: boolean
}

const devMasterKey = () => createHash('sha256').update(DEV_MASTER_KEY_LABEL).digest()

/** Throws ConfigError under production rules when a secret is missing, short, or a stand-in copied from here. */
export function resolveSigningSecrets(
  config: Pick<Config, 'nodeEnv' | 'sandbox' | 'adminApiKey' | 'signing'>,
): SigningSecrets {
  const { sealMasterKey, idHashSecret } = config.signing
  if (isProduction(config)) {
    assertSafeConfig(config)
    const copied = [
      sealMasterKey !== undefined && Buffer.from(sealMasterKey, 'base64').equals(devMasterKey()) && 'SEAL_MASTER_KEY',
      idHashSecret === DEV_ID_HASH_SECRET && 'ID_HASH_SECRET',
    ].filter(Boolean)
    if (copied.length > 0) {
      throw new ConfigError(`Refusing to start: ${copied.join(' and ')} must not be the development stand-in`)
    }
  }
  return {
    masterKey: sealMasterKey ? Buffer.from(sealMasterKey, 'base64') : devMasterKey(),
    idHashSecret: idHashSecret ?? DEV_ID_HASH_SECRET,
    developmentDefaults: !sealMasterKey || !idHashSecret,
  }
}

/** The secret the demo seed uses when none is configured: the same stand-in as above. */
export const DEVELOPMENT_ID_HASH_SECRET = DEV_ID_HASH_SECRET

/**
 * A 居民身份证号 as stored: HMAC-SHA256 under the server secret, so equal numbers match (is the
 * verified person this enterprise's legal representative?) while a leaked table cannot be
 * reversed by enumerating the few billion plausible numbers.
 */
export function idNumberHash(secret: string, idNumber: string): string {
  return createHmac('sha256', secret).update(`id-number:${idNumber.trim().toUpperCase()}`, 'utf8').digest('hex')
}
