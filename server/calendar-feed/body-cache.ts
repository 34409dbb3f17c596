/**
 * The rendered bodies of recent feed reads (UTF-8 bytes, encoded once), keyed by (feed, ETag) and bounded in bytes: a repeat
 * read of an unchanged feed skips rendering. In-process only — another instance renders once
 * itself; the ETag is derived from the facts, so every instance agrees on it.
 */
export class FeedBodyCache {
  private readonly entries = new Map<string, { body: Buffer; cost: number }>()
  private bytes = 0

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.bytes
  }

  get(feedId: string, etag: string): Buffer | undefined {
    const key = `${feedId} ${etag}`
    const entry = this.entries.get(key)
    if (entry === undefined) return undefined
    // Most recently used last (a Map keeps insertion order).
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.body
  }

  set(feedId: string, etag: string, body: Buffer): void {
    const key = `${feedId} ${etag}`
    const cost = body.length
    // A feed's older bodies are never asked for again once it changed: drop them at once.
    for (const old of [...this.entries.keys()]) if (old.startsWith(`${feedId} `)) this.remove(old)
    if (cost > this.maxBytes) return
    this.entries.set(key, { body, cost })
    this.bytes += cost
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break
      this.remove(oldest)
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key)
    if (entry === undefined) return
    this.entries.delete(key)
    this.bytes -= entry.cost
  }
}
