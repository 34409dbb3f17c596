-- 验章 by the SES_Signature file alone (server/capabilities/esign/signing/verification-der.ts) finds our record by the
-- seal or personal signature the file names and its signing time. Public and without login: without
-- these indexes each such request read the whole signature_records table (found by the stranger
-- review of issue #15). PostgreSQL combines the two for the query's "seal_id = $1 or
-- personal_signature_id = $1" (a BitmapOr).
create index signature_records_seal_signed_idx on signature_records (seal_id, signed_at);
create index signature_records_personal_signed_idx on signature_records (personal_signature_id, signed_at);
