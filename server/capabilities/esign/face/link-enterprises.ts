import { listUserEnterprises } from '../../../kernel/repos/enterprises'
import type { LinkEnterprisesResponse } from '../../../../src/contract/esign/schemas'
import { consumeFaceTicket } from './face-tickets'
import type { ServiceContext } from '../../../kernel/service-context'

/**
 * 刷脸办事: after a face verification for 'login', the user is linked — as legal representative
 * — to every enterprise whose registered legal representative is the verified person (same name
 * and same ID-number HMAC). Nobody chooses the enterprises; the registry data does.
 */
export async function linkEnterprisesOfVerifiedPerson(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  userId: string,
  ticket: string,
): Promise<LinkEnterprisesResponse> {
  return ctx.db.transaction(async (tx) => {
    const person = await consumeFaceTicket(tx, ticket, { userId, purpose: 'login' }, ctx.clock())
    const { rows: enterprises } = await tx.query<{ id: string }>(
      'select id from enterprises where legal_representative_id_hash = $1 and legal_representative = $2',
      [person.idHash, person.name],
    )
    let newlyLinked = 0
    for (const { id } of enterprises) {
      const { rows } = await tx.query<{ role: string | null }>(
        `select role from user_enterprises where user_id = $1 and enterprise_id = $2`,
        [userId, id],
      )
      if (rows[0]?.role === 'legal_representative') continue
      await tx.query(
        `insert into user_enterprises (user_id, enterprise_id, role) values ($1, $2, 'legal_representative')
         on conflict (user_id, enterprise_id) do update set role = 'legal_representative'`,
        [userId, id],
      )
      newlyLinked++
    }
    // The verified name is better than none on the profile.
    await tx.query('update users set name = $2 where id = $1 and name is null', [userId, person.name])
    const linkedIds = new Set(enterprises.map((e) => e.id))
    const all = await listUserEnterprises(tx, userId, ctx.clock())
    return { enterprises: all.filter((e) => linkedIds.has(e.id)), newlyLinked }
  })
}
