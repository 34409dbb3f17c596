/**
 * A message sent through a platform's message API (WeChat subscribe/send, Alipay template
 * messages), whatever its purpose (./notices.ts). Neither platform takes an idempotency key, so a
 * sender only reports what happened; the delivery rows (./notice-delivery.ts) decide what is
 * (re)sent.
 */

export interface OutgoingMessage {
  /** WeChat openid, or Alipay user_id / open_id */
  toUser: string
  templateId: string
  /** the mini-program page a tap opens */
  page: string
  /** template field → value, in the order of the template's keywords */
  fields: { name: string; value: string }[]
}

export type SendOutcome =
  /** accepted by the platform */
  | { status: 'sent' }
  /** the user refused or has no subscription left: never retried, the subscription is used up */
  | { status: 'refused'; reason: string }
  /** the platform refused this message (bad data, template, recipient): retrying cannot help */
  | { status: 'rejected'; reason: string }
  /** the platform or the network failed, even after the retries: a later run may try again */
  | { status: 'failed'; reason: string }

export interface MessageSender {
  send(message: OutgoingMessage): Promise<SendOutcome>
}

export interface RetryPolicy {
  /** tries in all, the first included */
  attempts: number
  /** delay before the 2nd try; doubled for each further one */
  baseDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 500 }

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Repeats `attempt` while it reports a transient failure, with exponential backoff and jitter. */
export async function withRetry(policy: RetryPolicy, attempt: () => Promise<SendOutcome>): Promise<SendOutcome> {
  let outcome: SendOutcome = { status: 'failed', reason: 'not attempted' }
  for (let i = 0; i < Math.max(1, policy.attempts); i++) {
    if (i > 0) await sleep(policy.baseDelayMs * 2 ** (i - 1) * (1 + Math.random() / 4))
    outcome = await attempt()
    if (outcome.status !== 'failed') return outcome
  }
  return outcome
}

export interface HttpAnswer {
  status: number
  text: string
}

/** fetch with a deadline; a network error or timeout is a transient failure (null + reason). */
export async function fetchText(
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<{ answer: HttpAnswer } | { error: string }> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    return { answer: { status: response.status, text: await response.text() } }
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network error'
    return { error: `${reason}: ${String(error)}` }
  }
}
