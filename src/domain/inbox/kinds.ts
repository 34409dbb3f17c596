/**
 * The kinds of inbox message, in one list: the wire type (src/contract/account/schemas.ts), the
 * inbox route's schema, and the server's Notice registry (server/kernel/notify/notices.ts: each notice
 * names its kind) take them from here. The database's check constraint
 * (inbox_messages_kind_check) is held to this list by tests/server/notices.test.ts.
 */
export const INBOX_KINDS = ['licence-reminder', 'system', 'policy', 'complaint', 'compliance-reminder'] as const

export type InboxKind = (typeof INBOX_KINDS)[number]
