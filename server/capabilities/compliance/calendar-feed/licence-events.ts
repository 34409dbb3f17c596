import { itemStatesOf } from '../compliance-repo'
import { licenceDeadlinesOf, type LicenceDeadline } from '../read-model/licences'
import { RENEWING_REMINDER_OFFSETS } from '../../../../src/domain/licences/reminders'
import type { CalendarEventSource, FeedEvent } from './event-source'

const ESTIMATE_NOTE = '（预计：所依据年份的节假日安排尚未公布）'

/**
 * 许证闹钟: per live licence (neither cancelled nor expired) its renewal-application deadline,
 * reminded at the owner's offsets (only on the day once the renewal is under way, as the reminder
 * job does), and its expiry day. The enterprise's name is in every summary, feed of one enterprise
 * or of all alike, so an event's text never depends on the feed it is read through. A deadline
 * marked 已办 on the compliance calendar (key `licence:<id>:<deadline>`) leaves the feed.
 */
export const licenceEventSource: CalendarEventSource = {
  kind: 'licence',
  action: 'licences:read',
  async events({ db, today, reminders }, enterprises) {
    if (enterprises.length === 0) return []
    const states = await itemStatesOf(
      db,
      enterprises.map((e) => e.id),
    )
    // One query for every enterprise of the feed, grouped here in the enterprises' order.
    const byEnterprise = new Map<string, LicenceDeadline[]>()
    for (const view of await licenceDeadlinesOf(
      db,
      enterprises.map((e) => e.id),
      today,
    )) {
      const list = byEnterprise.get(view.enterpriseId)
      if (list) list.push(view)
      else byEnterprise.set(view.enterpriseId, [view])
    }
    const events: FeedEvent[] = []
    for (const enterprise of enterprises) {
      const done = (key: string) => states.get(enterprise.id)?.get(key)?.state === 'done'
      for (const view of byEnterprise.get(enterprise.id) ?? []) {
        if (view.status === 'cancelled' || view.status === 'expired') continue
        const renewing = view.renewalStartedOn !== null
        const both: FeedEvent[] = [
          {
            key: `licence-${view.id}-renewal-deadline`,
            date: view.latestApplyOn,
            summary: `【续期申请截止】${view.typeName}（${enterprise.name}）`,
            description: `证照编号 ${view.number}；最迟于当日提交续期申请${view.estimate ? ESTIMATE_NOTE : ''}；有效期至 ${view.expiresOn}`,
            alarmDaysBefore: [...(renewing ? RENEWING_REMINDER_OFFSETS : reminders.offsets)],
          },
          {
            key: `licence-${view.id}-expiry`,
            date: view.expiresOn,
            summary: `【证照到期】${view.typeName}（${enterprise.name}）`,
            description: `证照编号 ${view.number} 当日到期`,
            alarmDaysBefore: reminders.onExpiryDay ? [0] : [],
          },
        ]
        events.push(
          ...both.filter(
            (event) => !done(event.key.replace(/^licence-(.+)-(renewal-deadline|expiry)$/, 'licence:$1:$2')),
          ),
        )
      }
    }
    return events
  },
}
