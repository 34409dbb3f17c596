import { create } from 'zustand'
import type { LicenceTypeView } from '../../contract/licences/schemas'
import { userMessage } from '../../api/errors'
import { listLicenceTypes } from '../../api/licences/listLicenceTypes'
import { apiClient } from '../../core/apiClient'

/** The city's licence catalogue, fetched once per launch (the server merges the city's overrides). */
interface TypesState {
  types: LicenceTypeView[]
  error: string | null
  ensure: () => Promise<void>
}

export const useLicenceTypes = create<TypesState>()((set, get) => ({
  types: [],
  error: null,
  ensure: async () => {
    if (get().types.length > 0) return
    try {
      set({ types: await listLicenceTypes(apiClient), error: null })
    } catch (error) {
      set({ error: userMessage(error) })
    }
  },
}))
