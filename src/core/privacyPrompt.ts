import { create } from 'zustand'

/**
 * WeChat asks for privacy consent through wx.onNeedPrivacyAuthorization, once for each privacy API
 * or component called before consent — several at once when a page starts two of them. Each waits
 * (its API pending) until its resolver is called, so every one is kept here and the user's single
 * answer on the consent sheet resolves them all.
 */
interface PrivacyPromptState {
  pending: ((agreed: boolean) => void)[]
  ask: (resolve: (agreed: boolean) => void) => void
  answer: (agreed: boolean) => void
}

export const usePrivacyPrompt = create<PrivacyPromptState>()((set, get) => ({
  pending: [],
  ask: (resolve) => set({ pending: [...get().pending, resolve] }),
  answer: (agreed) => {
    const waiting = get().pending
    set({ pending: [] })
    for (const resolve of waiting) {
      try {
        resolve(agreed)
      } catch {
        // One failed resolver must not leave the others pending.
      }
    }
  },
}))
