/** What a feed was last planned to, per feed: under which input key, its ETag and (once rendered) its body. */
export interface CachedFeed {
  /** feedInputs' key the plan was made under. */
  inputKey: string
  etag: string
  /** The rendered body (UTF-8 bytes, encoded once); absent while only 304s were answered. */
  body?: Buffer
  /** The body gzipped, once, for clients accepting gzip. */
  gzipped?: Buffer
}

/** Bookkeeping bytes counted per entry besides its body, so that body-less entries are bounded too. */
export const ENTRY_OVERHEAD_BYTES = 256

/**
 * The last plan of recently read feeds, one entry per feed, bounded in bytes (least recently used
 * out first): a read whose input key is the one planned last skips planning, and rendering when the
 * body is here. In-process only — another instance plans once itself; the ETag is derived from the
 * planned facts, so every instance agrees on it.
 */
export class FeedBodyCache {
  private readonly entries = new Map<string, { feed: CachedFeed; cost: number }>()
  private bytes = 0

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.bytes
  }

  /** The feed's entry if it was planned under `inputKey`. */
  get(feedId: string, inputKey: string): CachedFeed | undefined {
    const entry = this.entries.get(feedId)
    if (entry === undefined || entry.feed.inputKey !== inputKey) return undefined
    // Most recently used last (a Map keeps insertion order).
    this.entries.delete(feedId)
    this.entries.set(feedId, entry)
    return entry.feed
  }

  /** Replaces the feed's entry: an older plan is never asked for again once its inputs moved. */
  set(feedId: string, feed: CachedFeed): void {
    this.remove(feedId)
    const cost = (feed.body?.length ?? 0) + (feed.gzipped?.length ?? 0) + ENTRY_OVERHEAD_BYTES
    if (cost > this.maxBytes) return
    this.entries.set(feedId, { feed, cost })
    this.bytes += cost
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break
      this.remove(oldest)
    }
  }

  private remove(feedId: string): void {
    const entry = this.entries.get(feedId)
    if (entry === undefined) return
    this.entries.delete(feedId)
    this.bytes -= entry.cost
  }
}
