import Taro from '@tarojs/taro'
import { platform } from './env'

/**
 * How a calendar file (.ics) can reach the user here, if at all (issue #11 item 7):
 * - 'download': H5 in an ordinary browser, which saves it and opens it with the calendar;
 * - 'share-to-chat': WeChat's wx.shareFileMessage (基础库 2.16.1, checked with canIUse), from the
 *   chat the file opens in the phone's calendar;
 * - null: nowhere a user could open a file. Alipay keeps a written file in a sandbox folder the
 *   user cannot reach, and WeChat's and Alipay's in-app browsers ignore downloads without a word,
 *   so there the subscription link is the only way offered.
 */
export type CalendarFileWay = 'download' | 'share-to-chat' | null

const IN_APP_BROWSER = /MicroMessenger|AlipayClient|DingTalk/i

function wechatCanShareFiles(): boolean {
  try {
    return Taro.canIUse('shareFileMessage')
  } catch {
    return false
  }
}

export function calendarFileWay(): CalendarFileWay {
  if (platform === 'weapp') return wechatCanShareFiles() ? 'share-to-chat' : null
  if (platform === 'h5') {
    const agent = typeof navigator === 'undefined' ? '' : navigator.userAgent
    return IN_APP_BROWSER.test(agent) ? null : 'download'
  }
  return null
}

/**
 * H5: lets the browser fetch and save the file at `url` (a plain link, no blob). Whether the user
 * kept it is the browser's business: nothing here can know, so nothing claims it.
 */
export function downloadFromUrl(url: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}

/**
 * WeChat: fetches the file into a temporary path ahead of the tap, because wx.shareFileMessage
 * must be called from the tap itself (a download in between would end the gesture). The host
 * must be among the mini-program's downloadFile合法域名.
 */
export async function fetchFileForSharing(url: string): Promise<string> {
  const result = await Taro.downloadFile({ url })
  if (result.statusCode !== 200) throw new Error(`download answered ${result.statusCode}`)
  return result.tempFilePath
}

/** WeChat: resolves only when the file was sent to a chat; a cancelled or failed share rejects. */
export async function shareFileToChat(filePath: string, fileName: string): Promise<void> {
  await Taro.shareFileMessage({ filePath, fileName })
}

/** A share the user cancelled is not an error to report (WeChat answers errMsg "…:fail cancel"). */
export function isCancelled(error: unknown): boolean {
  const message = (error as { errMsg?: unknown } | null)?.errMsg
  return typeof message === 'string' && /cancel/i.test(message)
}
