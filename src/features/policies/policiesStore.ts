import { create } from 'zustand'
import type { EnterprisePolicyMatches, PolicyListQuery, PolicyView } from '../../contract/policies/schemas'
import { isPermissionRefusal, userMessage } from '../../api/errors'
import { addPolicyFavourite } from '../../api/policies/addPolicyFavourite'
import { getPolicyMatches } from '../../api/policies/getPolicyMatches'
import { listPolicies } from '../../api/policies/listPolicies'
import { listPolicyFavourites } from '../../api/policies/listPolicyFavourites'
import { removePolicyFavourite } from '../../api/policies/removePolicyFavourite'
import { apiClient } from '../../core/apiClient'

/**
 * The 惠企政策 catalogue (filtered on the server, which owns "open now" by China date) and the
 * current enterprise's matches. Each load remembers what it was asked, so a slow answer to an
 * older filter never overwrites a newer one.
 */
interface PoliciesState {
  filter: PolicyListQuery
  catalogue: PolicyView[] | null
  /** Policies matching the filter, all pages. */
  catalogueTotal: number
  /** The next page's cursor; null when every page is loaded. */
  nextCursor: string | null
  catalogueLoading: boolean
  catalogueError: string | null
  /** The enterprise whose region the region filter was defaulted to (once per enterprise). */
  regionDefaultedFor: string | null
  matches: Record<string, EnterprisePolicyMatches>
  matchesLoading: boolean
  matchesError: string | null
  /** the matches were refused for want of permission (a 经办人 may not see the profile facts): no 重试 */
  matchesRefused: boolean
  /** The list screen shows the catalogue ('all') or the user's 我的收藏. */
  listView: 'all' | 'favourites'
  favourites: PolicyView[] | null
  favouritesLoading: boolean
  favouritesError: string | null
  setListView: (listView: 'all' | 'favourites') => void
  loadFavourites: () => Promise<void>
  setFilter: (patch: Partial<PolicyListQuery>) => Promise<void>
  loadCatalogue: () => Promise<void>
  /** 加载更多: the next page after the loaded ones. */
  loadMore: () => Promise<void>
  /**
   * Shows the enterprise's own policies first: the region filter set to its 注册地 (once per
   * enterprise, so a region the user chose afterwards stands), then the catalogue loaded.
   */
  openFor: (enterpriseId: string | null) => Promise<void>
  loadMatches: (enterpriseId: string) => Promise<void>
  setFavourite: (policyId: string, favourite: boolean) => Promise<void>
}

let catalogueRequest = 0
let favouritesRequest = 0

export const usePolicies = create<PoliciesState>()((set, get) => ({
  filter: {},
  catalogue: null,
  catalogueTotal: 0,
  nextCursor: null,
  catalogueLoading: false,
  catalogueError: null,
  regionDefaultedFor: null,
  matches: {},
  matchesLoading: false,
  matchesError: null,
  matchesRefused: false,
  listView: 'all',
  favourites: null,
  favouritesLoading: false,
  favouritesError: null,
  setListView: (listView) => set({ listView }),
  loadFavourites: async () => {
    const request = ++favouritesRequest
    set({ favouritesLoading: true, favouritesError: null })
    try {
      const favourites = await listPolicyFavourites(apiClient)
      if (request === favouritesRequest) set({ favourites, favouritesLoading: false })
    } catch (error) {
      if (request === favouritesRequest) set({ favouritesLoading: false, favouritesError: userMessage(error) })
    }
  },
  setFilter: (patch) => {
    set({ filter: { ...get().filter, ...patch } })
    return get().loadCatalogue()
  },
  loadCatalogue: async () => {
    const request = ++catalogueRequest
    set({ catalogueLoading: true, catalogueError: null })
    try {
      const page = await listPolicies(apiClient, get().filter)
      if (request === catalogueRequest)
        set({ catalogue: page.items, catalogueTotal: page.total, nextCursor: page.nextCursor, catalogueLoading: false })
    } catch (error) {
      if (request === catalogueRequest) set({ catalogueLoading: false, catalogueError: userMessage(error) })
    }
  },
  loadMore: async () => {
    const { nextCursor, catalogue } = get()
    if (nextCursor === null || catalogue === null) return
    const request = ++catalogueRequest
    set({ catalogueLoading: true, catalogueError: null })
    try {
      const page = await listPolicies(apiClient, { ...get().filter, cursor: nextCursor })
      if (request === catalogueRequest)
        set({
          catalogue: [...catalogue, ...page.items],
          catalogueTotal: page.total,
          nextCursor: page.nextCursor,
          catalogueLoading: false,
        })
    } catch (error) {
      if (request === catalogueRequest) set({ catalogueLoading: false, catalogueError: userMessage(error) })
    }
  },
  openFor: async (enterpriseId) => {
    if (enterpriseId !== null && get().regionDefaultedFor !== enterpriseId) {
      await get().loadMatches(enterpriseId)
      const region = get().matches[enterpriseId]?.profile.regionCode
      set({ regionDefaultedFor: enterpriseId, filter: { ...get().filter, region } })
    } else if (enterpriseId !== null) {
      void get().loadMatches(enterpriseId)
    }
    await get().loadCatalogue()
  },
  loadMatches: async (enterpriseId) => {
    set({ matchesLoading: true, matchesError: null, matchesRefused: false })
    try {
      const found = await getPolicyMatches(apiClient, enterpriseId)
      set({ matches: { ...get().matches, [enterpriseId]: found }, matchesLoading: false })
    } catch (error) {
      set({ matchesLoading: false, matchesError: userMessage(error), matchesRefused: isPermissionRefusal(error) })
    }
  },
  setFavourite: async (policyId, favourite) => {
    await (favourite ? addPolicyFavourite : removePolicyFavourite)(apiClient, policyId)
    const catalogue = get().catalogue?.map((view) => (view.policy.id === policyId ? { ...view, favourite } : view))
    set({ catalogue: catalogue ?? null })
    // 我的收藏 as the server has it (its order, published ones only) once it has been shown.
    if (get().favourites !== null) void get().loadFavourites()
  },
}))
