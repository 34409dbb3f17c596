import { platform } from './env'

/**
 * The `id` the consent sheet's `<Button openType='agreePrivacyAuthorization'>` must carry:
 * WeChat checks that the button named in resolve() was really tapped.
 */
export const PRIVACY_AGREE_BUTTON_ID = 'zqt-agree-privacy'

/** Show our consent UI, then call `resolve(true)` from the agree button's onAgreePrivacyAuthorization, or `resolve(false)`. */
export type PrivacyAuthorizationHandler = (resolve: (agreed: boolean) => void) => void

type WxResolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void
// miniprogram-api-typings types the listener without its resolve argument, hence this shape.
type WxPrivacyApi = { onNeedPrivacyAuthorization?: (listener: (resolve: WxResolve) => void) => void }

/**
 * WeChat (基础库 2.32.3+, __usePrivacyCheck__ in app.config) holds a privacy-sensitive API or
 * component pending until the app shows its own consent UI and resolves. Alipay and H5 have
 * no such hook — consent there is our own sheet before login — so this is a no-op.
 * https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html
 */
export function onNeedPrivacyAuthorization(handler: PrivacyAuthorizationHandler): void {
  if (platform !== 'weapp' || typeof wx === 'undefined') return
  const api = wx as unknown as WxPrivacyApi
  if (!api.onNeedPrivacyAuthorization) return // 基础库 < 2.32.3
  api.onNeedPrivacyAuthorization((resolve) => {
    // Tells WeChat the prompt was shown, which it records for its compliance checks.
    resolve({ event: 'exposureAuthorization' })
    handler((agreed) => resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' }))
  })
}
