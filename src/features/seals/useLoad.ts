import { useCallback, useEffect, useState } from 'react'
import { isPermissionRefusal, userMessage } from '../../api/errors'

export type Load<T> =
  { kind: 'loading' } | { kind: 'error'; text: string; refused: boolean } | { kind: 'ready'; value: T }

/** Loads on mount and whenever `fetch` changes (keep it stable with useCallback); `reload` retries. */
export function useLoad<T>(fetch: () => Promise<T>): { state: Load<T>; reload: () => Promise<void> } {
  const [state, setState] = useState<Load<T>>({ kind: 'loading' })
  const reload = useCallback(async () => {
    setState({ kind: 'loading' })
    try {
      setState({ kind: 'ready', value: await fetch() })
    } catch (e) {
      setState({ kind: 'error', text: userMessage(e), refused: isPermissionRefusal(e) })
    }
  }, [fetch])
  useEffect(() => {
    void reload()
  }, [reload])
  return { state, reload }
}
