import { create } from 'zustand'
import type { TimelineResponse } from '../../contract/compliance/schemas'
import { getMyTimeline } from '../../api/compliance/getMyTimeline'
import { apiClient } from '../../core/apiClient'

/**
 * The next 30 days across every enterprise the user may act for, for the 工作台 card. Small on
 * purpose: the workbench is in the main package, so this pulls one API function and nothing else.
 */
interface UpcomingState {
  upcoming: TimelineResponse | null
  load: () => Promise<void>
}

export const useUpcomingCompliance = create<UpcomingState>()((set) => ({
  upcoming: null,
  load: async () => {
    try {
      set({ upcoming: await getMyTimeline(apiClient) })
    } catch {
      // A bonus on the workbench: on failure it keeps what it had (or stays hidden).
    }
  },
}))
