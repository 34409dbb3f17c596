import { useEffect, useRef, useState } from 'react'
import { afterNextPaint } from '../../platform/firstPaint'

/**
 * A long list shown a few items at a time: `first` at once, then `step` more per frame until all
 * are shown (each batch is laid out and painted before the next is rendered). The catalogue's 20 cards sit below the first screen (the filters fill it), and
 * rendering them in one go was the page's one long task after the first paint (Lighthouse TBT on
 * a throttled phone). A list that starts with the same items (加载更多, or the refresh on coming
 * back from a detail page) keeps what is shown, so the page never shrinks under the reader.
 */
export function useStaged<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  first: number,
  step: number,
): readonly T[] {
  const previous = useRef<readonly T[]>(items)
  const [shown, setShown] = useState(first)
  let count = shown
  if (previous.current !== items) {
    const before = previous.current
    const sameHead = before.every((item, i) => i >= items.length || keyOf(item) === keyOf(items[i]))
    previous.current = items
    if (!sameHead) {
      count = first
      setShown(first)
    }
  }
  useEffect(() => {
    if (count >= items.length) return
    return afterNextPaint(() => setShown(count + step))
  }, [count, items.length, step])
  return count >= items.length ? items : items.slice(0, count)
}
