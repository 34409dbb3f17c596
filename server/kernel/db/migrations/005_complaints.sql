-- 有诉即办: complaints, their timeline, photo attachments; inbox messages may link to a complaint.

-- case_data is a ComplaintCase (src/domain/complaints/complaintCase.ts), changed only through
-- transition(); state is copied out of it for filtering. Anonymous cases keep user_id (for
-- scoping and idempotency) but are never shown with identity; query_code_hash is the SHA-256 of
-- the query code the anonymous submitter follows the case with.
create table complaints (
  id uuid primary key,
  seq bigserial not null unique,
  user_id uuid not null references users (id) on delete cascade,
  idempotency_key text not null,
  -- SHA-256 of the submitted body: the key reused for a different submission is a 409
  request_hash text not null,
  anonymous boolean not null,
  query_code_hash text unique,
  title text not null,
  description text not null,
  contact_phone text,
  location jsonb,
  state text not null,
  case_data jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- 50 concurrent retries of one submission make one complaint.
  unique (user_id, idempotency_key),
  check (anonymous = (query_code_hash is not null))
);
create index complaints_user_idx on complaints (user_id, seq desc);
create index complaints_state_idx on complaints (state);

create table complaint_timeline (
  id bigserial primary key,
  complaint_id uuid not null references complaints (id) on delete cascade,
  entry jsonb not null,
  -- X-Staff-Name of the staff member who took the step; null for the submitter and the system
  staff_name text,
  created_at timestamptz not null default now()
);
create index complaint_timeline_complaint_idx on complaint_timeline (complaint_id, id);

-- Uploaded before the complaint is submitted, then claimed by it (complaint_id set once).
-- storage_key is a random name; mime_type is what the bytes were sniffed as.
create table complaint_attachments (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  complaint_id uuid references complaints (id) on delete cascade,
  storage_key text not null unique,
  mime_type text not null check (mime_type in ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer not null check (size_bytes > 0 and size_bytes <= 5242880),
  position smallint,
  created_at timestamptz not null default now()
);
create index complaint_attachments_complaint_idx on complaint_attachments (complaint_id);

alter table inbox_messages drop constraint inbox_messages_kind_check;
alter table inbox_messages add constraint inbox_messages_kind_check
  check (kind in ('licence-reminder', 'system', 'policy', 'complaint'));
alter table inbox_messages add column complaint_id uuid;
