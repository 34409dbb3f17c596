import Taro from '@tarojs/taro'
import { platform, type Platform } from './env'

/** How a generated file reached the user, so the screen can say where it went. */
export type SavedFile = { via: 'download' } | { via: 'shared' } | { via: 'saved'; path: string }

type Saver = (fileName: string, text: string, mimeType: string) => Promise<SavedFile>

/** Mini-programs may only write under USER_DATA_PATH (wx.env / my.env). */
function writeUserFile(fileName: string, text: string): string {
  const path = `${(Taro as unknown as { env: { USER_DATA_PATH: string } }).env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(path, text, 'utf8')
  return path
}

const SAVERS: Record<Platform, Saver> = {
  h5: async (fileName, text, mimeType) => {
    const url = URL.createObjectURL(new Blob([text], { type: mimeType }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10000)
    return { via: 'download' }
  },
  // wx.shareFileMessage sends the file to a chat, from where it can be opened or saved; it must
  // run in the tap's call stack, so the write before it is synchronous.
  weapp: async (fileName, text) => {
    const filePath = writeUserFile(fileName, text)
    await Taro.shareFileMessage({ filePath, fileName })
    return { via: 'shared' }
  },
  // Alipay has no file sharing API: the file is kept in the mini-program's user folder.
  alipay: async (fileName, text) => ({ via: 'saved', path: writeUserFile(fileName, text) }),
}

/** Hands a generated text file (an .ics calendar, a CSV) to the user as the platform allows. */
export function saveTextFile(fileName: string, text: string, mimeType: string): Promise<SavedFile> {
  return SAVERS[platform](fileName, text, mimeType)
}
