-- 刷脸办事 (face verification), 电子印章 (e-seals), 电子签名 (personal signatures), 扫码签章 (sign tasks).
-- Personal data rules (PIPL): no face image is ever stored; ID numbers and phone numbers appear
-- here only as HMAC-SHA256 under the server's ID_HASH_SECRET plus a masked form.

-- Who the registry says the legal representative is, as an ID-number HMAC (compared, never shown).
alter table enterprises add column legal_representative_id_hash text;

-- One face verification: requested by a user, for a purpose, of a person.
create table face_sessions (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  purpose text not null check (purpose ~ '^(login|claim-seal|claim-signature|grant|sign:[0-9a-f-]{36})$'),
  provider text not null check (provider in ('wechat', 'alipay', 'sandbox')),
  person_name text not null,
  id_hash text not null,
  id_masked text not null,
  -- Optional context, so a failure can be written to that enterprise's seal audit.
  enterprise_id uuid references enterprises (id) on delete set null,
  -- What the provider query needs (verify id, out_seq_no, cert hash…), sealed by the key vault
  -- and erased once the session ends.
  provider_state text,
  status text not null default 'pending'
    check (status in ('pending', 'passed', 'mismatch', 'cancelled', 'error')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  completed_at timestamptz
);
create index face_sessions_user_recent_idx on face_sessions (user_id, completed_at) where status = 'mismatch';
create index face_sessions_person_recent_idx on face_sessions (id_hash, completed_at) where status = 'mismatch';

-- What a passed verification yields: a single-use, single-purpose, short-lived ticket (hash only).
create table face_tickets (
  token_hash text primary key,
  session_id uuid not null references face_sessions (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  purpose text not null,
  person_name text not null,
  id_hash text not null,
  id_masked text not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index face_tickets_expires_idx on face_tickets (expires_at);

-- Enterprise e-seals (SESeal essentials of GB/T 38540). The private key is AES-256-GCM sealed.
create table seals (
  id uuid primary key,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  type text not null check (type in ('official', 'finance', 'contract', 'legal_representative')),
  name text not null,
  holder_uscc char(18) not null,
  image_svg text not null,
  public_key_hex text not null,
  private_key_sealed text not null,
  valid_from timestamptz not null,
  valid_to timestamptz not null,
  claimed_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create unique index seals_live_type_key on seals (enterprise_id, type) where revoked_at is null;

-- A person's own signature, held like a seal.
create table personal_signatures (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  holder_name text not null,
  id_hash text not null,
  id_masked text not null,
  image_kind text not null check (image_kind in ('drawn', 'name')),
  image_svg text not null,
  public_key_hex text not null,
  private_key_sealed text not null,
  valid_from timestamptz not null,
  valid_to timestamptz not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create unique index personal_signatures_live_user_key on personal_signatures (user_id) where revoked_at is null;

-- The person's 6-digit signing PIN (scrypt), one per user for their seals and signature.
create table signing_pins (
  user_id uuid primary key references users (id) on delete cascade,
  pin_hash text not null,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  updated_at timestamptz not null default now()
);

-- A legal representative lets a handler use some seals until a date. By phone the grantee is
-- known at once; by invite code when the handler redeems it (code stored as a hash).
create table seal_grants (
  id uuid primary key,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  granted_by uuid references users (id) on delete set null,
  grantee_user_id uuid references users (id) on delete cascade,
  invite_code_hash text unique,
  invite_expires_at timestamptz,
  valid_until timestamptz not null,
  created_at timestamptz not null default now(),
  accepted_at timestamptz,
  revoked_at timestamptz,
  check (grantee_user_id is not null or invite_code_hash is not null)
);
create index seal_grants_enterprise_idx on seal_grants (enterprise_id, created_at desc);
create index seal_grants_grantee_idx on seal_grants (grantee_user_id) where revoked_at is null;

create table seal_grant_seals (
  grant_id uuid not null references seal_grants (id) on delete cascade,
  seal_id uuid not null references seals (id) on delete cascade,
  primary key (grant_id, seal_id)
);

-- Evidence of everything done with an enterprise's seals, for its legal representative.
create table seal_audit (
  id bigserial primary key,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  action text not null
    check (action in ('claim', 'grant', 'grant-accepted', 'revoke', 'sign', 'reject', 'pin-failed', 'face-failed')),
  actor_user_id uuid references users (id) on delete set null,
  seal_id uuid,
  grant_id uuid,
  task_id uuid,
  -- Chinese, for people; masked personal data only.
  detail text not null,
  created_at timestamptz not null default now()
);
create index seal_audit_enterprise_idx on seal_audit (enterprise_id, id desc);

-- 扫码签章: a document (by SM3) an external system wants signed by an enterprise's seals and/or
-- people's signatures. The QR carries a single-use ticket, stored as a hash. 'expired' is
-- written by the sweep; until then an open task past expires_at reads as expired.
create table sign_tasks (
  id uuid primary key,
  system_id uuid not null references systems (id) on delete cascade,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  document_name text not null,
  document_sm3 char(64) not null,
  ticket_hash text not null unique,
  expires_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending', 'scanned', 'signed', 'rejected', 'expired')),
  scanned_by uuid references users (id) on delete set null,
  scanned_at timestamptz,
  finished_at timestamptz,
  reject_reason text,
  callback_url text,
  callback_state text check (callback_state in ('pending', 'delivered', 'failed')),
  callback_attempts integer not null default 0,
  callback_next_at timestamptz,
  created_at timestamptz not null default now()
);
create index sign_tasks_open_idx on sign_tasks (expires_at) where status in ('pending', 'scanned');
create index sign_tasks_callback_idx on sign_tasks (callback_next_at) where callback_state = 'pending';

-- The signatures a task needs, in order: a seal of a type, or a person's signature.
create table sign_task_signers (
  task_id uuid not null references sign_tasks (id) on delete cascade,
  position integer not null,
  kind text not null check (kind in ('seal', 'personal')),
  seal_type text check (seal_type in ('official', 'finance', 'contract', 'legal_representative')),
  role text check (role in ('legal_representative', 'handler')),
  phone_hash text,
  phone_masked text,
  primary key (task_id, position),
  check ((kind = 'seal') = (seal_type is not null) and (kind = 'personal') = (role is not null))
);

-- One signature per signer slot, as produced (SES_Signature: tbs bytes + SM2 signature).
create table signature_records (
  id uuid primary key,
  task_id uuid not null references sign_tasks (id) on delete cascade,
  position integer not null,
  seal_id uuid references seals (id),
  personal_signature_id uuid references personal_signatures (id),
  signer_user_id uuid references users (id) on delete set null,
  tbs text not null,
  signature text not null,
  signed_at timestamptz not null,
  created_at timestamptz not null default now(),
  unique (task_id, position),
  check ((seal_id is null) <> (personal_signature_id is null))
);
create index signature_records_signature_idx on signature_records (signature);
