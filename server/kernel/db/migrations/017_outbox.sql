-- One claim rule for every delivery table (server/kernel/notify/notice-delivery.ts): a 'sending' row
-- may be claimed again once its claim is older than the moment before which no live sender can
-- have made it. Reminder rows did not record when they were claimed; they do now, like
-- policy_deliveries and complaint_notices (006). A row a crash left 'sending' before this
-- migration gets its creation time, so the next run takes it over as it did before.
alter table reminder_deliveries add column claimed_at timestamptz;
update reminder_deliveries set claimed_at = created_at where status = 'sending';
