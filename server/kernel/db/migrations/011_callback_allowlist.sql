-- 签章任务回调: an optional per-system allowlist of callback host names (exact, lower case), set by
-- an administrator. Null: any public host; an empty list: no callbacks at all. Whatever the list
-- says, a callback never goes to a loopback, private, link-local or metadata address.
alter table systems add column callback_hosts text[];
