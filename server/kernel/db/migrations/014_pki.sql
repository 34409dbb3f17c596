-- 印章证书 (seal CA): one X.509 certificate per seal and per personal signature, issued by the
-- seal CA (server/capabilities/esign/pki), with the GB/T 38540 SES_Seal (印章数据) that carries it, signed by the
-- maker. A certificate is revoked when its own revoked_at is set or when its seal or signature is
-- revoked: the CRL reads both, so every path that revokes a seal revokes its certificate.
create table pki_certificates (
  serial text primary key check (serial ~ '^[0-9a-f]{2,40}$'),
  seal_id uuid references seals (id) on delete cascade,
  personal_signature_id uuid references personal_signatures (id) on delete cascade,
  -- Base64 DER.
  certificate text not null,
  ses_seal text not null,
  not_before timestamptz not null,
  not_after timestamptz not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  check ((seal_id is null) <> (personal_signature_id is null))
);
create unique index pki_certificates_live_seal_key on pki_certificates (seal_id) where revoked_at is null;
create unique index pki_certificates_live_signature_key on pki_certificates (personal_signature_id)
  where revoked_at is null;

-- 签章数据: the DER SES_Signature (with its RFC 3161 timestamp) beside the readable JSON record.
alter table signature_records add column ses_signature text;
