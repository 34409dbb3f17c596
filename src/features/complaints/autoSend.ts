import type { ComplaintView } from '../../contract/complaints/schemas'
import { submitComplaint } from '../../api/complaints/submitComplaint'
import { isApiError, userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { useSession } from '../../core/session'
import { isOnline, onRetryMoment } from '../../platform/network'
import { useComplaintDraft } from './draftStore'

/*
 * The queued complaint's sending, app-wide. Imported by src/app.tsx, so it stays in the main
 * package: it sends the request already built and frozen in the queue (with its key and owner) and
 * imports nothing of the form — validation and request building stay in the complaints subpackage
 * (submitQueue.ts).
 */

export type SendOutcome = 'sent' | 'queued' | 'refused' | 'idle'

export const OFFLINE_MESSAGE = '网络不可用，已保存，联网后自动提交'
export const SIGNED_OUT_MESSAGE = '已保存，登录后自动提交'
export const OTHER_ACCOUNT_MESSAGE = '已保存，用提交时的账号登录后自动提交'

let inFlight: Promise<SendOutcome> | null = null

/** No answer, or the server is briefly down: the submission waits and is sent again as it is. */
function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return false
  if (error.name === 'NetworkError' || error.name === 'TimeoutError') return true
  return error.status >= 500 || error.status === 429
}

function finished(view: ComplaintView, ownerId: string | null): void {
  useComplaintDraft.getState().finish({
    ownerId,
    id: view.id,
    title: view.title,
    statusLabel: view.statusLabel,
    anonymous: view.anonymous,
    queryCode: view.queryCode ?? null,
  })
}

async function sendOnce(): Promise<SendOutcome> {
  const store = useComplaintDraft.getState()
  const queued = store.queued
  if (!queued) return 'idle'
  // Sent from anywhere in the app (ensureAutoSend), possibly before anyone has signed in: wait.
  if (!useSession.getState().token) {
    store.set({ queued: { ...queued, reason: SIGNED_OUT_MESSAGE } })
    return 'queued'
  }
  const owner = queued.ownerId ?? null
  if (owner && useSession.getState().user?.id !== owner) {
    store.set({ queued: { ...queued, reason: OTHER_ACCOUNT_MESSAGE } })
    return 'queued'
  }
  if (!(await isOnline())) {
    store.set({ queued: { ...queued, reason: OFFLINE_MESSAGE } })
    return 'queued'
  }
  store.set({ sending: true })
  try {
    finished(await submitComplaint(apiClient, queued.request, queued.idempotencyKey), owner)
    return 'sent'
  } catch (error) {
    const signedOut =
      isApiError(error) && (error.name === 'BusinessError' || error.name === 'HttpError') && error.status === 401
    if (isTransient(error) || signedOut) {
      const reason = signedOut
        ? SIGNED_OUT_MESSAGE
        : isApiError(error) && error.name !== 'BusinessError' && error.name !== 'HttpError'
          ? OFFLINE_MESSAGE
          : `${userMessage(error)}。已保存，稍后自动提交`
      useComplaintDraft.getState().set({ sending: false, queued: { ...queued, reason } })
      return 'queued'
    }
    // Refused as it stands (validation, photos already used): back to the form to fix it.
    const conflict = isApiError(error) && error.name === 'BusinessError' && error.code === 'IDEMPOTENCY_CONFLICT'
    useComplaintDraft.getState().set({
      sending: false,
      queued: null,
      error: conflict
        ? '这份诉求可能已经提交过，请先到「我的诉求」查看；如需再次提交请重新点击提交'
        : userMessage(error),
    })
    if (conflict) useComplaintDraft.getState().renewKey()
    return 'refused'
  }
}

/**
 * Sends the queued submission, if any. Calls while a send is under way share it; one that started
 * before the submission was queued (it found nothing to send) is followed by a fresh one.
 */
export function sendQueued(): Promise<SendOutcome> {
  if (inFlight) {
    return inFlight.then((outcome) =>
      outcome === 'idle' && useComplaintDraft.getState().queued ? sendQueued() : outcome,
    )
  }
  const run = sendOnce().finally(() => {
    inFlight = null
  })
  inFlight = run
  return run
}

let subscribed = false

/**
 * From app launch (src/app.tsx) for the rest of the app session, sends the queue whenever the
 * network returns, the app comes back to the foreground or someone signs in; and tries once now.
 * Safe to call again (the complaint screens do): it subscribes once.
 */
export function ensureAutoSend(): void {
  if (!subscribed) {
    subscribed = true
    onRetryMoment(() => void sendQueued())
    useSession.subscribe((state, previous) => {
      if (state.token && state.token !== previous.token) void sendQueued()
    })
  }
  void sendQueued()
}
