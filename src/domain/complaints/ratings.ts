/**
 * 政务服务"好差评" (国办发〔2019〕51号): five levels, and 不满意 / 非常不满意 count as 差评, which
 * must be verified, rectified and answered (回访) before the submitter rates once more.
 */

export type RatingLevel = 'very-satisfied' | 'satisfied' | 'basically-satisfied' | 'dissatisfied' | 'very-dissatisfied'

/** Best first, as the rating sheet lists them. */
export const RATING_LEVELS: readonly RatingLevel[] = [
  'very-satisfied',
  'satisfied',
  'basically-satisfied',
  'dissatisfied',
  'very-dissatisfied',
]

export const RATING_LABELS: Record<RatingLevel, string> = {
  'very-satisfied': '非常满意',
  satisfied: '满意',
  'basically-satisfied': '基本满意',
  dissatisfied: '不满意',
  'very-dissatisfied': '非常不满意',
}

export function isRatingLevel(value: unknown): value is RatingLevel {
  return typeof value === 'string' && (RATING_LEVELS as readonly string[]).includes(value)
}

/** 差评 under 国办发〔2019〕51号: the two lowest levels. */
export function isBadRating(level: RatingLevel): boolean {
  return level === 'dissatisfied' || level === 'very-dissatisfied'
}
