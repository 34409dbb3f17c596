import Taro from '@tarojs/taro'
import { platform, type Platform } from './env'

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

/** How a generated text file reached the user, so the screen can say where it went. */
export type SavedFile = { via: 'download' } | { via: 'shared' }

/** Mini-programs may only write under USER_DATA_PATH (wx.env / my.env). */
function writeUserFile(fileName: string, text: string): string {
  const path = `${(Taro as unknown as { env: { USER_DATA_PATH: string } }).env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(path, text, 'utf8')
  return path
}

/**
 * Hands a generated text file (a signature record) to the user where a file can reach them — the
 * same places as calendarFileWay(): a browser download on H5, a chat on WeChat. Elsewhere (Alipay's
 * sandbox folder, in-app browsers) it rejects with FileUnavailableError instead of claiming success;
 * screens should not offer it there (check calendarFileWay() !== null).
 */
export async function saveTextFile(fileName: string, text: string, mimeType: string): Promise<SavedFile> {
  const way = calendarFileWay()
  if (way === 'download') {
    const url = URL.createObjectURL(new Blob([text], { type: mimeType }))
    downloadFromUrl(url, fileName)
    setTimeout(() => URL.revokeObjectURL(url), 10000)
    return { via: 'download' }
  }
  if (way === 'share-to-chat') {
    // Written synchronously so wx.shareFileMessage still runs inside the tap.
    await shareFileToChat(writeUserFile(fileName, text), fileName)
    return { via: 'shared' }
  }
  throw new FileUnavailableError('此处无法保存文件，请复制验章链接发送')
}

// ---- Documents: fetch one to look at it, open it in the platform's viewer, choose one to check ----

/** A file the user chose, read whole (验章 hashes it on the phone). */
export interface ChosenFile {
  name: string
  bytes: Uint8Array
}

/** Thrown when the platform cannot do what was asked (the message says what to do instead). */
export class FileUnavailableError extends Error {
  readonly name = 'FileUnavailableError'
}

function readLocalFile(filePath: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      success: (res) => resolve(new Uint8Array(res.data as ArrayBuffer)),
      fail: reject,
    })
  })
}

function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name)
  return key === undefined ? undefined : String(headers?.[key])
}

interface DocumentAdapter {
  /** The page itself can show a PDF in place (a same-origin frame); else download + openPdf. */
  pdfInPage: boolean
  /** A local path (mini-programs) or object URL (H5) of the protected file at `url`. */
  download(url: string, headers: Record<string, string>): Promise<string>
  /** Shows a downloaded PDF in the platform's viewer. */
  openPdf(path: string): Promise<void>
  /** The file the user picks, or null when they backed out. */
  choose(): Promise<ChosenFile | null>
}

const cancelled = (error: unknown) => /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))

const DOCUMENTS: Record<Platform, DocumentAdapter> = {
  h5: {
    pdfInPage: true,
    download: async (url, headers) => {
      const response = await fetch(url, { headers })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      return URL.createObjectURL(await response.blob())
    },
    // The browser's own PDF viewer, in a new tab: the page's policy lets no frame or plugin in.
    openPdf: async (path) => {
      const opened = window.open(path, '_blank')
      if (!opened) throw new FileUnavailableError('浏览器拦截了新窗口，请允许弹出窗口后重试')
    },
    choose: () =>
      new Promise((resolve, reject) => {
        const input = document.createElement('input')
        input.type = 'file'
        input.style.display = 'none'
        input.addEventListener('change', () => {
          const file = input.files?.[0]
          input.remove()
          if (!file) return resolve(null)
          const reader = new FileReader()
          reader.onload = () => resolve({ name: file.name, bytes: new Uint8Array(reader.result as ArrayBuffer) })
          reader.onerror = () => reject(new Error('文件读取失败，请重试'))
          reader.readAsArrayBuffer(file)
        })
        input.addEventListener('cancel', () => {
          input.remove()
          resolve(null)
        })
        document.body.appendChild(input)
        input.click()
      }),
  },
  // wx.downloadFile resolves for any HTTP status, reported as statusCode; wx.openDocument opens PDF
  // (and Office formats) in WeChat's viewer; wx.chooseMessageFile picks a file from a chat (2.5.0).
  weapp: {
    pdfInPage: false,
    download: async (url, headers) => {
      const result = await Taro.downloadFile({ url, header: headers })
      if (result.statusCode < 200 || result.statusCode >= 300) throw new Error(`HTTP ${result.statusCode}`)
      return result.tempFilePath
    },
    openPdf: async (path) => {
      await Taro.openDocument({ filePath: path, fileType: 'pdf', showMenu: false })
    },
    choose: async () => {
      try {
        const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file' })
        const file = tempFiles[0]
        return file ? { name: file.name, bytes: await readLocalFile(file.path) } : null
      } catch (error) {
        if (cancelled(error)) return null
        throw error
      }
    },
  },
  // my.downloadFile reports no status code and names the file apFilePath (tempFilePath on newer
  // clients): an error answer is JSON, told apart by its content type. my.openDocument previews
  // PDF only (https://opendocs.alipay.com/mini/api/mwpprc). Alipay has no API to pick an arbitrary
  // file from the phone or a chat.
  alipay: {
    pdfInPage: false,
    download: async (url, headers) => {
      const result = await new Promise<{
        apFilePath: string
        tempFilePath?: string
        headers?: Record<string, string>
        header?: Record<string, string>
      }>((resolve, reject) => my.downloadFile({ url, header: headers, success: resolve, fail: reject }))
      const contentType = headerOf(result.headers ?? result.header, 'content-type')
      if (contentType !== undefined && /json/i.test(contentType)) throw new Error('download refused')
      return result.tempFilePath || result.apFilePath
    },
    openPdf: (path) =>
      new Promise((resolve, reject) =>
        my.openDocument({ filePath: path, fileType: 'pdf', success: () => resolve(), fail: reject }),
      ),
    choose: async () => {
      throw new FileUnavailableError('支付宝小程序暂不支持选择文件，请打开签署后得到的验章链接，或在浏览器中验章')
    },
  },
}

/** Downloads a file the server gives only with the session (`headers`); the path to show or open. */
export function downloadProtectedFile(url: string, headers: Record<string, string>): Promise<string> {
  return DOCUMENTS[platform].download(url, headers)
}

/** Opens a downloaded PDF in the platform's document viewer (a new tab on H5). */
export function openPdfDocument(path: string): Promise<void> {
  return DOCUMENTS[platform].openPdf(path)
}

/** Lets the user choose one file and reads it; null when they back out. */
export function chooseFile(): Promise<ChosenFile | null> {
  return DOCUMENTS[platform].choose()
}

// ---- A public file of ours (the GB/T 38540 signature file), by URL ----

/**
 * How a file the server publishes (no session) can reach the user: as calendarFileWay, plus
 * 'save-to-disk' on Alipay, whose my.saveFileToDisk (https://opendocs.alipay.com/mini/05vtu2)
 * moves a downloaded file into the phone's storage where a file manager sees it — newer clients
 * only, hence canIUse.
 */
export type PublicFileWay = CalendarFileWay | 'save-to-disk'

function alipayCanSaveToDisk(): boolean {
  try {
    return typeof my !== 'undefined' && my.canIUse('saveFileToDisk')
  } catch {
    return false
  }
}

export function publicFileWay(): PublicFileWay {
  const way = calendarFileWay()
  if (way === null && platform === 'alipay' && alipayCanSaveToDisk()) return 'save-to-disk'
  return way
}

/** Alipay: downloads `url` and saves it to the phone's storage; rejects when either step fails. */
export async function saveFileToDisk(url: string): Promise<void> {
  const path = await DOCUMENTS.alipay.download(url, {})
  await new Promise<void>((resolve, reject) =>
    my.saveFileToDisk({ apFilePath: path, filePath: path, toDisk: true, success: () => resolve(), fail: reject }),
  )
}

/**
 * H5 shows a PDF inside the page, in a frame of the document's same-origin view link (the page's
 * CSP allows frames from its own origin only); mini-programs have no frames for documents and open
 * WeChat's or Alipay's viewer (downloadFile + openDocument).
 */
export const pdfInPage: boolean = DOCUMENTS[platform].pdfInPage
