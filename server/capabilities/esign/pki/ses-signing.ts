import type { Queryable } from '../../../kernel/db/db'
import type { TbsSign } from '../../../../src/domain/signing/tbs'
import { sm2Sign, sm3Hex, type Sm2KeyPair } from '../signing/sm2'
import type { PkiServices } from './pki-keys'
import { ensureCredentials, type KeyHolder } from './pki-store'
import { sesSignatureDer, tbsSignDer } from './ses'

/**
 * The DER SES_Signature of one signature, made beside the readable JSON record: the same signing
 * time, document hash and property info, the holder's SES_Seal and certificate, an SM2 signature
 * by the same key over TBS_Sign, and an RFC 3161 timestamp over that signature value.
 */
export async function produceSesSignature(
  db: Queryable,
  pki: PkiServices,
  input: { holder: KeyHolder; keys: Sm2KeyPair; tbs: TbsSign },
): Promise<Buffer> {
  const credentials = await ensureCredentials(db, pki, input.holder)
  const tbsDer = tbsSignDer({
    sesSealDer: credentials.sesSealDer,
    signedAt: new Date(input.tbs.timeInfo),
    documentSm3: input.tbs.dataHash,
    propertyInfo: input.tbs.propertyInfo,
  })
  const signature = sm2Sign(tbsDer, input.keys)
  const timestampToken = await pki.tsa.timestamp(Buffer.from(sm3Hex(signature), 'hex'))
  return sesSignatureDer({ tbsDer, signerCertificateDer: credentials.certificateDer, signature, timestampToken })
}
