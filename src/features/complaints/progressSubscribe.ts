import { useCallback, useEffect, useRef } from 'react'
import { getSubscriptions } from '../../api/reminders/getSubscriptions'
import { recordSubscriptions } from '../../api/reminders/recordSubscriptions'
import { apiClient } from '../../core/apiClient'
import { requestSubscribe, subscribeCapabilityHere } from '../../platform/subscribe'

/**
 * 诉求进展 subscribe message (WeChat 订阅消息 / Alipay 模板消息) for a real-name submitter.
 *
 * The template id is fetched when the form opens, because the platform prompt must be requested
 * straight from the tap on 提交 (WeChat refuses it after an awaited network call). Returns `ask`,
 * to be called inside that tap: it shows the prompt and records the answer in the background.
 * Nothing here ever blocks or fails the submission: a refusal, a failed prompt or an unreachable
 * server are all silent. H5 has no subscribe messages, so there it does nothing at all.
 */
export function useProgressSubscription(): () => void {
  const templateId = useRef<string | null>(null)

  useEffect(() => {
    const capability = subscribeCapabilityHere()
    if (!capability) return
    let live = true
    getSubscriptions(apiClient, capability.platform, 'complaint')
      .then((state) => {
        if (live) templateId.current = state.templates[0]?.id ?? null
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])

  return useCallback(() => {
    const id = templateId.current
    const capability = subscribeCapabilityHere()
    if (!capability || id === null) return
    const on = capability.platform
    try {
      requestSubscribe([id])
        .then((results) => recordSubscriptions(apiClient, { platform: on, results }))
        .catch(() => undefined)
    } catch {
      // The prompt could not be shown; the complaint goes anyway.
    }
  }, [])
}
