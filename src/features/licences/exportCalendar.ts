import type { CalendarFeedCreated, CalendarFeedView } from '../../contract/compliance/schemas'

/** Which feed the screen works on: the current enterprise's, or one with all of the user's. */
export type FeedChoice = 'enterprise' | 'all'

export const FEED_CHOICES: readonly { value: FeedChoice; label: string }[] = [
  { value: 'enterprise', label: '本企业' },
  { value: 'all', label: '我的全部企业' },
]

/** The server's scope for a choice: 'all' or the enterprise id. */
export function scopeOf(choice: FeedChoice, enterpriseId: string): string {
  return choice === 'all' ? 'all' : enterpriseId
}

/**
 * Where a scope's feed stands on this screen: none; made earlier (its link was shown once, when
 * made, and only a hash of it is kept); or made here, with the link to copy.
 */
export type FeedState =
  { kind: 'none' } | { kind: 'made-earlier'; feed: CalendarFeedView } | { kind: 'link'; feed: CalendarFeedCreated }

export function feedState(
  scope: string,
  listed: readonly CalendarFeedView[],
  madeHere: Readonly<Record<string, CalendarFeedCreated>>,
): FeedState {
  const made = madeHere[scope]
  if (made) return { kind: 'link', feed: made }
  const earlier = listed.find((feed) => feed.scope === scope)
  return earlier ? { kind: 'made-earlier', feed: earlier } : { kind: 'none' }
}

/** The name of the file a WeChat chat or a browser download gets. */
export const CALENDAR_FILE_NAME = 'zhengqitong-deadlines.ics'

/** How to add the link, in the words of each calendar's own menus. */
export const HOW_TO_SUBSCRIBE: readonly { where: string; steps: string }[] = [
  {
    where: 'iPhone（iOS 日历）',
    steps:
      '打开「设置」›「日历」›「账户」›「添加账户」›「其他」›「添加已订阅的日历」，粘贴链接后点「下一步」「存储」。',
  },
  {
    where: '安卓手机',
    steps:
      '各品牌日历不同：日历里有「添加订阅」或「通过网址添加」的，粘贴链接即可；没有的，可在 Outlook 等支持订阅的日历应用中添加，再同步到手机。',
  },
  {
    where: 'Outlook',
    steps: '网页版：「添加日历」›「从 Web 订阅」；电脑版：「添加日历」›「从 Internet」。粘贴链接，确定。',
  },
]
