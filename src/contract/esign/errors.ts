import type { ErrorEntry } from '../common-errors'

/**
 * An esign code's answer, and what the 扫码签章 screen (src/features/signing) says for it: `true`
 * shows `message` whatever the server sent (each says what to do next, even from an older server
 * with a generic text); a string is the text for the signing step where the general one would
 * mislead; absent, the screen shows the server's own message.
 */
export interface SignErrorEntry extends ErrorEntry {
  readonly signStep?: true | string
}

/** 刷脸 / 印章 / 签名 / 签章. Part of src/contract/errors.ts. */
export const ESIGN_ERRORS = {
  FACE_UNAVAILABLE: { status: 503, message: '当前环境暂不支持刷脸认证，请在微信或支付宝小程序中办理' },
  FACE_PROVIDER_ERROR: { status: 502, message: '刷脸服务暂时不可用，请稍后再试' },
  FACE_CANCELLED: { status: 400, message: '刷脸认证已取消' },
  FACE_MISMATCH: { status: 403, message: '刷脸认证未通过：本人与填写的身份信息不一致' },
  FACE_LOCKED: {
    status: 429,
    message: '刷脸认证失败次数过多，请 10 分钟后再试',
    signStep: '刷脸认证失败次数过多，请 10 分钟后再试，或改用签署密码确认',
  },
  FACE_SESSION_NOT_FOUND: { status: 404, message: '刷脸会话不存在或已过期，请重新发起' },
  FACE_SESSION_CLOSED: { status: 409, message: '本次刷脸已结束，请重新发起' },
  FACE_TICKET_INVALID: { status: 403, message: '刷脸认证已失效，请重新刷脸' },
  NOT_LEGAL_REPRESENTATIVE: {
    status: 403,
    message: '经核验，您不是该企业登记的法定代表人',
    signStep: '刷脸人不是该企业登记的法定代表人，不能以法定代表人身份用章',
  },
  LEGAL_REPRESENTATIVE_ONLY: { status: 403, message: '仅企业法定代表人可以进行此操作' },
  SEALS_ALREADY_CLAIMED: { status: 409, message: '该企业的电子印章已领取，无需重复领取' },
  SEAL_NOT_FOUND: { status: 404, message: '印章不存在或已停用' },
  SEAL_NOT_AVAILABLE: { status: 409, message: '该企业尚未领取所需的电子印章', signStep: true },
  SEAL_ALREADY_REVOKED: { status: 409, message: '该印章已注销，无需重复操作' },
  SIGNATURE_ALREADY_CLAIMED: { status: 409, message: '您已领取个人电子签名，无需重复领取' },
  SIGNATURE_NOT_CLAIMED: { status: 409, message: '请先领取个人电子签名', signStep: true },
  SIGNATURE_IMAGE_INVALID: { status: 400, message: '签名笔迹无效，请重新手写' },
  PIN_INVALID: { status: 403, message: '签署密码错误', signStep: true },
  PIN_LOCKED: { status: 429, message: '签署密码错误次数过多，请 15 分钟后再试，或改用刷脸确认', signStep: true },
  PIN_NOT_SET: { status: 409, message: '您尚未设置签署密码，请改用刷脸确认', signStep: true },
  // Five tries of this person's PIN are being checked at this moment (server/capabilities/esign/seals/pin.ts): nothing was counted.
  PIN_BUSY: { status: 409, message: '正在校验，请稍候重试', signStep: true },
  GRANTEE_NOT_FOUND: { status: 404, message: '该手机号尚未登录过政企通，请改用邀请码授权' },
  GRANT_NOT_FOUND: { status: 404, message: '授权不存在或已撤销' },
  INVITE_CODE_INVALID: { status: 404, message: '邀请码无效、已使用或已过期' },
  ENTERPRISE_NOT_FOUND: { status: 404, message: '未找到该统一社会信用代码对应的企业' },
  SIGN_TICKET_INVALID: { status: 404, message: '签章码无效，请让业务系统重新生成二维码', signStep: true },
  SIGN_TASK_NOT_FOUND: { status: 404, message: '签章任务不存在', signStep: true },
  SIGN_TASK_EXPIRED: { status: 410, message: '签章码已过期，请让业务系统重新生成二维码', signStep: true },
  SIGN_TASK_SCANNED_BY_OTHER: {
    status: 409,
    message: '该签章码已被他人扫描，请让业务系统重新生成二维码',
    signStep: true,
  },
  SIGN_TASK_ALREADY_SIGNED: { status: 409, message: '该文件已签署完成，无需重复签署', signStep: true },
  SIGN_TASK_REJECTED: { status: 409, message: '该签章任务已被拒绝', signStep: true },
  SIGN_TASK_NOT_SCANNED: { status: 409, message: '请先扫描签章码并查看签署内容', signStep: true },
  SIGN_WRONG_ENTERPRISE: {
    status: 403,
    message: '该签章任务属于您未关联的企业，请切换账号或联系企业法定代表人',
    signStep: true,
  },
  CALLBACK_URL_FORBIDDEN: { status: 400, message: '回调地址不可用，请使用公网可访问的 https 地址' },
  SIGN_NOT_AUTHORISED: { status: 403, message: '您没有使用所需印章的授权，请联系企业法定代表人授权', signStep: true },
  // 企业成员: the legal representative removes the people who hold (or held) the enterprise's grants.
  MEMBER_SELF_REMOVAL: { status: 409, message: '不能移除自己。如需解除与该企业的关联，请联系其他法定代表人账号或客服' },
  MEMBER_LAST_LEGAL_REPRESENTATIVE: { status: 409, message: '不能移除企业唯一的法定代表人' },
  // 用章规则 (issue #15 item 7): the message names the seal and the rule.
  SEAL_RULE_SYSTEM: { status: 403, message: '该印章的用章规则不允许本业务系统申请用章' },
  SEAL_RULE_DOCUMENT_TYPE: { status: 403, message: '该印章的用章规则不允许用于此类文件' },
  SEAL_RULE_HOURS: { status: 403, message: '当前不在该印章的用章时间内' },
  SEAL_RULE_WORKING_DAY: { status: 403, message: '该印章仅限工作日使用' },
  SEAL_RULE_DAILY_LIMIT: { status: 429, message: '该印章今日用章次数已达上限' },
  // 双人审批 (item 8).
  SECOND_APPROVER_SAME_PERSON: { status: 409, message: '您已确认过该文件，需由另一位审批人确认' },
  SECOND_APPROVER_NOT_NAMED: { status: 403, message: '您不是该印章指定的第二审批人' },
  VERIFIED_IDENTITY_NONE: { status: 409, message: '尚无已核验的身份信息，请填写姓名和身份证号' },
  SIGNATURE_FILE_UNREADABLE: {
    status: 400,
    message: '所选签章文件无法识别：不是 GB/T 38540 签章数据（DER），请选择签署完成后下载的签章文件',
  },
} satisfies Record<string, SignErrorEntry>
