-- 惠企政策: the catalogue, what the matcher knows about each enterprise, the push record.

-- body is a Policy (src/domain/policies/policy.ts), checked by policyProblems before it is stored;
-- id is body->>'id'. Only published policies are shown or pushed; withdrawn ones stay for history.
create table policies (
  id text primary key,
  status text not null default 'draft' check (status in ('draft', 'published', 'withdrawn')),
  body jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  withdrawn_at timestamptz
);
create index policies_status_idx on policies (status);

-- The EnterpriseProfile facts of an enterprise (saved from the 政策计算器 or seeded).
create table enterprise_policy_facts (
  enterprise_id uuid primary key references enterprises (id) on delete cascade,
  profile jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null
);

-- One row per (policy, enterprise, user, channel) ever pushed: inserted with ON CONFLICT DO
-- NOTHING, so publishing again (or a re-run) never notifies anyone twice.
create table policy_deliveries (
  id bigserial primary key,
  policy_id text not null references policies (id) on delete cascade,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  channel text not null check (channel in ('inbox', 'wechat', 'alipay')),
  verdict text not null check (verdict in ('eligible', 'near')),
  created_at timestamptz not null default now(),
  unique (policy_id, enterprise_id, user_id, channel)
);

create table policy_favourites (
  user_id uuid not null references users (id) on delete cascade,
  policy_id text not null references policies (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, policy_id)
);

-- How a user wants 新政策 pushes: at publication (default) or in a weekly digest.
create table policy_push_preferences (
  user_id uuid primary key references users (id) on delete cascade,
  frequency text not null default 'instant' check (frequency in ('instant', 'weekly')),
  updated_at timestamptz not null default now()
);

-- Inbox messages about a policy: linked to it, and never two for one policy delivery.
alter table inbox_messages drop constraint inbox_messages_kind_check;
alter table inbox_messages add constraint inbox_messages_kind_check
  check (kind in ('licence-reminder', 'system', 'policy'));
alter table inbox_messages add column policy_id text;
alter table inbox_messages add column policy_delivery_id bigint unique;
