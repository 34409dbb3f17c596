import { create } from 'zustand'
import type { PolicyMatchView } from '../../contract/policies/schemas'
import { getPolicyMatches } from '../../api/policies/getPolicyMatches'
import { apiClient } from '../../core/apiClient'

/**
 * The 免申即享 policies each enterprise qualifies for, for the 工作台 card. Kept apart from
 * policiesStore on purpose: the workbench is a tab page in the main package, and this store pulls
 * in one API function and nothing of the policy domain or the catalogue.
 */
interface AutoBenefitState {
  byEnterprise: Record<string, Pick<PolicyMatchView, 'policyId' | 'title'>[]>
  load: (enterpriseId: string) => Promise<void>
}

export const useAutoBenefits = create<AutoBenefitState>()((set, get) => ({
  byEnterprise: {},
  load: async (enterpriseId) => {
    try {
      const found = await getPolicyMatches(apiClient, enterpriseId)
      const auto = found.eligible.filter((m) => m.autoGrant).map(({ policyId, title }) => ({ policyId, title }))
      set({ byEnterprise: { ...get().byEnterprise, [enterpriseId]: auto } })
    } catch {
      // The card is a bonus on the workbench: on failure it keeps what it had (or stays hidden).
    }
  },
}))
