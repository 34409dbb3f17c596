import { useCallback, useEffect, useState } from 'react'
import type { LicenceView } from '../../contract/licences/schemas'
import { userMessage } from '../../api/errors'
import { getLicence } from '../../api/licences/getLicence'
import { apiClient } from '../../core/apiClient'
import { StatusView } from '../../ui/StatusView'
import { LicenceForm } from './LicenceForm'

/** The add form, or the edit form once the licence being edited has loaded. */
export function LicenceFormScreen(props: {
  enterpriseId: string
  licenceId?: string
  onSaved: (licence: LicenceView) => void
}) {
  const [existing, setExisting] = useState<LicenceView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { licenceId } = props

  const load = useCallback(() => {
    if (!licenceId) return
    setError(null)
    getLicence(apiClient, licenceId).then(setExisting, (e) => setError(userMessage(e)))
  }, [licenceId])

  useEffect(load, [load])

  if (!licenceId) return <LicenceForm enterpriseId={props.enterpriseId} onSaved={props.onSaved} />
  if (error) return <StatusView kind='error' text={error} onRetry={load} />
  if (!existing) return <StatusView kind='loading' />
  return <LicenceForm enterpriseId={existing.enterpriseId} existing={existing} onSaved={props.onSaved} />
}
