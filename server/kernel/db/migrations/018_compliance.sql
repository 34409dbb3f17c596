-- 合规日历 (issue #14): what the deadline rules of src/domain/compliance need to know about an
-- enterprise and what its people have done about each deadline. The deadlines themselves are never
-- stored: they are planned from these facts (planYear) whenever they are read.

-- TaxSettings (src/domain/compliance/taxFiling.ts), checked by taxSettingsProblems before it is
-- stored; entity_type is the 年报 rule's RegisteredEntityType.
create table compliance_profiles (
  enterprise_id uuid primary key references enterprises (id) on delete cascade,
  entity_type text not null default 'enterprise'
    check (entity_type in ('enterprise', 'individual-business', 'cooperative')),
  tax_settings jsonb,
  updated_at timestamptz not null,
  updated_by uuid references users (id) on delete set null
);

-- PenaltyRecord (src/domain/compliance/creditRepair.ts): an administrative penalty the owner recorded.
create table compliance_penalties (
  id uuid primary key,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  decided_on date not null,
  field text not null check (field in ('general', 'special-equipment', 'work-safety', 'fire-safety')),
  simple_procedure boolean not null,
  decision_number text check (decision_number is null or char_length(decision_number) between 1 and 64),
  created_at timestamptz not null,
  created_by uuid references users (id) on delete set null
);
create index compliance_penalties_enterprise_idx on compliance_penalties (enterprise_id, decided_on);

-- 年报 已报送, per enterprise and report year (the year reported on: filed in report_year + 1).
-- We cannot query the publicity system: the owner says so. Deleting the row is 撤销.
create table annual_report_filings (
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  report_year integer not null check (report_year between 1900 and 2100),
  marked_at timestamptz not null,
  marked_by uuid references users (id) on delete set null,
  primary key (enterprise_id, report_year)
);

-- The user-chosen 年报 reminder days of a window year (replacing the defaults), checked by
-- annualReportReminderProblems: an array of 'YYYY-MM-DD'.
create table annual_report_reminder_days (
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  window_year integer not null check (window_year between 1900 and 2100),
  days jsonb not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, window_year)
);

-- 已办 / 稍后提醒 per deadline (item_key is the ComplianceItem's sourceId, or the licence deadline's
-- key). A row per (enterprise, item): twelve identical requests leave one row; 撤销 deletes it.
create table compliance_item_states (
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  item_key text not null check (char_length(item_key) between 1 and 200),
  state text not null check (state in ('done', 'snoozed')),
  snoozed_until date,
  updated_at timestamptz not null,
  updated_by uuid references users (id) on delete set null,
  primary key (enterprise_id, item_key),
  check ((state = 'snoozed') = (snoozed_until is not null))
);
