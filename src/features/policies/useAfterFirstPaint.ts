import { useEffect, useState } from 'react'
import { afterNextPaint, beforeFirstContentfulPaint } from '../../platform/firstPaint'

/**
 * False during the render that produces the app's very first paint (H5 cold start on this page),
 * true from the frame after; true at once everywhere else. 惠企政策 mounts its filters, matches and
 * catalogue (all below the 政策计算器 card that is its first screen's largest text) one frame late,
 * so that first paint waits for the card only. They are appended below it: nothing shifts.
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(() => !beforeFirstContentfulPaint())
  useEffect(() => {
    if (ready) return undefined
    return afterNextPaint(() => setReady(true))
  }, [ready])
  return ready
}
