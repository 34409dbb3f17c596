import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { LicenceListResponse } from '../../contract/licences/schemas'
import { isPermissionRefusal, userMessage } from '../../api/errors'
import { listLicences } from '../../api/licences/listLicences'
import { apiClient } from '../../core/apiClient'
import { platformStorage } from '../../platform/storage'

/**
 * The licence wallet per enterprise. The last list is kept on the device so the wallet still
 * shows without a network, under a 离线 banner; filtering and search run over it locally.
 */
interface WalletState {
  byEnterprise: Record<string, { list: LicenceListResponse; fetchedAt: string }>
  loading: boolean
  /** the last refresh failed for want of a network: what shows is the cached list */
  offline: boolean
  error: string | null
  /** the last refresh was refused for want of permission (a 经办人 may not read licences): no 重试 */
  refused: boolean
  refresh: (enterpriseId: string) => Promise<void>
}

const OFFLINE_ERRORS = new Set(['NetworkError', 'TimeoutError'])

export const useWallet = create<WalletState>()(
  persist(
    (set, get) => ({
      byEnterprise: {},
      loading: false,
      offline: false,
      error: null,
      refused: false,
      refresh: async (enterpriseId) => {
        set({ loading: true, error: null, refused: false })
        try {
          const list = await listLicences(apiClient, enterpriseId)
          const byEnterprise = { ...get().byEnterprise, [enterpriseId]: { list, fetchedAt: new Date().toISOString() } }
          set({ byEnterprise, loading: false, offline: false })
        } catch (error) {
          const offline = OFFLINE_ERRORS.has((error as Error)?.name)
          set({ loading: false, offline, error: userMessage(error), refused: isPermissionRefusal(error) })
        }
      },
    }),
    {
      name: 'zqt-licence-wallet',
      storage: createJSONStorage(() => platformStorage),
      partialize: ({ byEnterprise }) => ({ byEnterprise }),
    },
  ),
)

/** The 工作台 badge for 许证闹钟: how many licences need action now, else how many there are. */
export function licenceBadge(
  state: Pick<WalletState, 'byEnterprise'>,
  enterpriseId: string | null,
): string | undefined {
  const entry = enterpriseId ? state.byEnterprise[enterpriseId] : undefined
  if (!entry) return undefined
  const { counts, items } = entry.list
  const pressing = counts.urgent + counts['deadline-missed'] + counts['renewal-due']
  return pressing > 0 ? `${pressing} 张待续期` : `${items.length} 张证照`
}
