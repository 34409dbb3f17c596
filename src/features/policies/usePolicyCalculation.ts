import { useCallback, useEffect, useRef, useState } from 'react'
import type { PolicyMatchView } from '../../contract/policies/schemas'
import { userMessage } from '../../api/errors'
import { calculatePolicies } from '../../api/policies/calculatePolicies'
import { apiClient } from '../../core/apiClient'
import type { EnterpriseProfile } from '../../domain/policies/profile'
import { useDebounced } from './useDebounced'

export type Calculation =
  | { kind: 'loading'; results: PolicyMatchView[] | null }
  | { kind: 'error'; text: string; results: PolicyMatchView[] | null }
  | { kind: 'ready'; results: PolicyMatchView[] }

/**
 * The calculator's results for `profile`, asked of the server once the answers settle. The server
 * decides (its published catalogue, its China date, its ordering), so the phone and the push on
 * publication never disagree; an answer to an older profile is dropped.
 */
export function usePolicyCalculation(profile: EnterpriseProfile, enabled = true, delayMs = 400) {
  const settled = useDebounced(JSON.stringify(profile), delayMs)
  const [calculation, setCalculation] = useState<Calculation>({ kind: 'loading', results: null })
  const latest = useRef(0)

  const run = useCallback(async (profileJson: string) => {
    const request = ++latest.current
    setCalculation((current) => ({ kind: 'loading', results: current.results }))
    try {
      const { results } = await calculatePolicies(apiClient, { profile: JSON.parse(profileJson) })
      if (request === latest.current) setCalculation({ kind: 'ready', results })
    } catch (error) {
      if (request === latest.current)
        setCalculation((current) => ({ kind: 'error', text: userMessage(error), results: current.results }))
    }
  }, [])

  useEffect(() => {
    if (enabled) void run(settled)
  }, [settled, run, enabled])

  return { calculation, retry: () => void run(settled) }
}
