import Taro from '@tarojs/taro'
import type { TransportResponse } from '../api/client'
import { platform, type Platform } from './env'

/**
 * Photos for a form: picked (compressed where the platform can), previewed, and sent as the raw
 * request body — the complaint server takes the image itself, not multipart, so `Taro.uploadFile`
 * (multipart only on WeChat and Alipay) is not used. Per platform:
 * - H5: the File is kept in memory and sent by XMLHttpRequest, whose upload events give real progress;
 *   large images are re-encoded as JPEG on a canvas first.
 * - WeChat / Alipay: the temp file is read into an ArrayBuffer and sent by Taro.request, which has no
 *   upload progress, so progress moves in stages (read, sent, answered).
 */
export interface PickedPhoto {
  localId: string
  /** a temp file path (mini-programs) or blob: URL (H5), valid while the app runs */
  previewPath: string
  /** image/jpeg, image/png, image/webp; '' when the platform did not say and the name does not tell */
  mimeType: string
  sizeBytes: number
}

export interface BinaryRequest {
  url: string
  headers: Record<string, string>
  timeoutMs: number
}

/** Rejected with when no response arrived (the same shape as the API client's TransportFailure). */
export interface UploadFailure {
  kind: 'timeout' | 'network'
  message: string
}

interface MediaAdapter {
  choose: (max: number) => Promise<PickedPhoto[]>
  send: (
    photo: PickedPhoto,
    request: BinaryRequest,
    onProgress: (fraction: number) => void,
  ) => Promise<TransportResponse>
  loadProtected: (url: string, headers: Record<string, string>) => Promise<string>
}

/** Images above this are re-encoded on H5 (phones' cameras give 3–8 MB; 5 MB is the server's cap). */
const COMPRESS_ABOVE_BYTES = 1024 * 1024
const MAX_EDGE_PX = 1920

let counter = 0
const newLocalId = () => `photo-${Date.now().toString(36)}-${(counter++).toString(36)}`

function mimeFromPath(path: string): string {
  const ext = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(path)?.[1]?.toLowerCase()
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg'
  if (ext === 'png') return 'image/png'
  if (ext === 'webp') return 'image/webp'
  return ''
}

const cancelled = (error: unknown) => /cancel|abort/i.test(String((error as { errMsg?: string })?.errMsg ?? error))

function failure(raw: unknown): UploadFailure {
  const f = (raw ?? {}) as { errMsg?: string; errorMessage?: string; message?: string; error?: number }
  const message = f.errMsg ?? f.errorMessage ?? f.message ?? 'upload failed'
  return { kind: /time(d)?[\s_]?out/i.test(message) || f.error === 13 ? 'timeout' : 'network', message }
}

// ---- H5 ----

const h5Files = new Map<string, Blob>()

async function compressed(file: Blob): Promise<Blob> {
  if (file.size <= COMPRESS_ABOVE_BYTES || typeof createImageBitmap !== 'function') return file
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, MAX_EDGE_PX / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8))
    return blob && blob.size < file.size ? blob : file
  } catch {
    return file
  }
}

/**
 * The browser's file picker, files in the order the user picked them. Taro.chooseMedia on H5 lists
 * them in the order their thumbnails finished loading, which often reverses two photos.
 * The 'cancel' event (Chrome 113+, Safari 16.4+) ends a cancelled pick; older browsers just never
 * answer, which leaves the form as it was.
 */
function pickImageFiles(max: number): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    input.multiple = max > 1
    input.setAttribute('style', 'position: fixed; top: -4000px; left: -3000px;')
    const done = (files: File[]) => {
      input.remove()
      resolve(files)
    }
    input.addEventListener('change', () => done(Array.from(input.files ?? []).slice(0, max)))
    input.addEventListener('cancel', () => done([]))
    document.body.appendChild(input)
    input.click()
  })
}

const h5: MediaAdapter = {
  choose: async (max) => {
    const photos: PickedPhoto[] = []
    for (const original of await pickImageFiles(max)) {
      const blob = await compressed(original)
      const localId = newLocalId()
      h5Files.set(localId, blob)
      photos.push({ localId, previewPath: URL.createObjectURL(blob), mimeType: blob.type, sizeBytes: blob.size })
    }
    return photos
  },
  send: (photo, request, onProgress) =>
    new Promise((resolve, reject) => {
      const blob = h5Files.get(photo.localId)
      if (!blob) return reject({ kind: 'network', message: '照片已失效，请重新选择' } satisfies UploadFailure)
      const xhr = new XMLHttpRequest()
      xhr.open('POST', request.url)
      xhr.timeout = request.timeoutMs
      for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value)
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(Math.min(0.99, event.loaded / event.total))
      }
      xhr.onload = () => {
        onProgress(1)
        resolve({ status: xhr.status, headers: {}, body: xhr.responseText })
      }
      xhr.onerror = () => reject({ kind: 'network', message: 'upload failed' } satisfies UploadFailure)
      xhr.ontimeout = () => reject({ kind: 'timeout', message: 'upload timed out' } satisfies UploadFailure)
      xhr.send(blob)
    }),
  loadProtected: async (url, headers) => {
    const response = await fetch(url, { headers })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    return URL.createObjectURL(await response.blob())
  },
}

// ---- WeChat / Alipay ----

function readFile(filePath: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: reject,
    })
  })
}

async function sendFromFile(
  photo: PickedPhoto,
  request: BinaryRequest,
  onProgress: (fraction: number) => void,
): Promise<TransportResponse> {
  let data: ArrayBuffer
  try {
    data = await readFile(photo.previewPath)
  } catch (error) {
    throw { kind: 'network', message: `照片读取失败：${failure(error).message}` } satisfies UploadFailure
  }
  onProgress(0.3)
  try {
    const response = await Taro.request({
      url: request.url,
      method: 'POST',
      header: request.headers,
      data,
      timeout: request.timeoutMs,
      dataType: 'text',
      responseType: 'text',
    })
    onProgress(1)
    return { status: response.statusCode, headers: response.header ?? {}, body: response.data }
  } catch (error) {
    // Alipay fails the call for a non-2xx status (error 19) although the server answered.
    const answered = error as { error?: number; status?: number; data?: unknown }
    if (answered?.error === 19 && typeof answered.status === 'number') {
      return { status: answered.status, headers: {}, body: answered.data }
    }
    throw failure(error)
  }
}

// wx.downloadFile resolves for any HTTP status, which it reports as statusCode.
async function loadWithDownload(url: string, headers: Record<string, string>): Promise<string> {
  const result = await Taro.downloadFile({ url, header: headers })
  if (result.statusCode < 200 || result.statusCode >= 300) throw new Error(`HTTP ${result.statusCode}`)
  return result.tempFilePath
}

/** The image formats the server stores, by their first bytes (JPEG, PNG, WebP). */
function looksLikeImage(bytes: Uint8Array): boolean {
  const at = (offset: number, ...expected: number[]) => expected.every((b, i) => bytes[offset + i] === b)
  return (
    at(0, 0xff, 0xd8, 0xff) ||
    at(0, 0x89, 0x50, 0x4e, 0x47) ||
    (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50))
  )
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name)
  return key === undefined ? undefined : String(headers?.[key])
}

/**
 * my.downloadFile succeeds for any answer and reports no status code, so a 401/404 JSON error body
 * would be shown as the "image". The response's content type decides; without one, the file's first
 * bytes must be an image's. https://opendocs.alipay.com/mini/api/xr054r
 */
async function loadWithAlipayDownload(url: string, headers: Record<string, string>): Promise<string> {
  const result = await new Promise<{
    apFilePath: string
    tempFilePath?: string
    headers?: Record<string, string>
    header?: Record<string, string>
  }>((resolve, reject) => my.downloadFile({ url, header: headers, success: resolve, fail: reject }))
  const path = result.tempFilePath || result.apFilePath
  const contentType = headerValue(result.headers ?? result.header, 'content-type')
  if (contentType !== undefined) {
    if (/^image\//i.test(contentType.trim())) return path
    throw new Error(`not an image: ${contentType}`)
  }
  if (looksLikeImage(new Uint8Array(await readFile(path)))) return path
  throw new Error('not an image')
}

const weapp: MediaAdapter = {
  choose: async (max) => {
    try {
      const result = await Taro.chooseMedia({
        count: max,
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      })
      return result.tempFiles.map((file) => ({
        localId: newLocalId(),
        previewPath: file.tempFilePath,
        mimeType: mimeFromPath(file.tempFilePath),
        sizeBytes: file.size,
      }))
    } catch (error) {
      if (cancelled(error)) return []
      throw error
    }
  },
  send: sendFromFile,
  loadProtected: loadWithDownload,
}

// my.chooseMedia needs a recent base library; my.chooseImage (with sizeType) works on all of them.
const alipay: MediaAdapter = {
  choose: async (max) => {
    try {
      const result = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      const files = result.tempFiles?.length
        ? result.tempFiles
        : result.tempFilePaths.map((path) => ({ path, size: NaN }))
      return files.map((file) => ({
        localId: newLocalId(),
        previewPath: file.path,
        mimeType: mimeFromPath(file.path),
        sizeBytes: file.size,
      }))
    } catch (error) {
      if (cancelled(error)) return []
      throw error
    }
  },
  send: sendFromFile,
  loadProtected: loadWithAlipayDownload,
}

const ADAPTERS: Record<Platform, MediaAdapter> = { h5, weapp, alipay }

/** Lets the user pick up to `max` photos (album or camera); [] when they cancel. */
export function choosePhotos(max: number): Promise<PickedPhoto[]> {
  return ADAPTERS[platform].choose(max)
}

/**
 * POSTs the photo's bytes as the request body. Resolves for any HTTP status; rejects with an
 * UploadFailure when no response arrived. `onProgress` gets fractions in [0, 1].
 */
export function sendPhoto(
  photo: PickedPhoto,
  request: BinaryRequest,
  onProgress: (fraction: number) => void,
): Promise<TransportResponse> {
  return ADAPTERS[platform].send(photo, request, onProgress)
}

/** Frees what the app holds for a photo the user removed (H5 keeps the File in memory). */
export function forgetPhoto(localId: string): void {
  h5Files.delete(localId)
}

/**
 * Shows photos full screen, starting at `current`, swipe for the others (Taro implements
 * previewImage on H5 as well). Paths are what an <Image> shows: temp paths or blob: URLs.
 */
export function previewPhotos(paths: string[], current: string): void {
  Taro.previewImage({ urls: paths, current }).catch(() => undefined)
}

/** A local path or blob: URL for an image the server serves only with the user's token. */
export function loadProtectedImage(url: string, headers: Record<string, string>): Promise<string> {
  return ADAPTERS[platform].loadProtected(url, headers)
}
