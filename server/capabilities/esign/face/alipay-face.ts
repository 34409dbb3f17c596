import {
  AlipayGateway,
  describeAlipayError,
  type AlipayGatewayOptions,
} from '../../../kernel/auth/providers/alipay-gateway'
import { ApiError } from '../../../kernel/http/api-error'
import type { FaceProvider, FaceStart, FaceStartInput, FaceVerdict } from './face-provider'

/**
 * 支付宝身份验证 (https://opendocs.alipay.com/open/20181012100420932508):
 * alipay.user.certify.open.initialize → certify_id; the client opens the certify page with
 * my.startAPVerify({ url, certifyId }) (url = a signed alipay.user.certify.open.certify request);
 * alipay.user.certify.open.query says whether it passed. Client results can be forged, so only
 * the query's `passed = "T"` counts.
 */

export interface AlipayFaceOptions extends AlipayGatewayOptions {
  /** merchant_config.return_url (required by the API). */
  returnUrl: string
  /** FACE (多因子人脸认证) unless the contract says otherwise. */
  bizCode?: string
}

export class AlipayFaceClient implements FaceProvider {
  readonly name = 'alipay' as const
  private readonly gateway: AlipayGateway

  constructor(private readonly options: AlipayFaceOptions) {
    this.gateway = new AlipayGateway(options)
  }

  async start({ person, reference }: FaceStartInput): Promise<FaceStart> {
    const answer = await this.call('alipay.user.certify.open.initialize', {
      outer_order_no: reference,
      biz_code: this.options.bizCode ?? 'FACE',
      identity_param: {
        identity_type: 'CERT_INFO',
        cert_type: 'IDENTITY_CARD',
        cert_name: person.name,
        cert_no: person.idNumber,
      },
      merchant_config: { return_url: this.options.returnUrl },
    })
    const certifyId = answer.certify_id
    if (typeof certifyId !== 'string' || certifyId === '') {
      throw new ApiError('FACE_PROVIDER_ERROR', { cause: 'alipay initialize: no certify_id' })
    }
    const certifyUrl = this.gateway.signedUrl('alipay.user.certify.open.certify', {
      biz_content: JSON.stringify({ certify_id: certifyId }),
    })
    return { clientParams: { certifyId, certifyUrl }, state: { certifyId } }
  }

  async verdict(state: Record<string, string>, clientResult: unknown): Promise<FaceVerdict> {
    const answer = await this.call('alipay.user.certify.open.query', { certify_id: state.certifyId })
    if (answer.passed === 'T') return { outcome: 'passed' }
    if (answer.passed !== 'F')
      throw new ApiError('FACE_PROVIDER_ERROR', { cause: `alipay query: passed=${String(answer.passed)}` })
    // "F" is both "failed" and "never finished"; the client's word may only make it a cancellation.
    const status = (clientResult as { resultStatus?: unknown } | undefined)?.resultStatus
    if (String(status) === '6001') return { outcome: 'cancelled', detail: 'alipay passed=F, client 6001', byUser: true }
    return { outcome: 'mismatch', detail: `alipay passed=F ${String(answer.fail_reason ?? '')}`.trim() }
  }

  private async call(method: string, bizContent: object): Promise<Record<string, unknown>> {
    try {
      const answer = await this.gateway.call(method, { biz_content: JSON.stringify(bizContent) })
      if (!answer.ok)
        throw new ApiError('FACE_PROVIDER_ERROR', { cause: `${method}: ${describeAlipayError(answer.node)}` })
      return answer.node
    } catch (error) {
      if (error instanceof ApiError && error.code === 'LOGIN_PROVIDER_UNAVAILABLE') {
        throw new ApiError('FACE_PROVIDER_ERROR', { cause: error.cause })
      }
      throw error
    }
  }
}
