import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { ComplaintSubmitRequest } from '../../contract/complaints/schemas'
import type { ComplaintCategoryCode } from '../../domain/complaints/categories'
import { useSession } from '../../core/session'
import { platformStorage } from '../../platform/storage'

/** A photo on the form: picked, uploading (progress), uploaded (attachmentId) or refused (error). */
export interface DraftPhoto {
  localId: string
  previewPath: string
  mimeType: string
  sizeBytes: number
  attachmentId: string | null
  /** 0–1 while uploading */
  progress: number
  error: string | null
}

export interface ComplaintDraft {
  category: ComplaintCategoryCode | ''
  title: string
  description: string
  /** where the problem is, as the submitter describes it */
  place: string
  /** the department or enterprise the complaint concerns */
  concerned: string
  anonymous: boolean
  contactPhone: string
  photos: DraftPhoto[]
  /** made once per draft and sent with every try of its submission, so the server files it once */
  idempotencyKey: string
  /**
   * The account it is written under (its photos were uploaded by that account and would be refused
   * for another). null: not yet written to, or saved by an older version — the next account takes it.
   */
  ownerId: string | null
}

/** A submission waiting for the network: exactly the body and key that will be sent, frozen. */
export interface QueuedSubmission {
  idempotencyKey: string
  request: ComplaintSubmitRequest
  queuedAt: string
  /**
   * The account it was written under: on a shared phone it must never go out under whoever signs
   * in next. null (signed out when queued, or queued by an older version) → the next account.
   */
  ownerId?: string | null
  /** why it is waiting, as told to the user */
  reason: string
}

/** The last successful submission, kept until the user has seen it (the query code is shown once). */
export interface SubmittedComplaint {
  id: string
  title: string
  statusLabel: string
  anonymous: boolean
  /** null for real-name cases; an anonymous case has it even after a retry (the server repeats it) */
  queryCode: string | null
  /** the account that submitted it: the result (and a query code) is shown to that account only */
  ownerId?: string | null
}

interface DraftState {
  /** the signed-in account's draft */
  draft: ComplaintDraft
  /** other accounts' drafts on this device, by account id, kept until they sign in again */
  others: Record<string, ComplaintDraft>
  queued: QueuedSubmission | null
  submitted: SubmittedComplaint | null
  sending: boolean
  /** a refusal the user must act on (validation from the server, a conflict) */
  error: string | null
  update: (patch: Partial<Omit<ComplaintDraft, 'photos' | 'idempotencyKey'>>) => void
  addPhotos: (photos: DraftPhoto[]) => void
  setPhoto: (localId: string, patch: Partial<DraftPhoto>) => void
  removePhoto: (localId: string) => void
  /** a new key: the old one may have been used for a different body */
  renewKey: () => void
  set: (patch: Partial<Pick<DraftState, 'queued' | 'submitted' | 'sending' | 'error'>>) => void
  /** after success: the result to show, and a fresh empty draft */
  finish: (submitted: SubmittedComplaint) => void
  /** The account signed in now works on its own draft; the one on screen is kept for its owner. */
  forAccount: (userId: string) => void
}

export function newIdempotencyKey(): string {
  return `complaint-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

export function emptyDraft(ownerId: string | null = null): ComplaintDraft {
  return {
    category: '',
    title: '',
    description: '',
    place: '',
    concerned: '',
    anonymous: false,
    contactPhone: '',
    photos: [],
    idempotencyKey: newIdempotencyKey(),
    ownerId,
  }
}

const signedInId = () => useSession.getState().user?.id ?? null

/** A change to the draft also marks whose it is, if nobody's yet. */
const owned = (draft: ComplaintDraft): ComplaintDraft =>
  draft.ownerId === null ? { ...draft, ownerId: signedInId() } : draft

/** Only uploaded photos are kept: one still uploading lives in a temp file an app kill takes with it. */
const storable = (draft: ComplaintDraft): ComplaintDraft => ({
  ...draft,
  photos: draft.photos.filter((p) => p.attachmentId !== null),
})

export const useComplaintDraft = create<DraftState>()(
  persist(
    (set) => ({
      draft: emptyDraft(),
      others: {},
      queued: null,
      submitted: null,
      sending: false,
      error: null,
      update: (patch) => set((s) => ({ draft: owned({ ...s.draft, ...patch }), error: null })),
      addPhotos: (photos) => set((s) => ({ draft: owned({ ...s.draft, photos: [...s.draft.photos, ...photos] }) })),
      setPhoto: (localId, patch) =>
        set((s) => ({
          draft: { ...s.draft, photos: s.draft.photos.map((p) => (p.localId === localId ? { ...p, ...patch } : p)) },
        })),
      removePhoto: (localId) =>
        set((s) => ({ draft: { ...s.draft, photos: s.draft.photos.filter((p) => p.localId !== localId) } })),
      renewKey: () => set((s) => ({ draft: { ...s.draft, idempotencyKey: newIdempotencyKey() } })),
      set: (patch) => set(patch),
      finish: (submitted) =>
        set((s) => ({
          submitted,
          draft: emptyDraft(s.draft.ownerId),
          queued: null,
          sending: false,
          error: null,
        })),
      forAccount: (userId) =>
        set((s) => {
          if (s.draft.ownerId === userId) return s
          const { [userId]: own, ...rest } = s.others
          // Nobody's draft (an older version's) goes to the first account that signs in.
          if (s.draft.ownerId === null && !own) return { draft: { ...s.draft, ownerId: userId } }
          const others = s.draft.ownerId === null ? rest : { ...rest, [s.draft.ownerId]: storable(s.draft) }
          return { draft: own ?? emptyDraft(userId), others, error: null }
        }),
    }),
    {
      name: 'zqt-complaint-draft',
      version: 2,
      storage: createJSONStorage(() => platformStorage),
      // Saved on every change. Only uploaded photos are kept: a photo still uploading lives in a
      // temp file or a blob: URL that an app kill takes with it, so it is picked again.
      partialize: ({ draft, others, queued, submitted }) => ({ draft: storable(draft), others, queued, submitted }),
      // Version 1 kept one draft for the device, whoever wrote it.
      migrate: (persisted, version) => {
        const state = (persisted ?? {}) as Partial<DraftState>
        if (version < 2 && state.draft) return { ...state, draft: { ...state.draft, ownerId: null }, others: {} }
        return state
      },
    },
  ),
)

/** Whoever signs in on this device gets their own draft, now and at every change of account. */
function followAccount(userId: string | null | undefined): void {
  if (userId) useComplaintDraft.getState().forAccount(userId)
}
followAccount(signedInId())
useSession.subscribe((state, previous) => {
  if (state.user?.id !== previous.user?.id) followAccount(state.user?.id)
})
