-- 用章规则 and 双人审批 (issue #15 items 7, 8) and grant expiry notices (item 9).

-- One row per seal that has rules: the legal representative's SealRules (src/domain/signing/sealRules.ts),
-- checked at the door before being stored. No row: no rules.
create table seal_rules (
  seal_id uuid primary key references seals (id) on delete cascade,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  rules jsonb not null,
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz not null default now()
);

-- Signatures made with a seal per China calendar day, counted by a conditional upsert in the signing
-- transaction, so twelve confirmations at once against a limit of N leave exactly N.
create table seal_daily_use (
  seal_id uuid not null references seals (id) on delete cascade,
  day date not null,
  used integer not null,
  primary key (seal_id, day)
);

-- What the system says of the document (optional): a type from DOCUMENT_TYPES and an amount in fen.
alter table sign_tasks add column document_category text
  check (document_category in ('contract', 'letter', 'certificate', 'finance', 'other'));
alter table sign_tasks add column amount_fen bigint check (amount_fen >= 0);
-- Why the rules refused it (SealRuleRefusal), for a task ended by a rule rather than a person.
alter table sign_tasks add column refusal_code text;
-- 双人审批: the first of two confirmations; the task waits ('awaiting_second') until another person confirms.
alter table sign_tasks add column first_approved_by uuid references users (id) on delete set null;
alter table sign_tasks add column first_approved_at timestamptz;
alter table sign_tasks add column first_approved_via text check (first_approved_via in ('face', 'pin'));
alter table sign_tasks drop constraint sign_tasks_status_check;
alter table sign_tasks add constraint sign_tasks_status_check
  check (status in ('pending', 'scanned', 'awaiting_second', 'signed', 'rejected', 'expired'));
drop index sign_tasks_open_idx;
create index sign_tasks_open_idx on sign_tasks (expires_at) where status in ('pending', 'scanned', 'awaiting_second');

-- Refused attempts ('refused', with a machine-readable reason_code), approvals and rule changes.
alter table seal_audit drop constraint seal_audit_action_check;
alter table seal_audit add constraint seal_audit_action_check
  check (action in ('claim', 'grant', 'grant-accepted', 'revoke', 'sign', 'reject', 'pin-failed', 'face-failed',
    'refused', 'approve', 'rules'));
alter table seal_audit add column reason_code text;

-- A grant's "ends soon" notice, once per grant, person and end date (a re-run or a second instance adds nothing).
create table grant_expiry_notices (
  grant_id uuid not null references seal_grants (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  valid_until date not null,
  created_at timestamptz not null default now(),
  primary key (grant_id, user_id, valid_until)
);
