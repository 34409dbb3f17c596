import type { ReminderChannel, ReminderSettings } from '../../../../src/contract/account/schemas'
import type { Queryable } from '../../../kernel/db/db'
import type { IsoDate } from '../../../../src/domain/calendar/dates'
import {
  DEFAULT_REMINDER_OFFSETS,
  RENEWING_REMINDER_OFFSETS,
  deadlinesRemindedOn,
  dueReminders,
} from '../../../../src/domain/licences/reminders'
import { recordType, type CityCatalogue } from '../catalogue-store'
import { settingsFromRow, type ReminderSettingsRow } from '../reminder-settings-repo'
import { LICENCE_REMINDER_NOTICE, offsetKeyOf } from './reminder-message'
import { rolesAllowedTo } from '../../../../src/domain/access/permissions'

const LICENCE_READERS = rolesAllowedTo('licences:read')

/**
 * Which reminders are due on a date, per user and channel. Only licences whose stored deadline
 * (or expiry) is one of the day's dates are read — by index — and the domain's dueReminders
 * decides for each of them with the user's own offsets.
 */

export interface PlannedDelivery {
  licenceId: string
  enterpriseId: string
  offsetKey: string
  userId: string
  channel: ReminderChannel
  deadline: IsoDate
}

export interface ReminderPlan {
  /** (licence, offset, user) reminders due */
  due: number
  deliveries: PlannedDelivery[]
}

/** Which platform channels can send at all (a sender configured) and with which template. */
export interface ChannelSetup {
  wechat: { templateId: string } | null
  alipay: { templateId: string } | null
}

interface CandidateRow {
  id: string
  enterprise_id: string
  type_code: string
  expires_on: string
  renewal_started_on: string | null
}

interface RecipientRow extends ReminderSettingsRow {
  enterprise_id: string
  user_id: string
  openid: string | null
  alipay_user: string | null
  weapp_remaining: number
  alipay_remaining: number
}

/** Every offset some user reminds at: the defaults, a renewal under way's, and everyone's own. */
async function offsetsInUse(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ offset: number }>(
    'select distinct o as offset from reminder_settings, unnest(offsets) as o',
  )
  return [
    ...new Set([...DEFAULT_REMINDER_OFFSETS, ...RENEWING_REMINDER_OFFSETS, ...rows.map((row) => Number(row.offset))]),
  ]
}

async function candidates(db: Queryable, date: IsoDate): Promise<CandidateRow[]> {
  const deadlines = deadlinesRemindedOn(date, await offsetsInUse(db))
  const { rows } = await db.query<CandidateRow>(
    `select l.id, l.enterprise_id, l.type_code, to_char(l.expires_on, 'YYYY-MM-DD') as expires_on,
       to_char(l.renewal_started_on, 'YYYY-MM-DD') as renewal_started_on
     from licences l
     where l.deleted_at is null
       and (l.cancelled_on is null or l.cancelled_on > $2::date)
       and (l.latest_apply_on = any($1::date[]) or l.expires_on = $2::date)`,
    [deadlines, date],
  )
  return rows
}

/** Users linked to the enterprises, who agreed to the privacy policy (no consent, no processing). */
interface Recipient {
  userId: string
  settings: ReminderSettings
  channels: ReminderChannel[]
}

async function recipients(
  db: Queryable,
  enterpriseIds: string[],
  channels: ChannelSetup,
): Promise<Map<string, Recipient[]>> {
  const { rows } = await db.query<RecipientRow>(
    `select ue.enterprise_id, u.id as user_id,
       rs.offsets, rs.on_expiry_day, rs.channel_inbox, rs.channel_wechat, rs.channel_alipay,
       (select i.subject from user_identities i where i.user_id = u.id and i.platform = 'weapp'
         order by i.created_at limit 1) as openid,
       (select i.subject from user_identities i where i.user_id = u.id and i.platform = 'alipay'
         order by i.created_at limit 1) as alipay_user,
       coalesce((select s.remaining from subscriptions s where s.user_id = u.id and s.platform = 'weapp'
         and s.template_id = $2), 0) as weapp_remaining,
       coalesce((select s.remaining from subscriptions s where s.user_id = u.id and s.platform = 'alipay'
         and s.template_id = $3), 0) as alipay_remaining
     from user_enterprises ue
     join users u on u.id = ue.user_id
     left join reminder_settings rs on rs.user_id = u.id
     where ue.enterprise_id = any($1::uuid[]) and u.consent_accepted and ue.role = any($4::text[])`,
    // Reminders tell what a licence is and when it lapses: only for those who may read licences.
    [enterpriseIds, channels.wechat?.templateId ?? '', channels.alipay?.templateId ?? '', LICENCE_READERS],
  )
  const byEnterprise = new Map<string, Recipient[]>()
  for (const row of rows) {
    const settings = settingsFromRow(row)
    const list = byEnterprise.get(row.enterprise_id) ?? []
    list.push({ userId: row.user_id, settings, channels: channelsFor(row, settings, channels) })
    byEnterprise.set(row.enterprise_id, list)
  }
  return byEnterprise
}

function channelsFor(recipient: RecipientRow, settings: ReminderSettings, setup: ChannelSetup): ReminderChannel[] {
  const channels: ReminderChannel[] = []
  if (settings.channels.inbox) channels.push('inbox')
  // A platform message needs the user's id on that platform and an unused subscription.
  if (settings.channels.wechat && setup.wechat && recipient.openid && Number(recipient.weapp_remaining) > 0) {
    channels.push('wechat')
  }
  if (settings.channels.alipay && setup.alipay && recipient.alipay_user && Number(recipient.alipay_remaining) > 0) {
    channels.push('alipay')
  }
  return channels
}

export async function planReminders(
  db: Queryable,
  catalogue: CityCatalogue,
  date: IsoDate,
  setup: ChannelSetup,
): Promise<ReminderPlan> {
  const licences = await candidates(db, date)
  const enterpriseIds = [...new Set(licences.map((licence) => licence.enterprise_id))]
  const byEnterprise =
    enterpriseIds.length > 0 ? await recipients(db, enterpriseIds, setup) : new Map<string, Recipient[]>()
  const plan: ReminderPlan = { due: 0, deliveries: [] }
  for (const licence of licences) {
    const facts = {
      expiresOn: licence.expires_on,
      leadRule: recordType(catalogue, licence.type_code).leadRule,
      renewalStartedOn: licence.renewal_started_on,
    }
    for (const { userId, settings, channels } of byEnterprise.get(licence.enterprise_id) ?? []) {
      for (const reminder of dueReminders(facts, date, settings.offsets)) {
        if (reminder.kind === 'expiry-day' && !settings.onExpiryDay) continue
        const offsetKey = offsetKeyOf(reminder.kind === 'expiry-day' ? 'expiry' : reminder.daysBefore)
        const deadline = reminder.kind === 'expiry-day' ? reminder.expiresOn : reminder.latestApplyOn
        plan.due++
        for (const channel of channels) {
          plan.deliveries.push({
            licenceId: licence.id,
            enterpriseId: licence.enterprise_id,
            offsetKey,
            userId,
            channel,
            deadline,
          })
        }
      }
    }
  }
  return plan
}

const INSERT_BATCH = 5000

/** What an outbox row of purpose 'licence-reminder' carries: the reminder's key; the rest is read at send time. */
export interface LicenceReminderPayload {
  licenceId: string
  offsetKey: string
  deadline: IsoDate
}

/** The reminder's key within its purpose: what the old reminder_deliveries row was unique by (with user, channel). */
export function licenceReminderKey(d: Pick<PlannedDelivery, 'licenceId' | 'offsetKey' | 'deadline'>): string {
  return `${d.licenceId}:${d.offsetKey}:${d.deadline}`
}

/**
 * Creates the outbox rows before anything is sent. A row that exists already (an earlier run of
 * the day) is left as it is: its status says whether it still needs sending.
 */
export async function insertDeliveries(db: Queryable, deliveries: PlannedDelivery[], date: IsoDate): Promise<void> {
  for (let i = 0; i < deliveries.length; i += INSERT_BATCH) {
    const batch = deliveries.slice(i, i + INSERT_BATCH)
    await db.query(
      `insert into outbox (purpose, dedupe_key, user_id, enterprise_id, channel, payload, run_date)
       select $1, t.dedupe_key, t.user_id, t.enterprise_id, t.channel,
         jsonb_build_object('licenceId', t.licence_id, 'offsetKey', t.offset_key, 'deadline', t.deadline), $9::date
       from unnest($2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[])
         as t(dedupe_key, user_id, enterprise_id, channel, licence_id, offset_key, deadline)
       on conflict (purpose, dedupe_key, user_id, channel) do nothing`,
      [
        LICENCE_REMINDER_NOTICE.purpose,
        batch.map(licenceReminderKey),
        batch.map((d) => d.userId),
        batch.map((d) => d.enterpriseId),
        batch.map((d) => d.channel),
        batch.map((d) => d.licenceId),
        batch.map((d) => d.offsetKey),
        batch.map((d) => d.deadline),
        date,
      ],
    )
  }
}
