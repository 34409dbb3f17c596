import Taro, { useShareAppMessage } from '@tarojs/taro'
import { apiBaseUrl, platform } from './env'

export interface ShareCard {
  title: string
  /** A page path with its query, e.g. /packages/policies/pages/detail/index?id=x */
  path: string
}

/**
 * WeChat and Alipay share a page as a card in a chat through the page's onShareAppMessage (the
 * page config must set enableShareAppMessage on WeChat). H5 has no chat to share to, so screens
 * offer 复制链接 instead (shareToChatAvailable = false).
 */
export const shareToChatAvailable: boolean = platform !== 'h5'

/** Answers onShareAppMessage with the card `card()` describes at the moment the user shares. */
export function useShareCard(card: () => ShareCard): void {
  useShareAppMessage(() => card())
}

/** The H5 address of an app page: hash routes under the app's own origin. */
export function shareLinkOf(path: string): string {
  const here = typeof window !== 'undefined' ? window.location : null
  return here ? `${here.origin}${here.pathname}#${path}` : path
}

/** Copies the page's H5 address; rejects when the platform refuses the clipboard. */
export async function copyShareLink(path: string): Promise<void> {
  await Taro.setClipboardData({ data: shareLinkOf(path) })
}

/**
 * The web origin links to this service start with: the H5 page's own origin, or on mini-programs
 * the API origin (the reference server serves the H5 app and its landing paths there too).
 */
export function siteOrigin(): string {
  return platform === 'h5' ? window.location.origin : apiBaseUrl
}
