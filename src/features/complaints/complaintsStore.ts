import { create } from 'zustand'
import type { ComplaintView } from '../../contract/complaints/schemas'
import { listComplaints } from '../../api/complaints/listComplaints'
import { userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { useSession } from '../../core/session'

/** 我的诉求: the list as last fetched. */
interface ComplaintsState {
  items: ComplaintView[] | null
  loading: boolean
  error: string | null
  refresh: () => Promise<void>
  /** puts a case the detail screen has fresher news of into the list */
  replace: (view: ComplaintView) => void
}

export const useComplaints = create<ComplaintsState>()((set, get) => ({
  items: null,
  loading: false,
  error: null,
  refresh: async () => {
    // Signed out there is nothing of mine to fetch: the screen asks to sign in instead of a 401.
    if (!useSession.getState().token) {
      set({ items: null, loading: false, error: null })
      return
    }
    set({ loading: true, error: null })
    try {
      const { items } = await listComplaints(apiClient)
      set({ items, loading: false })
    } catch (error) {
      set({ loading: false, error: userMessage(error) })
    }
  },
  replace: (view) => {
    const items = get().items
    if (items) set({ items: items.map((item) => (item.id === view.id ? view : item)) })
  },
}))
