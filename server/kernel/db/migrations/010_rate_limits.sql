-- Per-address request limits (login, 查询码, …) shared by every server instance: one row per
-- (route, client) key, counting the hits of its current window. A window starts at the key's first
-- hit and lasts the route's timeWindow (as @fastify/rate-limit's in-memory store counts); times are
-- milliseconds since the epoch, as the application clock gives them. See server/kernel/http/db-rate-limit-store.ts.
create table rate_limit_hits (
  key text primary key,
  count integer not null check (count > 0),
  expires_at bigint not null
);
create index rate_limit_hits_expires_idx on rate_limit_hits (expires_at);
