import { useEffect, useState } from 'react'
import { getComplaintRules } from '../../api/complaints/getComplaintRules'
import { apiClient } from '../../core/apiClient'
import { DEFAULT_COMPLAINT_RULES, type ComplaintRules } from '../../domain/complaints/categories'

/** The city's rules once fetched in this app session; until then (or offline) the built-in table. */
let fetched: ComplaintRules | null = null
let pending: Promise<ComplaintRules | null> | null = null

function loadRules(): Promise<ComplaintRules | null> {
  pending ??= getComplaintRules(apiClient).then(
    (rules) => {
      fetched = rules.categories.length > 0 ? rules : null
      return fetched
    },
    () => {
      // Offline or an older server: the built-in list, and a later form asks again.
      pending = null
      return null
    },
  )
  return pending
}

/**
 * The complaint categories and time limits the server applies to new cases (GET
 * /api/v1/complaint-rules, config COMPLAINT_RULES), falling back to the built-in table.
 */
export function useComplaintRules(): ComplaintRules {
  const [rules, setRules] = useState<ComplaintRules>(fetched ?? DEFAULT_COMPLAINT_RULES)
  useEffect(() => {
    if (fetched) return undefined
    let live = true
    void loadRules().then((loaded) => {
      if (live && loaded) setRules(loaded)
    })
    return () => {
      live = false
    }
  }, [])
  return rules
}

/** Tests: forget the fetched rules. */
export function forgetComplaintRules(): void {
  fetched = null
  pending = null
}
