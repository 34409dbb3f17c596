import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { EnterpriseProfile, ProfileField } from '../../domain/policies/profile'
import { platformStorage } from '../../platform/storage'

/**
 * The 政策计算器's answers so far and the step on screen, kept on the device so closing the app
 * (or WeChat killing it in the background) loses nothing. No login needed; `owner` says whose
 * draft it is — an enterprise's (opened in its context) or nobody's (signed out) — so answers
 * typed signed out never pass for an enterprise's facts.
 */
interface CalculatorDraftState {
  profile: EnterpriseProfile
  step: number
  /** The enterprise whose context the draft was started in; null when typed without one. */
  owner: string | null
  /** Whether the answers started from the owner's 企业档案 (false: typed by the user). */
  prefilled: boolean
  setFact: <F extends ProfileField>(field: F, value: EnterpriseProfile[F] | undefined) => void
  setStep: (step: number) => void
  /** Pre-fill: the enterprise's saved facts, with anything typed here kept on top. */
  merge: (facts: EnterpriseProfile) => void
  /** A fresh draft for `owner`: its saved facts (pre-filled) or, without them, blank. */
  start: (owner: string | null, facts: EnterpriseProfile | null) => void
  clear: () => void
}

export const useCalculatorDraft = create<CalculatorDraftState>()(
  persist(
    (set, get) => ({
      profile: {},
      step: 0,
      owner: null,
      prefilled: false,
      setFact: (field, value) => {
        const profile = { ...get().profile }
        if (value === undefined) delete profile[field]
        else profile[field] = value
        set({ profile })
      },
      setStep: (step) => set({ step }),
      merge: (facts) => set({ profile: { ...facts, ...get().profile }, prefilled: true }),
      start: (owner, facts) => set({ owner, profile: { ...facts }, step: 0, prefilled: facts !== null }),
      clear: () => set({ profile: {}, step: 0, prefilled: false }),
    }),
    {
      name: 'zqt-policy-calculator',
      storage: createJSONStorage(() => platformStorage),
      partialize: ({ profile, step, owner, prefilled }) => ({ profile, step, owner, prefilled }),
    },
  ),
)
