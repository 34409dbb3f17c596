-- Oversight of seal use (issue #15 item 10): the monthly 用章报告 to the legal representative, and
-- alerts on unusual use (outside the seal's usual hours, a burst, a new document system).

-- One report per (enterprise, month): written once, with its inbox notices, in one transaction, so
-- a job killed between enterprises and run again neither doubles nor drops one.
create table seal_reports (
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  -- The first day of the reported month (China time).
  month date not null check (extract(day from month) = 1),
  -- The aggregation (src/domain/signing/sealReport.ts): counts only, handler names masked.
  report jsonb not null,
  created_at timestamptz not null default now(),
  primary key (enterprise_id, month)
);

-- The monthly run: a row per month, finished once every enterprise has its report.
create table seal_report_runs (
  month date primary key,
  started_at timestamptz not null,
  finished_at timestamptz,
  report jsonb
);

-- At most one alert per (seal, kind, China day): the primary key decides it, however many
-- signatures race for it.
create table seal_alerts (
  seal_id uuid not null references seals (id) on delete cascade,
  kind text not null check (kind in ('off-hours', 'burst', 'new-system')),
  china_day date not null,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  -- What tripped it, for people (Chinese): the hour, the count and threshold, the system's name.
  detail text not null,
  created_at timestamptz not null default now(),
  primary key (seal_id, kind, china_day)
);

-- Subscribe messages of reports and alerts, with the delivery columns of complaint_notices
-- (../../notify/notice-delivery.ts). `source` names what is announced ('report:<enterprise>:<month>'
-- or 'alert:<seal>:<kind>:<day>'), so a thing is announced once per user and channel.
create table seal_notices (
  id bigserial primary key,
  source text not null,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  channel text not null check (channel in ('wechat', 'alipay')),
  template_id text not null,
  -- The app page the message opens, and the template's values in order.
  page text not null,
  field_values jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
  attempts integer not null default 0,
  quota_taken boolean not null default false,
  last_error text,
  claimed_at timestamptz,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (source, user_id, channel)
);
create index seal_notices_unsent_idx on seal_notices (id) where status in ('pending', 'sending', 'failed');

-- Inbox notices of reports and alerts stay kind 'system' and carry their link here.
alter table inbox_messages add column seal_source text;
alter table inbox_messages add column seal_report_month date;
create unique index inbox_messages_seal_source_key on inbox_messages (user_id, seal_source) where seal_source is not null;

-- Uses of a seal in a time range (the burst baseline and the monthly counts).
create index seal_audit_seal_sign_idx on seal_audit (seal_id, created_at) where action = 'sign';
create index seal_audit_enterprise_time_idx on seal_audit (enterprise_id, created_at);
