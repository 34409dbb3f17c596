import type { ReminderSettings } from '../../../src/contract/account/schemas'
import type { Queryable } from '../../kernel/db/db'
import { DEFAULT_REMINDER_OFFSETS } from '../../../src/domain/licences/reminders'

/** Until a user changes them: the domain's offsets, the expiry day, every channel. */
export function defaultReminderSettings(): ReminderSettings {
  return {
    offsets: [...DEFAULT_REMINDER_OFFSETS],
    onExpiryDay: true,
    channels: { inbox: true, wechat: true, alipay: true },
  }
}

export interface ReminderSettingsRow {
  offsets: number[] | null
  on_expiry_day: boolean | null
  channel_inbox: boolean | null
  channel_wechat: boolean | null
  channel_alipay: boolean | null
}

/** A row of `reminder_settings` left-joined (all null when the user kept the defaults). */
export function settingsFromRow(row: ReminderSettingsRow | undefined): ReminderSettings {
  if (!row || row.offsets === null) return defaultReminderSettings()
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

export async function getReminderSettings(db: Queryable, userId: string): Promise<ReminderSettings> {
  const { rows } = await db.query<ReminderSettingsRow>(
    'select offsets, on_expiry_day, channel_inbox, channel_wechat, channel_alipay from reminder_settings where user_id = $1',
    [userId],
  )
  return settingsFromRow(rows[0])
}

export async function saveReminderSettings(
  db: Queryable,
  userId: string,
  settings: ReminderSettings,
): Promise<ReminderSettings> {
  const offsets = [...settings.offsets].sort((a, b) => b - a)
  await db.query(
    `insert into reminder_settings (user_id, offsets, on_expiry_day, channel_inbox, channel_wechat, channel_alipay)
     values ($1, $2::int[], $3, $4, $5, $6)
     on conflict (user_id) do update set offsets = excluded.offsets, on_expiry_day = excluded.on_expiry_day,
       channel_inbox = excluded.channel_inbox, channel_wechat = excluded.channel_wechat,
       channel_alipay = excluded.channel_alipay, updated_at = now()`,
    [
      userId,
      offsets,
      settings.onExpiryDay,
      settings.channels.inbox,
      settings.channels.wechat,
      settings.channels.alipay,
    ],
  )
  return { ...settings, offsets }
}
