import { createHash } from 'node:crypto'
import type { Queryable } from '../../../kernel/db/db'
import type { IsoDate } from '../../../../src/domain/calendar/dates'
import { HOLIDAY_RUNS, MAKEUP_WORKDAY_RUNS } from '../../../../src/domain/calendar/publishedCalendar'
import { PUBLISHED_TAX_DEADLINES } from '../../../../src/domain/compliance/taxCalendar'
import { LICENCE_CATALOGUE } from '../../../../src/domain/licences/catalogue'
import { liveGrant } from '../../../kernel/auth/live-grant'
import type { FeedLink, FeedRow } from './feed-repo'

/**
 * The data shipped in code that deadlines are planned from (holiday calendar, published tax
 * deadlines, built-in licence catalogue): a new version of it is a new process, whose cache starts
 * empty anyway, but the key names it so that no cached plan could outlive it.
 */
export function staticDataVersion(
  data: readonly unknown[] = [HOLIDAY_RUNS, MAKEUP_WORKDAY_RUNS, PUBLISHED_TAX_DEADLINES, LICENCE_CATALOGUE],
): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('base64url')
}

const STATIC_DATA_VERSION = staticDataVersion()

export interface FeedInputs {
  /** The feed owner's links now (roles and live grants read at this read), to plan from. */
  links: FeedLink[]
  /**
   * Names everything the feed's content is planned from: the owner's links (roles, live grants,
   * names), the stamps of every input (per enterprise, of the owner, global: migration 023), today,
   * the UID host and the data shipped in code. Equal keys, equal plans — so a read whose key is the
   * one planned last answers from that plan without planning again.
   */
  key: string
}

interface InputRow {
  global_stamp: string | null
  user_stamp: string | null
  enterprise_id: string | null
  name: string
  role: FeedLink['role']
  has_live_grant: boolean
  stamp: string | null
}

/**
 * The links and every stamp the key needs, in one statement (the row with no enterprise carries the
 * owner's and the global stamps when the owner has no link). The links are those planFeed must plan
 * from: a key names the links it was computed with, never links read later.
 */
export async function feedInputs(
  db: Queryable,
  feed: Pick<FeedRow, 'user_id' | 'enterprise_id'>,
  /** `now`: the app clock's ms, at which grants are live or not. */
  context: { today: IsoDate; uidHost: string; now: number },
  staticVersion = STATIC_DATA_VERSION,
): Promise<FeedInputs> {
  const { rows } = await db.query<InputRow>(
    `select gs.stamp as global_stamp, us.stamp as user_stamp, l.enterprise_id, e.name, l.role,
       case when l.enterprise_id is null then null else exists (select 1 from seal_grants g
         where g.enterprise_id = l.enterprise_id and g.grantee_user_id = l.user_id and ${liveGrant(context.now)}) end
         as has_live_grant,
       es.stamp
     from (select 1) as one
     left join calendar_feed_stamps gs on gs.scope = 'global'
     left join calendar_feed_stamps us on us.scope = 'u:' || $1::uuid::text
     left join (user_enterprises l join enterprises e on e.id = l.enterprise_id)
       on l.user_id = $1::uuid and ($2::uuid is null or l.enterprise_id = $2::uuid)
     left join calendar_feed_stamps es on es.scope = 'e:' || l.enterprise_id::text
     order by e.name, l.enterprise_id`,
    [feed.user_id, feed.enterprise_id],
  )
  const links: FeedLink[] = []
  const first = rows[0]
  let text = `${staticVersion}\n${feed.user_id} ${feed.enterprise_id ?? 'all'}\n${context.today} ${context.uidHost}\n`
  text += `${first?.global_stamp ?? '-'} ${first?.user_stamp ?? '-'}\n`
  for (const row of rows) {
    if (row.enterprise_id === null) continue
    links.push({
      enterprise_id: row.enterprise_id,
      name: row.name,
      role: row.role,
      has_live_grant: row.has_live_grant,
    })
    text += `${row.enterprise_id} ${row.role} ${row.has_live_grant ? 1 : 0} ${row.stamp ?? '-'} ${JSON.stringify(row.name)}\n`
  }
  return { links, key: createHash('sha256').update(text, 'utf8').digest('base64url') }
}
