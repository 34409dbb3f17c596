import type { ErrorEntry } from '../common-errors'

/** 惠企政策. Part of src/contract/errors.ts. */
export const POLICY_ERRORS = {
  POLICY_NOT_FOUND: { status: 404, message: '政策不存在或已下架' },
  POLICY_DUPLICATE: { status: 409, message: '已有相同编号的政策' },
  POLICY_WITHDRAWN: { status: 409, message: '该政策已下架，不能再修改或发布' },
} satisfies Record<string, ErrorEntry>
