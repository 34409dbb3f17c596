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

/**
 * Calls `run` once the browser has really painted its first content (the `first-contentful-paint`
 * entry exists), checking after each frame; after `maxFrames` frames without it (a tab in the
 * background paints nothing) it runs anyway. A frame is not always a contentful paint: on 惠企政策's
 * cold start the frame after the first render showed nothing yet (Taro's custom elements were still
 * hydrating), so work queued after that frame — the catalogue request — still landed before the
 * FCP and the LCP (Lighthouse: /api/v1/policies ended 2 ms before the first paint). Returns a cancel.
 */
export function afterFirstContentfulPaint(run: () => void, maxFrames = 60): () => void {
  let frames = 0
  let cancel: () => void = () => undefined
  const check = () => {
    frames += 1
    if (!beforeFirstContentfulPaint() || frames >= maxFrames) run()
    else cancel = afterNextPaint(check)
  }
  cancel = afterNextPaint(check)
  return () => cancel()
}
