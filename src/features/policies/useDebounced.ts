import { useEffect, useRef, useState } from 'react'

/**
 * `value` once it has stopped changing for `delayMs` (typing in a search box). Compared by content
 * (JSON), so a caller may pass a fresh object on each render: the timer restarts only when what it
 * holds changes. (It used to compare by identity: 惠企政策's filters passed `{ q, issuer }`, and the
 * settled copy — a new object — re-rendered them, which passed a new object again: a render of the
 * filters every 300 ms for as long as the page was open.)
 */
export function useDebounced<T>(value: T, delayMs: number): T {
  const key = JSON.stringify(value)
  const latest = useRef(value)
  latest.current = value
  const [settled, setSettled] = useState(() => ({ key, value }))
  useEffect(() => {
    if (key === settled.key) return undefined
    const timer = setTimeout(() => setSettled({ key, value: latest.current }), delayMs)
    return () => clearTimeout(timer)
  }, [key, delayMs, settled.key])
  return settled.value
}
