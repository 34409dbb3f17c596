-- 扫码签章 — see what you sign: a document a system uploads with its task is kept (server/kernel/storage,
-- random key) so the person who scanned the task can open it before confirming. Null for a task
-- created by SM3 only.
alter table sign_tasks add column document_key text;
alter table sign_tasks add column document_type text;
alter table sign_tasks add column document_size integer;

-- 刷脸 — identity once: the person a user last passed a face verification as. The ID number is
-- needed in full for the next verification (the provider compares it with the face), so it is kept
-- sealed by the key vault (AES-256-GCM, bound to the user) beside its HMAC and masked form; it is
-- never returned to any client.
create table verified_identities (
  user_id uuid primary key references users (id) on delete cascade,
  person_name text not null,
  id_hash text not null,
  id_masked text not null,
  id_sealed text not null,
  verified_at timestamptz not null
);

-- The session holds the sealed ID number until it ends; a pass moves it to verified_identities.
alter table face_sessions add column id_sealed text;
