-- 许证闹钟: licences and their history, the city's catalogue overrides, reminder settings,
-- platform subscriptions, the in-app inbox, reminder deliveries and idempotency keys.

-- A city's own licence types and changes to built-in ones, as data (merged by mergeCatalogue).
-- Kept in the order they were given: mergeCatalogue reports problems by position.
create table licence_type_overrides (
  code text primary key,
  position integer not null,
  entry jsonb not null,
  updated_at timestamptz not null default now()
);

create table licences (
  id uuid primary key,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  type_code text not null,
  number text not null,
  authority text not null,
  issued_on date not null,
  expires_on date not null,
  scope text,
  renewal_started_on date,
  cancelled_on date,
  -- Computed from expires_on and the type's lead rule at every write, so the reminder job can
  -- select the day's licences by index instead of computing 62,000 deadlines.
  latest_apply_on date not null,
  -- The deadline relied on a year the State Council had not published when it was computed
  -- (deadline_calendar_year = last published year then); recomputed when a new year appears.
  deadline_estimate boolean not null default false,
  deadline_calendar_year integer not null,
  source text not null default 'user' check (source in ('user', 'import', 'seed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
-- One live record per certificate; a deleted one may be entered again.
create unique index licences_live_number_key on licences (enterprise_id, type_code, number)
  where deleted_at is null;
create index licences_enterprise_idx on licences (enterprise_id) where deleted_at is null;
create index licences_latest_apply_idx on licences (latest_apply_on)
  where deleted_at is null and renewal_started_on is null;
create index licences_expires_idx on licences (expires_on)
  where deleted_at is null and renewal_started_on is null;
create index licences_estimate_idx on licences (deadline_calendar_year) where deadline_estimate;

-- Certificates a renewal replaced.
create table licence_history (
  id bigserial primary key,
  licence_id uuid not null references licences (id) on delete cascade,
  number text not null,
  issued_on date not null,
  expires_on date not null,
  replaced_on date not null,
  created_at timestamptz not null default now()
);
create index licence_history_licence_idx on licence_history (licence_id);

create table reminder_settings (
  user_id uuid primary key references users (id) on delete cascade,
  offsets integer[] not null,
  on_expiry_day boolean not null,
  channel_inbox boolean not null,
  channel_wechat boolean not null,
  channel_alipay boolean not null,
  updated_at timestamptz not null default now()
);

-- What the user answered to requestSubscribeMessage, per template. A one-time WeChat/Alipay
-- subscription allows exactly one message per "accept": `remaining` counts the unused ones.
create table subscriptions (
  user_id uuid not null references users (id) on delete cascade,
  platform text not null check (platform in ('weapp', 'alipay')),
  template_id text not null,
  result text not null check (result in ('accept', 'reject', 'ban')),
  remaining integer not null default 0 check (remaining >= 0),
  updated_at timestamptz not null default now(),
  primary key (user_id, platform, template_id)
);

-- seq orders the inbox (many messages share one transaction's now()) and is the page cursor.
create table inbox_messages (
  id uuid primary key,
  seq bigserial not null unique,
  user_id uuid not null references users (id) on delete cascade,
  enterprise_id uuid references enterprises (id) on delete set null,
  kind text not null check (kind in ('licence-reminder', 'system')),
  title text not null,
  body text not null,
  licence_id uuid,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  -- The reminder delivery this message is: never two messages for one delivery.
  delivery_id bigint unique
);
create index inbox_messages_user_idx on inbox_messages (user_id, seq desc);
create index inbox_messages_unread_idx on inbox_messages (user_id) where read_at is null;

-- One row per reminder that is due, created before anything is sent: the row is the guard that
-- makes a re-run send only what is not sent yet. offset_key is 'd<days before the deadline>' or
-- 'expiry'; deadline is the renewal deadline (or the expiry date) it counts back from, so a
-- renewed licence is reminded again for its new deadline.
create table reminder_deliveries (
  id bigserial primary key,
  licence_id uuid not null references licences (id) on delete cascade,
  offset_key text not null check (offset_key ~ '^(d[0-9]{1,3}|expiry)$'),
  user_id uuid not null references users (id) on delete cascade,
  channel text not null check (channel in ('inbox', 'wechat', 'alipay')),
  deadline date not null,
  run_date date not null,
  -- sending: claimed by a run and handed to the provider; only a crash leaves a row here.
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
  attempts integer not null default 0,
  -- A one-time subscription was taken for this row (given back if the send fails).
  quota_taken boolean not null default false,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (licence_id, offset_key, user_id, channel, deadline)
);
create index reminder_deliveries_run_idx on reminder_deliveries (run_date, status);

create table reminder_runs (
  run_date date primary key,
  started_at timestamptz not null,
  finished_at timestamptz,
  report jsonb
);

-- Idempotency-Key → the response first given, per user (POST create retried by a flaky network).
create table idempotency_keys (
  user_id uuid not null references users (id) on delete cascade,
  key text not null,
  request_hash text not null,
  status_code integer,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
