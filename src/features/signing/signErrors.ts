import type { SealErrorCode } from '../../../server/contract-seals'
import { isApiError, userMessage } from '../../api/errors'

// 扫码签章 errors each say what to do next; the server sends the same codes, and these texts keep
// them apart even when an older server sends a generic message.
const SIGN_ERROR_MESSAGES: Partial<Record<SealErrorCode, string>> = {
  SIGN_TICKET_INVALID: '签章码无效，请让业务系统重新生成二维码',
  SIGN_TASK_NOT_FOUND: '签章任务不存在',
  SIGN_TASK_EXPIRED: '签章码已过期，请让业务系统重新生成二维码',
  SIGN_TASK_SCANNED_BY_OTHER: '该签章码已被他人扫描，请让业务系统重新生成二维码',
  SIGN_TASK_ALREADY_SIGNED: '该文件已签署完成，无需重复签署',
  SIGN_TASK_REJECTED: '该签章任务已被拒绝',
  SIGN_TASK_NOT_SCANNED: '请先扫描签章码并查看签署内容',
  SIGN_WRONG_ENTERPRISE: '该签章任务属于您未关联的企业，请切换账号或联系企业法定代表人',
  SIGN_NOT_AUTHORISED: '您没有使用所需印章的授权，请联系企业法定代表人授权',
  SEAL_NOT_AVAILABLE: '该企业尚未领取所需的电子印章',
  SIGNATURE_NOT_CLAIMED: '请先领取个人电子签名',
  PIN_INVALID: '签署密码错误',
  PIN_LOCKED: '签署密码错误次数过多，请 15 分钟后再试，或改用刷脸确认',
  PIN_NOT_SET: '您尚未设置签署密码，请改用刷脸确认',
  PIN_BUSY: '正在校验，请稍候重试',
  NOT_LEGAL_REPRESENTATIVE: '刷脸人不是该企业登记的法定代表人，不能以法定代表人身份用章',
  FACE_LOCKED: '刷脸认证失败次数过多，请 10 分钟后再试，或改用签署密码确认',
}

/** Chinese text for a failed scan, confirm or reject. */
export function signErrorMessage(error: unknown): string {
  if (isApiError(error) && error.name === 'BusinessError') {
    return SIGN_ERROR_MESSAGES[error.code as SealErrorCode] ?? userMessage(error)
  }
  return userMessage(error)
}
