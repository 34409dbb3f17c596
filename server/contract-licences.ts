/**
 * Moved to src/contract/account/schemas.ts (issue #13): re-exported for the files not converted
 * yet (policies, calendar feed) and the tests; new code imports src/contract directly.
 */
export type {
  InboxLink,
  InboxMessage,
  InboxPage,
  RecordSubscriptionsRequest,
  ReminderChannel,
  ReminderRunReport,
  ReminderSettings,
  SubscribeResult,
  SubscribeTemplate,
  SubscriptionState,
} from '../src/contract/account/schemas'
