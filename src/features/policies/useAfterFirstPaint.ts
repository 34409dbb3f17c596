import { useEffect, useState } from 'react'
import { afterFirstContentfulPaint, afterNextPaint, beforeFirstContentfulPaint } from '../../platform/firstPaint'

/**
 * How many of a page's `stages` (the parts below its first screen) may be mounted: 0 during the
 * render that produces the app's very first paint (H5 cold start on this page), 1 once the browser
 * has painted its first content, then one more per frame; all of them at once everywhere else.
 * 惠企政策 mounts its filters, then (a frame later) its matches and catalogue — all below the
 * 政策计算器 card that is its first screen's largest text — so that the first paint waits for the
 * card only and no single task after it renders the whole page. Each part is appended below the
 * ones before: nothing shifts.
 */
export function useAfterFirstPaint(stages = 1): number {
  const [ready, setReady] = useState(() => (beforeFirstContentfulPaint() ? 0 : stages))
  useEffect(() => {
    if (ready >= stages) return undefined
    const next = () => setReady((n) => Math.max(n, ready + 1))
    return ready === 0 ? afterFirstContentfulPaint(next) : afterNextPaint(next)
  }, [ready, stages])
  return Math.min(ready, stages)
}
