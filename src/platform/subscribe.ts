import Taro from '@tarojs/taro'
import { platform, type Platform } from './env'

/**
 * Per template: 'accept' — one message may be sent; 'reject' — the user declined this time;
 * 'ban' — asking again will not help (WeChat: banned/filtered template or the user turned
 * notifications off; Alipay: "拒绝，不再询问"; H5: no such channel).
 */
export type SubscribeDecision = 'accept' | 'reject' | 'ban'

export type SubscribeResult = Record<string, SubscribeDecision>

/**
 * What this build can ask for besides the inbox: its platform's one-time subscribe messages and the
 * reminder channel they feed. H5 has none, so screens offer no WeChat / Alipay switch there.
 */
export interface SubscribeCapability {
  platform: Exclude<Platform, 'h5'>
  channel: 'wechat' | 'alipay'
}

const CAPABILITIES: Record<Platform, SubscribeCapability | null> = {
  weapp: { platform: 'weapp', channel: 'wechat' },
  alipay: { platform: 'alipay', channel: 'alipay' },
  h5: null,
}

/** null where the platform has no subscribe messages (H5). */
export function subscribeCapabilityHere(): SubscribeCapability | null {
  return CAPABILITIES[platform]
}

/** WeChat and Alipay both show at most 3 templates in one prompt. */
export const MAX_TEMPLATES_PER_REQUEST = 3

type Requester = (templateIds: string[]) => Promise<SubscribeResult>

const all = (ids: string[], decision: SubscribeDecision): SubscribeResult =>
  Object.fromEntries(ids.map((id) => [id, decision]))

const REQUESTERS: Record<Platform, Requester> = {
  // Must run inside a tap handler: otherwise "fail can only be invoked by user TAP gesture".
  weapp: async (ids) => {
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: ids })) as unknown as Record<
        string,
        string
      >
      return Object.fromEntries(
        ids.map((id) => [id, res[id] === 'accept' ? 'accept' : res[id] === 'reject' ? 'reject' : 'ban'] as const),
      )
    } catch (failure) {
      // 20004: the user switched off this mini-program's notifications entirely.
      if ((failure as { errCode?: number } | null)?.errCode === 20004) return all(ids, 'ban')
      throw failure
    }
  },
  // Alipay answers with lists instead of a per-template map.
  // https://opendocs.alipay.com/mini/api/requestSubscribeMessage
  alipay: (ids) =>
    new Promise((resolve, reject) => {
      my.requestSubscribeMessage({
        entityIds: ids,
        success: (res) => {
          const accepted = new Set(res.result?.subscribedEntityIds ?? [])
          resolve(
            Object.fromEntries(ids.map((id) => [id, accepted.has(id) ? 'accept' : res.refuse ? 'ban' : 'reject'])),
          )
        },
        fail: reject,
      })
    }),
  h5: async (ids) => all(ids, 'ban'),
}

/** Asks the user to allow up to 3 one-time notifications; call from a tap handler. */
export function requestSubscribe(templateIds: string[]): Promise<SubscribeResult> {
  if (templateIds.length === 0 || templateIds.length > MAX_TEMPLATES_PER_REQUEST) {
    return Promise.reject(new RangeError(`requestSubscribe takes 1–${MAX_TEMPLATES_PER_REQUEST} template ids`))
  }
  return REQUESTERS[platform](templateIds)
}
