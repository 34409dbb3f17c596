-- THE outbox (issue #13 item 6): one table for every message a purpose sends, on every channel —
-- the inbox, WeChat subscribe, Alipay template — sent by the one claim → send → settle loop
-- (server/kernel/notify/notice-delivery.ts) with its one reclaim rule. A row is one message to one user on
-- one channel; `purpose` is the Notice's name (server/kernel/notify/notices.ts) and `payload` what the
-- Notice needs to render it. (purpose, dedupe_key, user_id, channel) is unique: writing the rows
-- of a run with ON CONFLICT DO NOTHING is what makes re-running it harmless. New purposes use this
-- table; the older reminder_deliveries, policy_deliveries, complaint_notices and seal_notices
-- still carry theirs until they are moved (docs/architecture.md).
create table outbox (
  id bigserial primary key,
  purpose text not null check (char_length(purpose) between 1 and 64),
  -- What makes the message idempotent within its purpose (compliance reminders: '<itemKey>:<offsetKey>').
  dedupe_key text not null check (char_length(dedupe_key) between 1 and 300),
  user_id uuid not null references users (id) on delete cascade,
  enterprise_id uuid references enterprises (id) on delete cascade,
  channel text not null check (channel in ('inbox', 'wechat', 'alipay')),
  payload jsonb not null,
  run_date date not null,
  -- sending: claimed and handed to the platform; only a crash leaves a row here.
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
  attempts integer not null default 0,
  -- A one-time subscription was taken for this row (given back if the send fails).
  quota_taken boolean not null default false,
  last_error text,
  -- A platform row announced by another row's digest message (one message naming the most urgent
  -- item and the count of the others): sent with it, never on its own.
  covered_by bigint references outbox (id) on delete set null,
  created_at timestamptz not null default now(),
  claimed_at timestamptz,
  sent_at timestamptz,
  unique (purpose, dedupe_key, user_id, channel)
);
create index outbox_run_idx on outbox (purpose, run_date) where status in ('pending', 'sending', 'failed');

-- The inbox is a channel of the outbox: the message is inserted in the transaction that settles
-- its row, and never twice for one row.
alter table inbox_messages add column outbox_id bigint unique;
alter table inbox_messages drop constraint inbox_messages_kind_check;
alter table inbox_messages add constraint inbox_messages_kind_check
  check (kind in ('licence-reminder', 'system', 'policy', 'complaint', 'compliance-reminder'));

-- 合规提醒 per kind per user (issue #14 item 10): a row only for a kind the user changed; none = on.
create table compliance_reminder_settings (
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (kind in ('annual-report', 'tax-filing', 'credit-repair', 'policy-window', 'complaint')),
  enabled boolean not null,
  updated_at timestamptz not null,
  primary key (user_id, kind)
);

-- One row per day the compliance-reminders job ran (the missed-run check on start, as reminder_runs).
create table compliance_reminder_runs (
  run_date date primary key,
  started_at timestamptz not null,
  finished_at timestamptz,
  report jsonb
);
