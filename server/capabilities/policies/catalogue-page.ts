/**
 * Pages of the catalogue by keyset cursor: the order is publication time (newest first, unpublished
 * last) then id, so a page boundary is a (publishedAt, id) pair and a policy published or withdrawn
 * between two requests neither repeats nor skips another one.
 */
import type { PolicyPage, PolicyView } from '../../../src/contract/policies/schemas'

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 50

interface Key {
  publishedAt: string | null
  id: string
}

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify([key.publishedAt, key.id]), 'utf8').toString('base64url')
}

/** The key a cursor holds; null when it is not one this server wrote. */
export function decodeCursor(cursor: string): Key | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 2) return null
    const [publishedAt, id] = value
    if (typeof id !== 'string' || id === '' || (publishedAt !== null && typeof publishedAt !== 'string')) return null
    if (publishedAt !== null && Number.isNaN(Date.parse(publishedAt))) return null
    return { publishedAt, id }
  } catch {
    return null
  }
}

/** Negative when a comes first in the catalogue order. */
export function compareKeys(a: Key, b: Key): number {
  if (a.publishedAt !== b.publishedAt) {
    if (a.publishedAt === null) return 1
    if (b.publishedAt === null) return -1
    const diff = Date.parse(b.publishedAt) - Date.parse(a.publishedAt)
    if (diff !== 0) return diff
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

const keyOf = (view: PolicyView): Key => ({ publishedAt: view.publishedAt, id: view.policy.id })

/** The page of `views` (any order) after `after`, of at most `limit` policies. */
export function pageOf(views: readonly PolicyView[], limit: number, after: Key | null): PolicyPage {
  const ordered = [...views].sort((a, b) => compareKeys(keyOf(a), keyOf(b)))
  const rest = after === null ? ordered : ordered.filter((view) => compareKeys(keyOf(view), after) > 0)
  const items = rest.slice(0, limit)
  const last = items[items.length - 1]
  return {
    items,
    total: views.length,
    nextCursor: rest.length > limit && last ? encodeCursor(keyOf(last)) : null,
  }
}
