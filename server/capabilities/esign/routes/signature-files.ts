import type { FastifyInstance } from 'fastify'
import QRCode from 'qrcode'
import { isProduction, type Config } from '../../../kernel/config'
import { ApiError } from '../../../kernel/http/api-error'
import { verificationLinkOf } from '../../../../src/domain/signing/verificationLink'
import { contractRoute } from '../../../kernel/http/contract-route'
import * as endpoints from '../../../../src/contract/esign/endpoints'
import { ops } from '../../../../src/contract/esign/schemas'
/**
 * What signing hands out for others to check, without an account: the GB/T 38540 signature file
 * (SES_Signature, DER) of a signature record, and a QR image of its verification link
 * (`<origin>/verify?record=<id>&hash=<document SM3>`; the document itself is never in it). The
 * record id is a random uuid, so knowing it is the capability; both are limited per address.
 */

export const SIGNATURE_FILE_LIMIT_PER_MINUTE = 60
const SANDBOX_LIMIT_PER_MINUTE = 1000

/**
 * The origin links handed out of the app start with — PUBLIC_BASE_URL; outside production
 * http://HOST:PORT; in production without it, none (a QR pointing at an address users cannot
 * reach must not be printed). The same rule as the calendar feed's links.
 */
export function verificationOrigin(config: Pick<Config, 'publicBaseUrl' | 'nodeEnv' | 'host' | 'port'>): string | null {
  if (config.publicBaseUrl) return config.publicBaseUrl
  return isProduction(config) ? null : `http://${config.host}:${config.port}`
}

const NO_RECORD = '签章记录不存在：链接可能不完整'

/** Drawing a QR PNG costs ≈ 70 ms of CPU here; the few links asked for again and again are kept. */
const QR_CACHE_SIZE = 256
const qrCache = new Map<string, Buffer>()

async function qrPng(link: string): Promise<Buffer> {
  const cached = qrCache.get(link)
  if (cached) return cached
  const png = await QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 })
  qrCache.set(link, png)
  if (qrCache.size > QR_CACHE_SIZE) qrCache.delete(qrCache.keys().next().value as string)
  return png
}

interface RecordFiles {
  ses_signature: string | null
  data_hash: string
}

export async function signatureFileRoutes(app: FastifyInstance): Promise<void> {
  const rateLimit = {
    max: app.config.sandbox ? SANDBOX_LIMIT_PER_MINUTE : SIGNATURE_FILE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    errorResponseBuilder: () => new ApiError('RATE_LIMITED', { message: '请求过于频繁，请稍后再试' }),
  }
  const tags = ['seal-verifications']

  async function recordFiles(recordId: string): Promise<RecordFiles> {
    // The document's SM3 is what the record's SES_Signature and JSON both sign (tbs.dataHash).
    const { rows } = await app.db.query<{ ses_signature: string | null; tbs: string }>(
      'select ses_signature, tbs from signature_records where id = $1',
      [recordId.toLowerCase()],
    )
    if (!rows[0]) throw new ApiError('NOT_FOUND', { message: NO_RECORD })
    const tbs = JSON.parse(Buffer.from(rows[0].tbs, 'base64').toString('utf8')) as { dataHash: string }
    return { ses_signature: rows[0].ses_signature, data_hash: tbs.dataHash }
  }

  contractRoute(
    app,
    endpoints.getSesSignature,
    ops.getSesSignature,
    {
      config: { rateLimit },
      tags,
      summary:
        '下载签章文件：GB/T 38540 SES_Signature（DER，含签章人证书、印章数据与时间戳；无需登录，按来源地址限频）',
    },
    async (request, reply) => {
      const { recordId } = request.params
      const { ses_signature } = await recordFiles(recordId)
      if (!ses_signature) {
        throw new ApiError('NOT_FOUND', { message: '该签章早于电子印章证书体系，没有 GB/T 38540 签章文件' })
      }
      return reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename="zqt-signature-${recordId.toLowerCase()}.der"`)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(Buffer.from(ses_signature, 'base64'))
    },
  )

  contractRoute(
    app,
    endpoints.getVerificationQr,
    ops.getVerificationQr,
    {
      config: { rateLimit },
      tags,
      summary: '验章二维码（PNG）：内容为验章链接（签章记录编号与文件 SM3，不含文件；无需登录，按来源地址限频）',
    },
    async (request, reply) => {
      const { recordId } = request.params
      const { data_hash } = await recordFiles(recordId)
      const origin = verificationOrigin(app.config)
      if (!origin) {
        throw new ApiError('NOT_FOUND', { message: '未配置对外访问地址（PUBLIC_BASE_URL），暂不能生成验章二维码' })
      }
      const link = verificationLinkOf(origin, recordId.toLowerCase(), data_hash)
      const png = await qrPng(link)
      // The link is fixed for a record; only a change of PUBLIC_BASE_URL changes the image.
      return reply
        .type('image/png')
        .header('cache-control', 'public, max-age=86400')
        .header('x-verification-link', link)
        .send(png)
    },
  )
}
