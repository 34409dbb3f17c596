import type { FastifyReply } from 'fastify'
import { ApiError } from '../../kernel/http/api-error'
import type { AttachmentStorage } from '../../kernel/storage/attachment-storage'
import { findAttachment } from './complaint-repo'
import type { ServiceContext } from '../../kernel/service-context'

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

/**
 * A stored photo, served so that a browser can only ever show it as the image it was re-encoded
 * as: its type from the database (not sniffed), nosniff, and a policy that lets nothing in it run
 * or load should it be opened as a document. Photos stored before re-encoding existed get the
 * same headers. One the case does not have is a 404.
 */
export async function sendAttachment(
  ctx: Pick<ServiceContext, 'db'>,
  storage: AttachmentStorage,
  complaintId: string,
  attachmentId: string,
  reply: FastifyReply,
) {
  const attachment = await findAttachment(ctx.db, complaintId, attachmentId)
  const bytes = attachment ? await storage.get(attachment.storage_key) : null
  if (!attachment || !bytes) throw new ApiError('NOT_FOUND', { message: '照片不存在' })
  const extension = EXTENSIONS[attachment.mime_type] ?? 'bin'
  return reply
    .header('content-type', attachment.mime_type)
    .header('content-disposition', `inline; filename="photo-${attachment.id}.${extension}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .header('cache-control', 'private, max-age=3600')
    .send(bytes)
}
