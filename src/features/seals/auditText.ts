import { maskPersonalDataInText } from '../../domain/mask'

// Records written before the server named face purposes in Chinese say 「用途 claim-seal」.
const FACE_PURPOSES: Record<string, string> = {
  login: '登录',
  'claim-seal': '领取印章',
  'claim-signature': '领取个人签名',
  grant: '授权',
}
const RAW_FACE_PURPOSE = /用途 (sign:[0-9a-fA-F-]+|[a-z-]+)/g

/** A 用章记录 detail as shown: personal data masked, and no internal codes. */
export function auditDetailText(detail: string): string {
  const named = detail.replace(RAW_FACE_PURPOSE, (whole, code: string) => {
    const label = code.startsWith('sign:') ? '签署' : FACE_PURPOSES[code]
    return label ? `用途：${label}` : whole
  })
  return maskPersonalDataInText(named)
}
