import { platform } from './env'

/**
 * A face-verification session our server opened with the platform for one user. The name and
 * ID number never leave the server: the phone only carries the platform's session id.
 */
export type FaceVerifySession =
  /** WeChat 人脸核身: `verify_id` from the server's cityservice getVerifyId call. */
  | { platform: 'weapp'; verifyId: string }
  /** Alipay 实人认证: `certify_id` and `url` from alipay.user.certify.open.initialize / .certify. */
  | { platform: 'alipay'; certifyId: string; url: string }

/**
 * What the phone saw. Never trusted: the server confirms with the platform (query by verifyId /
 * certifyId) before treating anyone as verified.
 */
export interface FaceVerifyOutcome {
  status: 'completed' | 'cancelled' | 'failed'
  /** The platform's own code, for logs and support. */
  platformCode?: string
}

/** Thrown where face verification cannot run (H5, old client, session for another platform). Message is Chinese. */
export class FaceVerifyUnavailableError extends Error {
  readonly name = 'FaceVerifyUnavailableError' as const
}

/**
 * WeChat: wx.requestFacialVerify({ verifyId }) replaces the deprecated
 * wx.startFacialRecognitionVerify({ name, idCardNumber }), which sent the ID number from the
 * phone. Needs 基础库 3.8.12, above our minimum, so its absence is checked.
 */
function verifyOnWeapp(verifyId: string): Promise<FaceVerifyOutcome> {
  if (typeof wx.requestFacialVerify !== 'function')
    return Promise.reject(new FaceVerifyUnavailableError('微信版本过低，请升级后再进行人脸核身'))
  return new Promise((resolve) => {
    wx.requestFacialVerify({
      verifyId,
      success: () => resolve({ status: 'completed' }),
      fail: (err) =>
        resolve({
          status: /cancel/i.test(err.errMsg ?? '') ? 'cancelled' : 'failed',
          platformCode: String(err.errCode ?? ''),
        }),
    })
  })
}

/** Alipay: my.startAPVerify; resultStatus 9000 = finished, 6001 = user quit, others = failed. */
function verifyOnAlipay(certifyId: string, url: string): Promise<FaceVerifyOutcome> {
  return new Promise((resolve) => {
    my.startAPVerify({
      certifyId,
      url,
      success: (res) => {
        const code = res.resultStatus
        resolve({
          status: code === '9000' ? 'completed' : code === '6001' ? 'cancelled' : 'failed',
          platformCode: code,
        })
      },
      fail: (err) => resolve({ status: 'failed', platformCode: String(err.error ?? '') }),
    })
  })
}

/** Runs the platform's face verification for a server-issued session. */
export function startFaceVerify(session: FaceVerifySession): Promise<FaceVerifyOutcome> {
  if (session.platform !== platform) {
    return Promise.reject(new FaceVerifyUnavailableError('当前环境不支持人脸核身，请在微信或支付宝小程序中办理'))
  }
  return session.platform === 'weapp' ? verifyOnWeapp(session.verifyId) : verifyOnAlipay(session.certifyId, session.url)
}
