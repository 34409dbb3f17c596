import type { FastifyError, FastifyInstance } from 'fastify'
import { ApiError } from '../../../kernel/http/api-error'
import * as endpoints from '../../../../src/contract/esign/endpoints'
import {
  base64LengthOf,
  ops,
  VERIFICATION_DOCUMENT_MAX_BYTES,
  type SealVerificationResult,
} from '../../../../src/contract/esign/schemas'
import { contractRoute } from '../../../kernel/http/contract-route'
import { fieldError } from '../signing/field-error'
import { decodeBase64, documentHash, recordIdOfSignature, verifySealSignature } from '../signing/verification'
import { verifySesDer } from '../signing/verification-der'
import { ReceiptSigner } from '../signing/verification-receipt'
import { storedRecordForVerification } from '../signing/verification-steps'
/**
 * What 验章 takes from anyone, without login. The app sends the record and the document's SM3
 * (computed on the phone): a few KB. An integrator may send the document itself, up to
 * DOCUMENT_MAX_BYTES (1.5 MB, base64 2 MB: most contracts and letters); a larger one is verified
 * by its SM3 (`documentSm3`), which is all the server would compute from it. The record is bounded
 * by its schema (tbs ≤ 64 KB) plus what else a full record carries: RECORD_ALLOWANCE.
 */
export const DOCUMENT_MAX_BYTES = VERIFICATION_DOCUMENT_MAX_BYTES
const DOCUMENT_MAX_BASE64 = base64LengthOf(DOCUMENT_MAX_BYTES)
const RECORD_ALLOWANCE = 96 * 1024
export const VERIFICATION_BODY_LIMIT = DOCUMENT_MAX_BASE64 + RECORD_ALLOWANCE
export const DOCUMENT_TOO_LARGE_MESSAGE = '文件超过 1.5 MB，请改为提交文件的 SM3 摘要（documentSm3）'

/** Per client address and minute (SM2 verification and document hashing are CPU); the sandbox is looser. */
export const VERIFY_LIMIT_PER_MINUTE = 30
const SANDBOX_VERIFY_LIMIT_PER_MINUTE = 1000
export const VERIFY_RATE_LIMITED_MESSAGE = '验章过于频繁，请稍后再试'

/** 验章: anyone may check a signature record against a document; no login. */
export async function sealVerificationRoutes(app: FastifyInstance): Promise<void> {
  const receipts = new ReceiptSigner(app.pki.ca, () => app.clock())
  contractRoute(
    app,
    endpoints.verifySeal,
    ops.verifySeal,
    {
      bodyLimit: VERIFICATION_BODY_LIMIT,
      config: {
        rateLimit: {
          max: app.config.sandbox ? SANDBOX_VERIFY_LIMIT_PER_MINUTE : VERIFY_LIMIT_PER_MINUTE,
          timeWindow: '1 minute',
          errorResponseBuilder: () => new ApiError('RATE_LIMITED', { message: VERIFY_RATE_LIMITED_MESSAGE }),
        },
      },
      // Only to say what to do instead of a bare 413; everything else goes to the app's handler.
      errorHandler: (error: FastifyError) => {
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
          throw new ApiError('PAYLOAD_TOO_LARGE', { message: DOCUMENT_TOO_LARGE_MESSAGE })
        }
        throw error
      },
      tags: ['seal-verifications'],
      summary:
        '验章：按 GB/T 38540 逐步校验签章记录、签章记录编号或签章文件（DER），并返回签名的验章回执（无需登录；按来源地址限频；文件不超过 1.5 MB，更大的文件请提交 SM3 摘要）',
    },
    async (request) => {
      const { signatureRecord, recordId, sesSignatureDer } = request.body
      if ([signatureRecord, recordId, sesSignatureDer].filter((given) => given !== undefined).length !== 1) {
        throw fieldError(
          'signatureRecord',
          '请提供签章记录（signatureRecord）、签章记录编号（recordId）或签章文件（sesSignatureDer）其中之一',
        )
      }
      const documentSm3 = documentHash(request.body)
      let verified: { result: SealVerificationResult; recordId: string | null }
      if (sesSignatureDer !== undefined) {
        verified = await verifySesDer(app.db, app.pki, decodeBase64('sesSignatureDer', sesSignatureDer), documentSm3)
      } else {
        const record = signatureRecord ?? (await storedRecordForVerification(app.db, recordId!.toLowerCase()))
        const result = await verifySealSignature(
          app.db,
          { ...request.body, signatureRecord: record, document: undefined, documentSm3 },
          app.pki,
        )
        const id = recordId?.toLowerCase() ?? (await recordIdOfSignature(app.db, record.signature))
        verified = { result, recordId: id }
      }
      const receipt = await receipts.sign({ ...verified, documentSm3 })
      return { ...verified.result, receipt }
    },
  )
}
