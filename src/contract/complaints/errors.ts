import type { ErrorEntry } from '../common-errors'

/** 有诉即办. Part of src/contract/errors.ts. */
export const COMPLAINT_ERRORS = {
  COMPLAINT_NOT_FOUND: { status: 404, message: '诉求不存在' },
  COMPLAINT_ACTION_REFUSED: { status: 409, message: '当前状态不能进行该操作' },
} satisfies Record<string, ErrorEntry>
