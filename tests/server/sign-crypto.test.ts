import { createPublicKey, randomBytes } from 'node:crypto'
import { sm2 } from 'sm-crypto-v2'
import { ConfigError, loadConfig } from '../../server/kernel/config'
import { KeyVault } from '../../server/kernel/secrets/key-vault'
import { PRODUCTION_SECRETS } from './production-env'
import { DEVELOPMENT_ID_HASH_SECRET, idNumberHash, resolveSigningSecrets } from '../../server/kernel/secrets/secrets'
import {
  derOid,
  generateSm2KeyPair,
  parseSm2PublicKeyPem,
  sm2PublicKeyPem,
  sm2Sign,
  sm2Verify,
  sm3Hex,
} from '../../server/capabilities/esign/signing/sm2'
import { OPENSSL, opensslVerify } from './seal-test-app'

const MESSAGE = Buffer.from('{"dataHash":"…","format":"zqt-tbs-sign/1"} 采购合同', 'utf8')

describe('SM3', () => {
  it('matches the GB/T 32905 test vector for "abc"', () => {
    expect(sm3Hex(Buffer.from('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
  })
})

describe('SM2 keys and signatures', () => {
  const keys = generateSm2KeyPair()

  it('encodes the OIDs of SubjectPublicKeyInfo as DER', () => {
    expect(derOid('1.2.840.10045.2.1').toString('hex')).toBe('06072a8648ce3d0201')
    expect(derOid('1.2.156.10197.1.301').toString('hex')).toBe('06082a811ccf5501822d')
  })

  it('writes the public key as an SM2 SubjectPublicKeyInfo PEM and reads it back', () => {
    const pem = sm2PublicKeyPem(keys.publicKeyHex)
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----\n$/)
    expect(parseSm2PublicKeyPem(pem)).toBe(keys.publicKeyHex)
    // Node's OpenSSL reads it as an EC key on a named curve it knows.
    expect(createPublicKey(pem).type).toBe('public')
  })

  it('refuses PEMs that are not SM2 public keys', () => {
    const ecdsa = require('node:crypto').generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    expect(parseSm2PublicKeyPem(ecdsa.publicKey.export({ type: 'spki', format: 'pem' }))).toBeNull()
    expect(parseSm2PublicKeyPem('not a pem')).toBeNull()
    const pem = sm2PublicKeyPem(keys.publicKeyHex)
    const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64')
    der[der.length - 1] ^= 1 // the point is no longer on the curve
    const offCurve = `-----BEGIN PUBLIC KEY-----\n${der.toString('base64')}\n-----END PUBLIC KEY-----\n`
    expect(parseSm2PublicKeyPem(offCurve)).toBeNull()
  })

  it('signs with Z(ID=1234567812345678) and verifies; any change breaks it', () => {
    const signature = sm2Sign(MESSAGE, keys)
    expect(signature[0]).toBe(0x30) // DER SEQUENCE
    expect(sm2Verify(MESSAGE, signature, keys.publicKeyHex)).toBe(true)
    // Independently: the library's verifier with the same default ID agrees.
    expect(
      sm2.doVerifySignature(new Uint8Array(MESSAGE), signature.toString('hex'), keys.publicKeyHex, {
        hash: true,
        der: true,
      }),
    ).toBe(true)

    const changed = Buffer.from(MESSAGE)
    changed[3] ^= 1
    expect(sm2Verify(changed, signature, keys.publicKeyHex)).toBe(false)
    expect(sm2Verify(MESSAGE, signature, generateSm2KeyPair().publicKeyHex)).toBe(false)
    expect(sm2Verify(MESSAGE, Buffer.from('3000', 'hex'), keys.publicKeyHex)).toBe(false)
    expect(sm2Verify(MESSAGE, randomBytes(70), keys.publicKeyHex)).toBe(false)
  })

  ;(OPENSSL ? it : it.skip)(`verifies with ${OPENSSL ?? 'openssl'} (pkeyutl, SM3, distid)`, () => {
    const signature = sm2Sign(MESSAGE, keys)
    const pem = sm2PublicKeyPem(keys.publicKeyHex)
    expect(opensslVerify(pem, MESSAGE, signature)).toBe('Signature Verified Successfully')
    expect(opensslVerify(pem, Buffer.concat([MESSAGE, Buffer.from('x')]), signature)).toBe(
      'Signature Verification Failure',
    )
    // Without the distinguishing ID OpenSSL 3.0 hashes Z with an empty ID, so the signature does not verify.
    expect(opensslVerify(pem, MESSAGE, signature, '')).not.toBe('Signature Verified Successfully')
  })
})

describe('key vault (AES-256-GCM)', () => {
  const vault = new KeyVault(randomBytes(32))
  const secret = generateSm2KeyPair().privateKeyHex

  it('opens what it sealed, for the same owner only', () => {
    const envelope = vault.seal(secret, 'seal:1')
    expect(envelope).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(envelope).not.toContain(secret)
    expect(vault.open(envelope, 'seal:1')).toBe(secret)
    expect(() => vault.open(envelope, 'seal:2')).toThrow()
  })

  it('uses a fresh IV each time', () => {
    expect(vault.seal(secret, 'seal:1')).not.toBe(vault.seal(secret, 'seal:1'))
  })

  it('detects tampering and a different master key', () => {
    const envelope = vault.seal(secret, 'seal:1')
    const parts = envelope.split('.')
    const body = Buffer.from(parts[3], 'base64url')
    body[0] ^= 1
    expect(() => vault.open([...parts.slice(0, 3), body.toString('base64url')].join('.'), 'seal:1')).toThrow()
    expect(() => new KeyVault(randomBytes(32)).open(envelope, 'seal:1')).toThrow()
    expect(() => vault.open('garbage', 'seal:1')).toThrow()
  })
})

describe('signing secrets', () => {
  const key = randomBytes(32).toString('base64')

  const idHashSecret = 'id-hash-secret-0123456789abcdefghij'
  const { SEAL_CA_CERT, SEAL_CA_KEY, TSA_CERT, TSA_KEY } = PRODUCTION_SECRETS
  const production = {
    NODE_ENV: 'production',
    ADMIN_API_KEY: 'admin-key-0123456789abcdefghijklmnop',
    ...{ SEAL_CA_CERT, SEAL_CA_KEY, TSA_CERT, TSA_KEY },
  }

  it('refuses to start in production without SEAL_MASTER_KEY and ID_HASH_SECRET', () => {
    expect(() => resolveSigningSecrets(loadConfig(production))).toThrow(ConfigError)
    expect(() => resolveSigningSecrets(loadConfig({ ...production, SEAL_MASTER_KEY: key }))).toThrow(/ID_HASH_SECRET/)
    expect(() => resolveSigningSecrets(loadConfig({ ...production, ID_HASH_SECRET: idHashSecret }))).toThrow(
      /SEAL_MASTER_KEY/,
    )
    const secrets = resolveSigningSecrets(
      loadConfig({ ...production, SEAL_MASTER_KEY: key, ID_HASH_SECRET: idHashSecret }),
    )
    expect(secrets.masterKey.toString('base64')).toBe(key)
    expect(secrets.developmentDefaults).toBe(false)
  })

  it('refuses the development stand-ins in production, even when set by hand', () => {
    const standIns = resolveSigningSecrets(loadConfig({ NODE_ENV: 'development' }))
    const copiedKey = loadConfig({
      ...production,
      SEAL_MASTER_KEY: standIns.masterKey.toString('base64'),
      ID_HASH_SECRET: idHashSecret,
    })
    expect(() => resolveSigningSecrets(copiedKey)).toThrow(/SEAL_MASTER_KEY must not be the development stand-in/)
    const copiedSecret = loadConfig({ ...production, SEAL_MASTER_KEY: key, ID_HASH_SECRET: DEVELOPMENT_ID_HASH_SECRET })
    expect(() => resolveSigningSecrets(copiedSecret)).toThrow(/ID_HASH_SECRET must not be the development stand-in/)
  })

  it('uses marked development stand-ins elsewhere', () => {
    const secrets = resolveSigningSecrets(loadConfig({ NODE_ENV: 'development' }))
    expect(secrets.developmentDefaults).toBe(true)
    expect(secrets.masterKey).toHaveLength(32)
  })

  it('rejects a master key that is not 32 bytes of base64', () => {
    const development = { NODE_ENV: 'development' }
    expect(() => loadConfig({ ...development, SEAL_MASTER_KEY: randomBytes(16).toString('base64') })).toThrow(
      /SEAL_MASTER_KEY must be 32 random bytes/,
    )
    expect(() => loadConfig({ ...development, SEAL_MASTER_KEY: 'not base64!' })).toThrow(
      /SEAL_MASTER_KEY must be 32 random bytes/,
    )
  })

  it('hashes ID numbers with the secret, case-insensitively on the check character', () => {
    expect(idNumberHash('a', '41100219780315037x')).toBe(idNumberHash('a', '41100219780315037X'))
    expect(idNumberHash('a', '411002197803150371')).not.toBe(idNumberHash('b', '411002197803150371'))
    expect(idNumberHash('a', '411002197803150371')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('reads the QR hosts, refusing anything that is not a host', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).signing.qrHosts).toEqual(['zqt.example.gov.cn'])
    expect(loadConfig({ NODE_ENV: 'test', SIGN_QR_HOSTS: 'A.gov.cn, b.gov.cn:8443' }).signing.qrHosts).toEqual([
      'a.gov.cn',
      'b.gov.cn:8443',
    ])
    expect(() => loadConfig({ NODE_ENV: 'test', SIGN_QR_HOSTS: 'https://a.gov.cn' })).toThrow(/SIGN_QR_HOSTS/)
  })
})
