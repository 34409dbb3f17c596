import { platform } from './env'

/**
 * The `id` the consent sheet's `<Button openType='agreePrivacyAuthorization'>` must carry:
 * WeChat checks that the button named in resolve() was really tapped.
 */
export const PRIVACY_AGREE_BUTTON_ID = 'zqt-agree-privacy'

/** Show our consent UI, then call `resolve(true)` from the agree button's onAgreePrivacyAuthorization, or `resolve(false)`. */
export type PrivacyAuthorizationHandler = (resolve: (agreed: boolean) => void) => void

type WxResolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void
// miniprogram-api-typings types the listener without its resolve argument, and every member here
// may be missing on an older base library, hence this shape.
interface WxPrivacyApi {
  canIUse?: (schema: string) => boolean
  onNeedPrivacyAuthorization?: (listener: (resolve: WxResolve) => void) => void
  openPrivacyContract?: (option: { success?: () => void; fail?: () => void }) => void
}

function wechat(): WxPrivacyApi | null {
  return platform === 'weapp' && typeof wx !== 'undefined' ? (wx as unknown as WxPrivacyApi) : null
}

function wechatCan(api: WxPrivacyApi, schema: string): boolean {
  try {
    return api.canIUse?.(schema) === true
  } catch {
    return false
  }
}

/**
 * WeChat (基础库 2.32.3+; the privacy check is on for every mini-program since 2023-10-17, so the
 * old __usePrivacyCheck__ switch is gone) holds a privacy-sensitive API or component pending until
 * the app shows its own consent UI and resolves. Each pending call gets its own listener call and
 * resolve. Alipay and H5 have no such hook — consent there is our own sheet before login — so this
 * is a no-op. https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html
 */
export function onNeedPrivacyAuthorization(handler: PrivacyAuthorizationHandler): void {
  const api = wechat()
  if (!api?.onNeedPrivacyAuthorization) return // 基础库 < 2.32.3
  api.onNeedPrivacyAuthorization((resolve) => {
    // Tells WeChat the prompt was shown, which it records for its compliance checks.
    resolve({ event: 'exposureAuthorization' })
    handler((agreed) => resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' }))
  })
}

/**
 * Whether the agree button must carry open-type="agreePrivacyAuthorization" and answer from its
 * onAgreePrivacyAuthorization (WeChat 基础库 2.32.3+). Elsewhere, and on older WeChat base
 * libraries where that open-type does nothing, the agree button is a plain tap.
 */
export function privacyAgreeThroughOpenType(): boolean {
  const api = wechat()
  return api !== null && wechatCan(api, 'button.open-type.agreePrivacyAuthorization')
}

/**
 * Opens WeChat's own page for the mini-program's 隐私保护指引 (基础库 2.32.3+). Resolves false where
 * there is none (Alipay, H5, older WeChat) or it failed to open: the caller shows our policy page.
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.openPrivacyContract.html
 */
export function openPrivacyContract(): Promise<boolean> {
  const api = wechat()
  if (!api?.openPrivacyContract || !wechatCan(api, 'openPrivacyContract')) return Promise.resolve(false)
  const open = api.openPrivacyContract
  return new Promise((resolve) => {
    try {
      open({ success: () => resolve(true), fail: () => resolve(false) })
    } catch {
      resolve(false)
    }
  })
}
