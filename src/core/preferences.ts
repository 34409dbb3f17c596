import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { platformStorage } from '../platform/storage'

/** Device preferences kept across launches: 长辈版 and the privacy-consent decision. */
export interface PreferencesState {
  elderMode: boolean
  /** The policy version the user agreed to on this device, or null (never / revoked). */
  consentVersion: string | null
  setElderMode: (on: boolean) => void
  acceptConsent: (version: string) => void
  revokeConsent: () => void
}

export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      elderMode: false,
      consentVersion: null,
      setElderMode: (elderMode) => set({ elderMode }),
      acceptConsent: (consentVersion) => set({ consentVersion }),
      revokeConsent: () => set({ consentVersion: null }),
    }),
    {
      name: 'zqt-preferences',
      storage: createJSONStorage(() => platformStorage),
      partialize: ({ elderMode, consentVersion }) => ({ elderMode, consentVersion }),
    },
  ),
)
