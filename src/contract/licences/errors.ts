import type { ErrorEntry } from '../common-errors'

/** 许证闹钟. Part of src/contract/errors.ts. */
export const LICENCE_ERRORS = {
  LICENCE_NOT_FOUND: { status: 404, message: '证照不存在或已删除' },
  LICENCE_TYPE_UNKNOWN: { status: 400, message: '未知的证照类型，请从目录中选择' },
  LICENCE_DUPLICATE: { status: 409, message: '该企业已登记过相同编号的此类证照' },
  LICENCE_CANCELLED: { status: 409, message: '该证照已注销，无需续期' },
} satisfies Record<string, ErrorEntry>
