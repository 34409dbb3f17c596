import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { LoginResponse, UserProfile } from '../contract/account/schemas'
import { platformStorage } from '../platform/storage'

/** The signed-in user's session. The token is opaque; the profile carries only masked PII. */
export interface SessionState {
  token: string | null
  expiresAt: string | null
  user: UserProfile | null
  /** H5 sandbox only: the demo phone used, so an expired session can be renewed silently. */
  sandboxPhone: string | null
  signedIn: (response: LoginResponse, sandboxPhone?: string | null) => void
  setUser: (user: UserProfile) => void
  clear: () => void
}

const empty = { token: null, expiresAt: null, user: null, sandboxPhone: null }

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      ...empty,
      signedIn: (response, sandboxPhone = null) =>
        set({ token: response.token, expiresAt: response.expiresAt, user: response.user, sandboxPhone }),
      setUser: (user) => set({ user }),
      clear: () => set(empty),
    }),
    {
      name: 'zqt-session',
      storage: createJSONStorage(() => platformStorage),
      partialize: ({ token, expiresAt, user, sandboxPhone }) => ({ token, expiresAt, user, sandboxPhone }),
    },
  ),
)
