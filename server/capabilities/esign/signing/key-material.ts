import type { KeyVault } from '../../../kernel/secrets/key-vault'
import { generateSm2KeyPair, type Sm2KeyPair } from './sm2'

/**
 * Key pairs of seals and personal signatures as stored: the public key in the clear, the
 * private key sealed to its owner (`seal:<id>` or `signature:<id>`).
 */

/** What a seal row and a personal-signature row have in common: picture, key, validity. */
export interface KeyHolderRow {
  id: string
  image_svg: string
  public_key_hex: string
  private_key_sealed: string
  valid_from: Date
  valid_to: Date
  created_at: Date
  revoked_at: Date | null
}

export interface StoredKeyPair {
  publicKeyHex: string
  privateKeySealed: string
}

export function newStoredKeyPair(vault: KeyVault, owner: string): StoredKeyPair {
  const keys = generateSm2KeyPair()
  return { publicKeyHex: keys.publicKeyHex, privateKeySealed: vault.seal(keys.privateKeyHex, owner) }
}

/** For the moment of signing only; the result must not outlive the request. */
export function openStoredKeyPair(vault: KeyVault, owner: string, stored: StoredKeyPair): Sm2KeyPair {
  return { publicKeyHex: stored.publicKeyHex, privateKeyHex: vault.open(stored.privateKeySealed, owner) }
}

export const sealOwner = (sealId: string) => `seal:${sealId}`
export const signatureOwner = (signatureId: string) => `signature:${signatureId}`
