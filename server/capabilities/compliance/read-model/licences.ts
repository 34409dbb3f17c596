import type { ReminderSettings } from '../../../../src/contract/account/schemas'
import type { IsoDate } from '../../../../src/domain/calendar/dates'
import { buildCatalogue, recordType } from '../../../../src/domain/licences/cityCatalogue'
import { DEFAULT_REMINDER_OFFSETS } from '../../../../src/domain/licences/reminders'
import { licenceStatus } from '../../../../src/domain/licences/status'
import type { LicenceStatus } from '../../../../src/contract/licences/schemas'
import type { Queryable } from '../../../kernel/db/db'

/**
 * The licence wallet as the compliance calendar reads it: a read model over the licences
 * capability's tables (licences, licence_type_overrides, reminder_settings), in compliance's own
 * repository, so compliance imports no other capability (docs/architecture.md › The server). The
 * rules are the domain's (the city's catalogue, licenceStatus), as the wallet's own view uses them,
 * so the timeline, the feed and the wallet agree.
 */

/** What the timeline and the feed show of one licence on `today`. */
export interface LicenceDeadline {
  id: string
  enterpriseId: string
  typeName: string
  number: string
  expiresOn: IsoDate
  renewalStartedOn: IsoDate | null
  status: LicenceStatus
  estimate: boolean
  earliestApplyOn: IsoDate | null
  latestApplyOn: IsoDate
}

interface Row {
  id: string
  enterprise_id: string
  type_code: string
  number: string
  expires_on: IsoDate
  renewal_started_on: IsoDate | null
  cancelled_on: IsoDate | null
}

/** The live licences of several enterprises in one query, in the wallet's order per enterprise. */
export async function licenceDeadlinesOf(
  db: Queryable,
  enterpriseIds: readonly string[],
  today: IsoDate,
): Promise<LicenceDeadline[]> {
  if (enterpriseIds.length === 0) return []
  const [overrides, licences] = await Promise.all([
    db.query<{ entry: unknown }>('select entry from licence_type_overrides order by position'),
    db.query<Row>(
      `select l.id, l.enterprise_id, l.type_code, l.number, to_char(l.expires_on, 'YYYY-MM-DD') as expires_on,
         to_char(l.renewal_started_on, 'YYYY-MM-DD') as renewal_started_on,
         to_char(l.cancelled_on, 'YYYY-MM-DD') as cancelled_on
       from licences l where l.enterprise_id = any($1::uuid[]) and l.deleted_at is null
       order by l.created_at, l.id`,
      [enterpriseIds],
    ),
  ])
  const catalogue = buildCatalogue(overrides.rows.map((row) => row.entry))
  return licences.rows.map((row) => {
    const type = recordType(catalogue, row.type_code)
    const result = licenceStatus(
      {
        expiresOn: row.expires_on,
        leadRule: type.leadRule,
        renewalStartedOn: row.renewal_started_on,
        cancelledOn: row.cancelled_on,
      },
      today,
    )
    return {
      id: row.id,
      enterpriseId: row.enterprise_id,
      typeName: type.name,
      number: row.number,
      expiresOn: row.expires_on,
      renewalStartedOn: row.renewal_started_on,
      status: result.status,
      estimate: result.estimate,
      earliestApplyOn: result.deadline.earliestApplyOn ?? null,
      latestApplyOn: result.deadline.latestApplyOn,
    }
  })
}

/** The user's licence reminder settings (defaults until changed), for the feed's alarms. */
export async function licenceReminderSettingsOf(db: Queryable, userId: string): Promise<ReminderSettings> {
  const { rows } = await db.query<{
    offsets: number[] | null
    on_expiry_day: boolean | null
    channel_inbox: boolean | null
    channel_wechat: boolean | null
    channel_alipay: boolean | null
  }>(
    'select offsets, on_expiry_day, channel_inbox, channel_wechat, channel_alipay from reminder_settings where user_id = $1',
    [userId],
  )
  const row = rows[0]
  if (!row || row.offsets === null) {
    return {
      offsets: [...DEFAULT_REMINDER_OFFSETS],
      onExpiryDay: true,
      channels: { inbox: true, wechat: true, alipay: true },
    }
  }
  return {
    offsets: row.offsets.map(Number),
    onExpiryDay: Boolean(row.on_expiry_day),
    channels: {
      inbox: Boolean(row.channel_inbox),
      wechat: Boolean(row.channel_wechat),
      alipay: Boolean(row.channel_alipay),
    },
  }
}
