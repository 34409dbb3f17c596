import { randomBytes } from 'node:crypto'
import type { FastifyReply } from 'fastify'
import type { Db } from '../../../kernel/db/db'
import { ApiError } from '../../../kernel/http/api-error'
import type { AttachmentStorage } from '../../../kernel/storage/attachment-storage'
import { sniffImageType } from '../../../kernel/storage/sniff'
import type { SignTaskDocument } from '../../../../src/contract/esign/schemas'
/**
 * See what you sign: the document a system uploads with its task is kept, so the person who scanned
 * the task can open it before confirming. Its type comes from its bytes (never from what the system
 * says), it is served only to that person, and only as that type (nosniff, a sandboxing policy).
 */

/** The largest document kept: 10 MB, what the create route's body limit allows in base64. */
export const SIGN_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024

export interface StoredDocument {
  key: string
  type: string
  size: number
}

/** PDF, the images the app can show, or bytes only to be downloaded. */
export function documentTypeOf(bytes: Buffer): string {
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf'
  return sniffImageType(bytes) ?? 'application/octet-stream'
}

export function documentKindOf(type: string): SignTaskDocument['kind'] {
  if (type === 'application/pdf') return 'pdf'
  return type.startsWith('image/') ? 'image' : 'other'
}

export async function storeSignDocument(storage: AttachmentStorage, bytes: Buffer): Promise<StoredDocument> {
  const key = randomBytes(16).toString('hex')
  await storage.put(key, bytes)
  return { key, type: documentTypeOf(bytes), size: bytes.length }
}

export const SIGN_DOCUMENT_GONE = '签署文件不存在或已无权查看'

/** The API path the app fetches the document from (with the user's session). */
export function signDocumentPath(taskId: string): string {
  return `/sign-tasks/${taskId}/document`
}

/**
 * A PDF may be framed by the app's own page (H5 shows it in place on 扫码签章) and by nothing
 * else; it is not sandboxed, because a sandboxed document gets no plugins and browsers then refuse
 * to show a PDF at all. It still loads nothing (default-src 'none'); the browser's own viewer
 * draws it. Anything else stays sandboxed and unframeable.
 */
function documentPolicy(type: string): string {
  return type === 'application/pdf'
    ? "default-src 'none'; frame-ancestors 'self'"
    : "default-src 'none'; sandbox; frame-ancestors 'none'"
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
}

/**
 * The document of a task `userId` scanned and may still sign (or has signed); anyone else — another
 * user, a task never scanned, one rejected or expired — gets the same 404, so a task id says nothing.
 */
export async function sendSignDocument(
  db: Db,
  storage: AttachmentStorage,
  userId: string,
  taskId: string,
  reply: FastifyReply,
  /** The app clock's ms: an open task past its deadline no longer shows its document. */
  now: number,
  /** 双人审批: the caller has checked that `userId` may confirm the waiting task as its second approver. */
  asSecondApprover = false,
) {
  const { rows } = await db.query<{ document_key: string; document_type: string }>(
    `select document_key, document_type from sign_tasks
     where id = $1 and document_key is not null
       and ((scanned_by = $2 and (status = 'signed' or (status in ('scanned', 'awaiting_second') and expires_at > $4)))
         or ($3 and status = 'awaiting_second' and first_approved_by <> $2 and expires_at > $4))`,
    [taskId, userId, asSecondApprover, new Date(now)],
  )
  const bytes = rows[0] ? await storage.get(rows[0].document_key) : null
  if (!rows[0] || !bytes) throw new ApiError('NOT_FOUND', { message: SIGN_DOCUMENT_GONE })
  const type = rows[0].document_type
  const extension = EXTENSIONS[type] ?? 'bin'
  // Shown in place only when the app can show it; anything else is a download, never rendered.
  const disposition = extension === 'bin' ? 'attachment' : 'inline'
  return reply
    .header('content-type', type)
    .header('content-disposition', `${disposition}; filename="document-${taskId}.${extension}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', documentPolicy(type))
    .header('x-frame-options', type === 'application/pdf' ? 'SAMEORIGIN' : 'DENY')
    .header('cache-control', 'private, no-store')
    .send(bytes)
}
