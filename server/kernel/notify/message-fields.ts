/** Values of subscribe-message template fields (WeChat's limits are the stricter ones). */

/** WeChat `thing` values take at most 20 characters. */
export function thing(text: string): string {
  const chars = Array.from(text)
  return chars.length <= 20 ? text : `${chars.slice(0, 19).join('')}…`
}

/** 'YYYY-MM-DD' → 'YYYY年MM月DD日' (a `date` field). */
export function chineseDate(date: string): string {
  return `${date.slice(0, 4)}年${date.slice(5, 7)}月${date.slice(8, 10)}日`
}

/** An instant as China wall-clock time 'YYYY-MM-DD HH:mm' (a `time` field). */
export function chinaTime(instantMs: number): string {
  return new Date(instantMs + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}
