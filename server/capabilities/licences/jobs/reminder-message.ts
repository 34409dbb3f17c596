import type { IsoDate } from '../../../../src/domain/calendar/dates'
import { licenceLink } from '../../../../src/domain/links'
import { chineseDate, thing } from '../../../kernel/notify/message-fields'
import { defineNotice } from '../../../kernel/notify/notices'
import type { OutgoingMessage } from '../../../kernel/notify/sender'

/** What one reminder says, in the inbox and in a platform message. */
export interface ReminderFacts {
  licenceId: string
  enterpriseName: string
  typeName: string
  number: string
  /** 'd<N>' (N days before the renewal deadline) or 'expiry' */
  offsetKey: string
  /** the renewal deadline, or the expiry date for 'expiry' */
  deadline: IsoDate
  /** the holder said 已提交续期 and has not recorded the new certificate yet */
  renewing?: boolean
}

export function offsetKeyOf(daysBefore: number | 'expiry'): string {
  return daysBefore === 'expiry' ? 'expiry' : `d${daysBefore}`
}

function daysBefore(offsetKey: string): number | null {
  return offsetKey === 'expiry' ? null : Number(offsetKey.slice(1))
}

export function reminderText(facts: ReminderFacts): { title: string; body: string } {
  const subject = `${facts.enterpriseName}的${facts.typeName}（编号 ${facts.number}）`
  const days = daysBefore(facts.offsetKey)
  if (facts.renewing && days === null) {
    return {
      title: '证照今日到期，新证尚未登记',
      body: `${subject}今天（${facts.deadline}）到期，续期仍在办理中。取得新证后请在政企通点「已换新证」登记，提醒随即停止；如续期未获受理，请尽快联系发证机关。`,
    }
  }
  if (facts.renewing) {
    return {
      title: '今天是续期申请截止日',
      body: `${subject}最晚须于今天（${facts.deadline}）提出续期申请。您已标记「续期办理中」：如申请尚未提交，请今天办理；取得新证后请点「已换新证」登记。`,
    }
  }
  if (days === null) {
    return {
      title: '证照今日到期',
      body: `${subject}今天（${facts.deadline}）到期。到期后一般须重新申请许可，请尽快联系发证机关。`,
    }
  }
  if (days === 0) {
    return {
      title: '今天是续期申请最后一天',
      body: `${subject}最晚须于今天（${facts.deadline}）提出续期申请，请立即办理。`,
    }
  }
  return {
    title: '证照续期提醒',
    body: `${subject}最晚须于 ${facts.deadline} 前提出续期申请，还剩 ${days} 天，请提前准备材料。`,
  }
}

/**
 * The template's fields, in order: 证照名称, 企业名称, 截止日期, 温馨提示. The names must be the
 * keywords of the template registered in each platform's console.
 */
export const WECHAT_FIELD_NAMES = ['thing1', 'thing2', 'date3', 'thing4'] as const
export const ALIPAY_FIELD_NAMES = ['keyword1', 'keyword2', 'keyword3', 'keyword4'] as const

/** 证照续期提醒: in the inbox, and as the licence template's subscribe message; opens the licence. */
export const LICENCE_REMINDER_NOTICE = defineNotice<string>({
  purpose: 'licence-reminder',
  inboxKind: 'licence-reminder',
  subscribe: 'licence',
  fieldNames: { wechat: WECHAT_FIELD_NAMES, alipay: ALIPAY_FIELD_NAMES },
  link: licenceLink,
})

export function platformMessage(
  facts: ReminderFacts,
  toUser: string,
  templateId: string,
  names: readonly string[],
): OutgoingMessage {
  const days = daysBefore(facts.offsetKey)
  const hint = facts.renewing
    ? '续期办理中，取得新证后请登记'
    : days === null
      ? '今日到期，请尽快办理'
      : days === 0
        ? '今天是申请续期最后一天'
        : `还剩${days}天，请及时申请续期`
  const values = [thing(facts.typeName), thing(facts.enterpriseName), chineseDate(facts.deadline), thing(hint)]
  return {
    toUser,
    templateId,
    page: LICENCE_REMINDER_NOTICE.link(facts.licenceId) ?? '',
    fields: names.map((name, i) => ({ name, value: values[i] })),
  }
}
