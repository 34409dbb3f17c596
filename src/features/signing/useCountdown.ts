import { useEffect, useState } from 'react'

/** Whole seconds left until `deadlineIso`, ticking once a second; 0 once passed. */
export function useCountdown(deadlineIso: string): number {
  const left = () => Math.max(0, Math.ceil((Date.parse(deadlineIso) - Date.now()) / 1000))
  const [seconds, setSeconds] = useState(left)
  useEffect(() => {
    setSeconds(left())
    const timer = setInterval(() => setSeconds(left()), 1000)
    return () => clearInterval(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deadlineIso])
  return seconds
}

/** 4 分 05 秒 */
export function countdownText(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = String(seconds % 60).padStart(2, '0')
  return m > 0 ? `${m} 分 ${s} 秒` : `${s} 秒`
}
