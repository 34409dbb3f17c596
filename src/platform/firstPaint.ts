/**
 * The app's cold start on H5: until the browser has painted its first content, every task that
 * runs before that paint delays it (and Lighthouse's LCP, which multiplies main-thread time by
 * four on a simulated phone). A page can mount what is below the first screen a frame later.
 * The mini-programs (no `performance.getEntriesByName`) and pages opened later never wait.
 */
export function beforeFirstContentfulPaint(): boolean {
  if (typeof performance === 'undefined' || typeof performance.getEntriesByName !== 'function') return false
  return performance.getEntriesByName('first-contentful-paint').length === 0
}

/** Calls `run` once the next frame has been painted; returns a cancel. */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(run, 16)
    return () => clearTimeout(timer)
  }
  // The animation frame runs just before the paint; a task queued from it runs after.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    if (timer !== undefined) clearTimeout(timer)
  }
}
