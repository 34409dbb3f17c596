-- 注销 / 重新制章 (issue #15 item 1): a face check may be for revoking a seal, and the seal audit
-- records a seal's revocation ('seal-revoke', distinct from a grant's 'revoke').
alter table face_sessions drop constraint face_sessions_purpose_check;
alter table face_sessions add constraint face_sessions_purpose_check
  check (purpose ~ '^(login|claim-seal|claim-signature|grant|seal-revoke|sign:[0-9a-f-]{36})$');
alter table seal_audit drop constraint seal_audit_action_check;
alter table seal_audit add constraint seal_audit_action_check
  check (action in ('claim', 'grant', 'grant-accepted', 'revoke', 'sign', 'reject', 'pin-failed', 'face-failed',
    'refused', 'approve', 'rules', 'seal-revoke'));
-- Why a seal was revoked (required when the legal representative revokes or replaces it).
alter table seals add column revoke_reason text;
alter table seals add column replaced_by uuid references seals (id);
alter table personal_signatures add column revoke_reason text;
