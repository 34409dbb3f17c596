/**
 * Platform messages under a scarce quota (issue #14 item 10). WeChat subscribe and Alipay template
 * messages each need a one-time subscription the user granted (one message per consent). For one
 * user on one platform channel in one run, with q subscriptions left and n reminders due:
 * - q ≥ n: one message per reminder, the most urgent first;
 * - q < n (q ≥ 1): exactly ONE message, naming the most urgent reminder and 「等N项」 the count of
 *   the others, which it covers (they are never sent on their own);
 * - q = 0: none at all.
 * The inbox is not limited: it gets one message per reminder whatever q is.
 */

export interface PlatformMessagePlan<T> {
  /** the reminder the message names */
  lead: T
  /** the others it announces as 「等N项」 (empty for a message of its own) */
  covered: T[]
}

/**
 * The messages to send for `due` (one user, one channel) with `remaining` subscriptions left;
 * `moreUrgent` orders two reminders (negative: the first is more urgent).
 */
export function planPlatformMessages<T>(
  due: readonly T[],
  remaining: number,
  moreUrgent: (a: T, b: T) => number,
): PlatformMessagePlan<T>[] {
  if (due.length === 0 || !(remaining >= 1)) return []
  const sorted = [...due].sort(moreUrgent)
  if (remaining >= sorted.length) return sorted.map((lead) => ({ lead, covered: [] }))
  return [{ lead: sorted[0], covered: sorted.slice(1) }]
}

/** 「等N项」 after the most urgent item's name; '' for a message of its own. */
export function othersSuffix(othersCount: number): string {
  return othersCount > 0 ? `等${othersCount}项` : ''
}
