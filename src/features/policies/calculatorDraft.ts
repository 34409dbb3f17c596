import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { EnterpriseProfile, ProfileField } from '../../domain/policies/profile'
import { platformStorage } from '../../platform/storage'

/**
 * The 政策计算器's answers so far and the step on screen, kept on the device so closing the app
 * (or WeChat killing it in the background) loses nothing. No login needed, so no enterprise key.
 */
interface CalculatorDraftState {
  profile: EnterpriseProfile
  step: number
  setFact: <F extends ProfileField>(field: F, value: EnterpriseProfile[F] | undefined) => void
  setStep: (step: number) => void
  /** Pre-fill: the enterprise's saved facts, with anything typed here kept on top. */
  merge: (facts: EnterpriseProfile) => void
  clear: () => void
}

export const useCalculatorDraft = create<CalculatorDraftState>()(
  persist(
    (set, get) => ({
      profile: {},
      step: 0,
      setFact: (field, value) => {
        const profile = { ...get().profile }
        if (value === undefined) delete profile[field]
        else profile[field] = value
        set({ profile })
      },
      setStep: (step) => set({ step }),
      merge: (facts) => set({ profile: { ...facts, ...get().profile } }),
      clear: () => set({ profile: {}, step: 0 }),
    }),
    {
      name: 'zqt-policy-calculator',
      storage: createJSONStorage(() => platformStorage),
      partialize: ({ profile, step }) => ({ profile, step }),
    },
  ),
)
