import { useSession } from '../../core/session'
import { sendQueued, type SendOutcome } from './autoSend'
import { submitRequest } from './complaintRequest'
import { useComplaintDraft } from './draftStore'

export const OTHER_ACCOUNT_WAITING = '本机还有另一账号的诉求等待提交，该账号登录并提交后才能提交新的诉求'

/**
 * Freezes the draft into the queue (persisted before anything is sent, so an app kill mid-request
 * loses nothing), then sends it. The draft's key goes with it: every retry is the same submission.
 */
export function submitDraft(): Promise<SendOutcome> {
  const { draft, queued } = useComplaintDraft.getState()
  const userId = useSession.getState().user?.id ?? null
  // One submission waits at a time; another account's stays for that account.
  if (queued && queued.ownerId && queued.ownerId !== userId) {
    useComplaintDraft.getState().set({ error: OTHER_ACCOUNT_WAITING })
    return Promise.resolve('refused')
  }
  if (!queued) {
    useComplaintDraft.getState().set({
      error: null,
      queued: {
        idempotencyKey: draft.idempotencyKey,
        request: submitRequest(draft),
        queuedAt: new Date().toISOString(),
        ownerId: userId,
        reason: '正在提交…',
      },
    })
  }
  return sendQueued()
}

/** Back to editing a submission that has not gone through; its key stays for the next try. */
export function editQueued(): void {
  useComplaintDraft.getState().set({ queued: null })
}
