import * as endpoints from '../../contract/complaints/endpoints'
import type { AttachmentUploadResponse } from '../../contract/complaints/schemas'
import type { TransportFailure, TransportResponse } from '../client'
import { BusinessError, HttpError, isApiErrorBody, NetworkError, TimeoutError } from '../errors'

/** What a binary sender gets: the URL and headers; the bytes are the sender's own (a file it holds). */
export interface BinaryRequest {
  url: string
  headers: Record<string, string>
  timeoutMs: number
}

/**
 * Sends one photo's bytes as the raw request body. Resolves for any status; rejects with a
 * TransportFailure-shaped error when no response arrived. src/platform/media supplies it.
 */
export type BinarySender = (request: BinaryRequest) => Promise<TransportResponse>

export interface PhotoUploadOptions {
  baseUrl: string
  token: string | null
  /** image/jpeg, image/png or image/webp; the server sniffs the bytes and refuses a mismatch */
  mimeType: string
  send: BinarySender
  timeoutMs?: number
}

/**
 * POST /api/v1/complaints/attachments — the server takes the image itself as the body (no
 * multipart), so this bypasses the JSON client and maps failures to the same error classes.
 */
export async function uploadComplaintPhoto(options: PhotoUploadOptions): Promise<AttachmentUploadResponse> {
  const timeoutMs = options.timeoutMs ?? 60000
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': options.mimeType }
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  let response: TransportResponse
  try {
    response = await options.send({
      url: `${options.baseUrl}${endpoints.uploadComplaintPhoto.path}`,
      headers,
      timeoutMs,
    })
  } catch (error) {
    const failure = error as Partial<TransportFailure> | null
    if (failure?.kind === 'timeout') throw new TimeoutError(timeoutMs)
    throw new NetworkError(typeof failure?.message === 'string' ? failure.message : 'upload failed', error)
  }
  const body = parseJson(response.body)
  if (response.status >= 200 && response.status < 300 && isUploadResponse(body)) return body
  if (isApiErrorBody(body)) throw new BusinessError(response.status, body)
  throw new HttpError(response.status, response.body)
}

function parseJson(body: unknown): unknown {
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

function isUploadResponse(body: unknown): body is AttachmentUploadResponse {
  return (
    typeof body === 'object' && body !== null && typeof (body as { attachmentId?: unknown }).attachmentId === 'string'
  )
}
