-- Subscribe messages (WeChat 订阅消息 / Alipay 模板消息) for 新政策 pushes and 诉求进展 notices.
-- A platform row is written before anything is sent, then claimed ('sending', one one-time
-- subscription taken), sent, and marked by what the platform answered: the row is the guard that
-- makes a re-run send only what is not sent yet (same discipline as reminder_deliveries).

-- Inbox rows are written already sent (in the transaction that writes the message), hence the default.
alter table policy_deliveries add column status text not null default 'sent'
  check (status in ('pending', 'sending', 'sent', 'failed', 'skipped'));
alter table policy_deliveries add column attempts integer not null default 0;
-- A one-time subscription was taken for this row (given back if the send fails).
alter table policy_deliveries add column quota_taken boolean not null default false;
-- The subscription template the message goes out with (platform rows only).
alter table policy_deliveries add column template_id text;
-- Sent in the weekly digest (one message per user and channel for all rows of a run) rather than at publication.
alter table policy_deliveries add column digest boolean not null default false;
alter table policy_deliveries add column last_error text;
-- When the row was last claimed: a 'sending' row older than a few minutes was left by a crash.
alter table policy_deliveries add column claimed_at timestamptz;
alter table policy_deliveries add column sent_at timestamptz;
create index policy_deliveries_unsent_idx on policy_deliveries (policy_id) where status in ('pending', 'sending', 'failed');
-- "Has this user had this policy on this channel (under any enterprise)?", asked per candidate at every push.
create index policy_deliveries_user_idx on policy_deliveries (policy_id, user_id, channel);

-- One row per (complaint, step, platform channel): event_id is the complaint_timeline row of the
-- step, so a step is announced once however often delivery runs. Only real-name submitters get
-- rows; the inbox notice is written in the step's own transaction (inbox_messages.complaint_id).
create table complaint_notices (
  id bigserial primary key,
  complaint_id uuid not null references complaints (id) on delete cascade,
  event_id bigint not null references complaint_timeline (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  channel text not null check (channel in ('wechat', 'alipay')),
  template_id text not null,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
  attempts integer not null default 0,
  quota_taken boolean not null default false,
  last_error text,
  claimed_at timestamptz,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (complaint_id, event_id, channel)
);
create index complaint_notices_unsent_idx on complaint_notices (complaint_id) where status in ('pending', 'sending', 'failed');

-- The weekly 新政策 digest run inside the server: one row per ISO week, so a restart does not repeat it.
create table policy_digest_runs (
  week_start date primary key,
  started_at timestamptz not null,
  finished_at timestamptz,
  report jsonb
);
