import { create } from 'zustand'

/**
 * WeChat asks for privacy consent through wx.onNeedPrivacyAuthorization when a privacy API is
 * first called; the page must show a sheet whose agree button has
 * open-type="agreePrivacyAuthorization", then call the resolver. This holds the pending request.
 */
interface PrivacyPromptState {
  pending: ((agreed: boolean) => void) | null
  ask: (resolve: (agreed: boolean) => void) => void
  answer: (agreed: boolean) => void
}

export const usePrivacyPrompt = create<PrivacyPromptState>()((set, get) => ({
  pending: null,
  ask: (resolve) => set({ pending: resolve }),
  answer: (agreed) => {
    get().pending?.(agreed)
    set({ pending: null })
  },
}))
