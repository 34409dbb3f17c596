import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/**
 * Private keys at rest: AES-256-GCM under the master key (SEAL_MASTER_KEY), a fresh 96-bit IV
 * each time, and the owner (e.g. `seal:<id>`) as additional authenticated data — so a sealed
 * key copied onto another row does not open there. Envelope: `v1.<iv>.<tag>.<ciphertext>`,
 * base64url parts. Nothing else in the server sees a private key in the clear, and only for
 * the milliseconds of a signature.
 */
export class KeyVault {
  private readonly key: Buffer

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the master key must be 32 bytes')
    this.key = Buffer.from(masterKey)
  }

  seal(secret: string, owner: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    cipher.setAAD(Buffer.from(owner, 'utf8'))
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
    return ['v1', iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.')
  }

  /** Throws when the envelope was altered, belongs to another owner, or was sealed under another key. */
  open(envelope: string, owner: string): string {
    const [version, iv, tag, ciphertext] = envelope.split('.')
    if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('not a key-vault envelope')
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(owner, 'utf8'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')
  }

  /** Identifies the key (for logs and rotation) without revealing it. */
  get fingerprint(): string {
    return createHash('sha256').update(this.key).digest('hex').slice(0, 12)
  }
}
