import type { Queryable } from '../../../kernel/db/db'
import { idNumberCheckCharacter } from '../../../../src/domain/idcard'
import { DEVELOPMENT_ID_HASH_SECRET, idNumberHash } from '../../../kernel/secrets/secrets'
import { DEMO_ENTERPRISES, DEMO_USERS } from '../../../kernel/seed/demo-data'

/**
 * The registry's side of 刷脸办事 for the demo: each demo enterprise whose legal representative
 * is a demo person with an ID number (张建国, 411002197803150371) gets that number's HMAC, so a
 * sandbox face verification as him links and claims his two enterprises. Idempotent; rewrites
 * the hash when the secret changed (main.ts passes the configured ID_HASH_SECRET).
 */
export async function seedDemoLegalRepresentativeHashes(
  db: Queryable,
  idHashSecret: string = DEVELOPMENT_ID_HASH_SECRET,
): Promise<void> {
  for (const enterprise of DEMO_ENTERPRISES) {
    const person = DEMO_USERS.find((user) => user.name === enterprise.legalRepresentative && user.idNumberBody)
    if (!person?.idNumberBody) continue
    const idNumber = person.idNumberBody + idNumberCheckCharacter(person.idNumberBody)
    await db.query(
      `update enterprises set legal_representative_id_hash = $3
       where name = $1 and legal_representative = $2 and legal_representative_id_hash is distinct from $3`,
      [enterprise.name, enterprise.legalRepresentative, idNumberHash(idHashSecret, idNumber)],
    )
  }
}
