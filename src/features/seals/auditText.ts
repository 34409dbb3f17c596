import { maskPersonalDataInText } from '../../domain/mask'
import { facePurposeLabel } from '../../domain/signing/facePurpose'

// Records written before the server named face purposes in Chinese say 「用途 claim-seal」.
const RAW_FACE_PURPOSE = /用途 (sign:[0-9a-fA-F-]+|[a-z-]+)/g

/** A 用章记录 detail as shown: personal data masked, and no internal codes. */
export function auditDetailText(detail: string): string {
  const named = detail.replace(RAW_FACE_PURPOSE, (whole, code: string) => {
    const label = facePurposeLabel(code)
    return label ? `用途：${label}` : whole
  })
  return maskPersonalDataInText(named)
}
