import type { FaceSessionStarted } from '../../contract/esign/schemas'
import type { FaceVerifyOutcome, FaceVerifySession } from '../../platform/faceVerify'

/** The platform session to hand src/platform/faceVerify, or null for the sandbox (and anything unusable). */
export function platformSessionOf(started: FaceSessionStarted): FaceVerifySession | null {
  if (started.provider === 'wechat' && started.verifyId) return { platform: 'weapp', verifyId: started.verifyId }
  if (started.provider === 'alipay' && started.certifyId && started.certifyUrl) {
    return { platform: 'alipay', certifyId: started.certifyId, url: started.certifyUrl }
  }
  return null
}

/** What the phone saw, as the server's providers read it (Alipay: resultStatus; never trusted for a pass). */
export function clientResultOf(outcome: FaceVerifyOutcome): Record<string, string> {
  return { status: outcome.status, resultStatus: outcome.platformCode ?? '' }
}
