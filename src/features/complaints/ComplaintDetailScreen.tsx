import { useCallback, useEffect, useState } from 'react'
import type { ComplaintView } from '../../contract/complaints/schemas'
import { getComplaint } from '../../api/complaints/getComplaint'
import { userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { ComplaintActions } from './ComplaintActions'
import { ComplaintCaseView } from './ComplaintCaseView'
import { useComplaints } from './complaintsStore'

/**
 * One case: its progress, photos and the steps the submitter may take. `onSettled` runs when a
 * load ends either way (the page stops its pull-down spinner then, not after a guess).
 */
export function ComplaintDetailScreen(props: { complaintId: string; reloadSignal?: number; onSettled?: () => void }) {
  const [view, setView] = useState<ComplaintView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { complaintId, onSettled } = props

  const load = useCallback(async () => {
    setError(null)
    try {
      setView(await getComplaint(apiClient, complaintId))
    } catch (e) {
      setError(userMessage(e))
    } finally {
      onSettled?.()
    }
  }, [complaintId, onSettled])

  useEffect(() => {
    void load()
  }, [load, props.reloadSignal])

  if (!view) {
    return error ? <StatusView kind='error' text={error} onRetry={() => void load()} /> : <StatusView kind='loading' />
  }
  const changed = (next: ComplaintView) => {
    setView(next)
    useComplaints.getState().replace(next)
  }
  return (
    <>
      {/* A failed refresh keeps the case shown and says why. */}
      <ErrorText message={error} />
      <ComplaintCaseView view={view} />
      <ComplaintActions view={view} onChanged={changed} />
    </>
  )
}
