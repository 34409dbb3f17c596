import type { Config } from '../config'
import { SUBSCRIBE_PURPOSES as PURPOSES } from '../../../src/contract/account/schemas'
import type { SubscribeTemplate } from '../../../src/contract/account/schemas'
import type { SubscribePurpose } from '../../../src/contract/policies/schemas'

export type SubscribePlatform = 'weapp' | 'alipay'
/** Delivery channels of the platform messages, and the subscription platform each one uses. */
export type MessageChannel = 'wechat' | 'alipay'
export const PLATFORM_OF: Record<MessageChannel, SubscribePlatform> = { wechat: 'weapp', alipay: 'alipay' }

/** The purposes, from the wire contract's one list. */
export const SUBSCRIBE_PURPOSES: readonly SubscribePurpose[] = PURPOSES

const TITLES: Record<SubscribePurpose, string> = {
  licence: '证照续期提醒',
  policy: '新政策提醒',
  complaint: '诉求办理进展通知',
  seal: '用章情况通知',
  compliance: '合规事项提醒',
}

function idsOf(config: Config, purpose: SubscribePurpose): { weapp: string; alipay: string } {
  if (purpose === 'policy') return config.policySubscribeTemplates
  if (purpose === 'complaint') return config.complaintSubscribeTemplates
  if (purpose === 'seal') return config.sealSubscribeTemplates
  if (purpose === 'compliance') return config.complianceSubscribeTemplates
  return config.subscribeTemplates
}

/** The one-time subscribe template the app asks for before a feature can message the user. */
export function subscribeTemplateOf(
  config: Config,
  platform: SubscribePlatform,
  purpose: SubscribePurpose,
): SubscribeTemplate {
  return { id: idsOf(config, purpose)[platform], title: TITLES[purpose] }
}

/**
 * The template a purpose's messages go out under, per channel: null where the platform has no sender
 * configured (nothing is written for it). One function for every purpose (新政策, 诉求进展, 用章).
 */
export function channelTemplates(
  config: Config,
  senders: Partial<Record<MessageChannel, unknown>>,
  purpose: SubscribePurpose,
): Partial<Record<MessageChannel, string | null>> {
  return {
    wechat: senders.wechat ? subscribeTemplateOf(config, PLATFORM_OF.wechat, purpose).id : null,
    alipay: senders.alipay ? subscribeTemplateOf(config, PLATFORM_OF.alipay, purpose).id : null,
  }
}

/** Every template the server knows on a platform (what POST /me/subscriptions accepts). */
export function allSubscribeTemplateIds(config: Config, platform: SubscribePlatform): Set<string> {
  return new Set(SUBSCRIBE_PURPOSES.map((purpose) => idsOf(config, purpose)[platform]))
}

/** The purpose a known template id serves on a platform (licence when unknown). */
export function purposeOfTemplate(config: Config, platform: SubscribePlatform, templateId: string): SubscribePurpose {
  return SUBSCRIBE_PURPOSES.find((purpose) => idsOf(config, purpose)[platform] === templateId) ?? 'licence'
}
