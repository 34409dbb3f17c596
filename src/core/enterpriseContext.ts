import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { EnterpriseSummary } from '../contract/account/schemas'
import { listMyEnterprises } from '../api/enterprises/listMyEnterprises'
import { setCurrentEnterprise } from '../api/me/setCurrentEnterprise'
import { userMessage } from '../api/errors'
import { platformStorage } from '../platform/storage'
import { apiClient } from './apiClient'
import { useSession } from './session'

/**
 * The enterprises the user may act for and the one currently chosen. An agent with many
 * companies switches in one tap; the choice persists on the device and on the server.
 */
export interface EnterpriseContextState {
  enterprises: EnterpriseSummary[]
  currentId: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  load: () => Promise<void>
  switchTo: (enterpriseId: string) => Promise<void>
  reset: () => void
}

export const useEnterpriseContext = create<EnterpriseContextState>()(
  persist(
    (set, get) => ({
      enterprises: [],
      currentId: null,
      status: 'idle',
      error: null,
      load: async () => {
        set({ status: 'loading', error: null })
        try {
          const enterprises = await listMyEnterprises(apiClient)
          const preferred = get().currentId ?? useSession.getState().user?.currentEnterpriseId ?? null
          const currentId = enterprises.some((e) => e.id === preferred) ? preferred : (enterprises[0]?.id ?? null)
          set({ enterprises, currentId, status: 'ready' })
        } catch (error) {
          set({ status: 'error', error: userMessage(error) })
        }
      },
      switchTo: async (enterpriseId) => {
        const previous = get().currentId
        set({ currentId: enterpriseId })
        try {
          useSession.getState().setUser(await setCurrentEnterprise(apiClient, { enterpriseId }))
        } catch (error) {
          set({ currentId: previous, error: userMessage(error) })
          throw error
        }
      },
      reset: () => set({ enterprises: [], currentId: null, status: 'idle', error: null }),
    }),
    {
      name: 'zqt-enterprise',
      storage: createJSONStorage(() => platformStorage),
      partialize: ({ enterprises, currentId }) => ({ enterprises, currentId }),
    },
  ),
)

/** The current enterprise's summary, or null while none is chosen. */
export function selectCurrentEnterprise(state: EnterpriseContextState): EnterpriseSummary | null {
  return state.enterprises.find((e) => e.id === state.currentId) ?? null
}
