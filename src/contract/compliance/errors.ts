import type { ErrorEntry } from '../common-errors'

/** 合规日历 and the calendar feed (its 订阅链接). Part of src/contract/errors.ts. */
export const COMPLIANCE_ERRORS = {
  COMPLIANCE_ITEM_NOT_FOUND: { status: 404, message: '该企业没有这一办事期限' },
  PENALTY_NOT_FOUND: { status: 404, message: '处罚记录不存在或已删除' },
  CALENDAR_FEED_NOT_FOUND: { status: 404, message: '日历订阅链接无效或已停用，请在政企通中重新生成' },
  // Production without PUBLIC_BASE_URL: no link could be built that users can reach (fail closed).
  CALENDAR_FEED_UNAVAILABLE: { status: 503, message: '日历订阅暂未开通，请稍后再试' },
} satisfies Record<string, ErrorEntry>
