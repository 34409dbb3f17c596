-- 订阅到日历: one secret feed URL per (user, scope), scope being one enterprise or all of the user's.
-- Only an HMAC of the token is kept (the URL is shown once, when made); regenerating replaces the
-- hash in place, so the old URL stops working in the same statement. What a feed shows is decided
-- when it is read (the user's roles then), never stored here.
create table calendar_feeds (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  -- null: every enterprise the user may act for
  enterprise_id uuid references enterprises (id) on delete cascade,
  -- 'all' or the enterprise id: the one-feed-per-scope key (a unique index ignores nulls)
  scope text not null,
  token_hash text not null unique,
  created_at timestamptz not null,
  unique (user_id, scope)
);

-- RFC 5545 SEQUENCE per event UID, shared by every feed showing the event: bumped (once, however
-- many feeds are read at once) when the event's date or text changes; changed_at is its DTSTAMP.
create table calendar_event_versions (
  uid text primary key,
  fingerprint text not null,
  sequence integer not null check (sequence >= 0),
  changed_at timestamptz not null
);
