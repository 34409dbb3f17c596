/**
 * What a face check was for, in the words of the 用章记录. The server writes it into audit
 * details; the app maps records written before it did (「用途 claim-seal」).
 */
export const FACE_PURPOSE_LABELS: Readonly<Record<string, string>> = {
  login: '登录',
  'claim-seal': '领取印章',
  'claim-signature': '领取个人签名',
  grant: '授权',
  'seal-revoke': '注销印章',
}

/** A purpose code as Chinese ('sign:<taskId>' → 签署); null for a code it does not know. */
export function facePurposeLabel(purpose: string): string | null {
  if (purpose.startsWith('sign:')) return '签署'
  return FACE_PURPOSE_LABELS[purpose] ?? null
}
