-- Locks decided in one statement each, so that racing requests cannot exceed them (issue #10).

-- signing_pins.failed_attempts now counts the tries taken in the current lock window (a try is
-- counted before its PIN is checked), and the try that takes the fifth sets locked_until at once.
-- A row the old code left at five or more without a lock would refuse every try: lock it for the
-- usual 15 minutes instead, after which a new window opens.
update signing_pins set locked_until = now() + interval '15 minutes'
where failed_attempts >= 5 and locked_until is null;

-- Failed face verifications, counted per account and per client address, never per person named:
-- anyone may type someone else's name and ID number, and must not lock that person out. A
-- verification takes a slot before the provider is asked (attempts + 1) and gives it back unless
-- the face was a mismatch; the slot that reaches the limit sets locked_until.
create table face_attempt_counters (
  scope text not null check (scope in ('account', 'address')),
  -- The user id, or the client address (an IPv6 address by its /64).
  subject text not null,
  window_started_at timestamptz not null,
  attempts integer not null check (attempts >= 0),
  locked_until timestamptz,
  primary key (scope, subject)
);

-- The lock no longer counts face_sessions rows.
drop index face_sessions_user_recent_idx;
drop index face_sessions_person_recent_idx;
