-- ONE outbox (issue #13 items 5–6): the four older delivery tables — reminder_deliveries (证照续期提醒),
-- policy_deliveries (新政策), complaint_notices (诉求进展), seal_notices (用章报告 / 用章提醒) — are
-- moved into `outbox` (022), every row with its delivery columns and sent history, and dropped. Each
-- purpose's dedupe key keeps the old table's uniqueness, so a run after this migration writes
-- nothing that was written before and sends nothing that was sent:
--   licence-reminder    '<licence>:<offset key>:<deadline>'  (licence, offset, user, channel, deadline)
--   policy              '<policy>:<enterprise>'              (policy, enterprise, user, channel); the
--                       weekly digest's rows are this purpose too (payload.digest): one policy is
--                       announced once per enterprise, user and channel whichever way it went
--   complaint-progress  '<complaint>:<timeline step>'        (complaint, step, channel; one user each)
--   seal-report / seal-alert  the old `source`                (source, user, channel)
-- Inbox messages of moved rows point at their outbox row (inbox_messages.outbox_id); the two
-- columns they used before (delivery_id, policy_delivery_id) go. run_date of a moved policy, complaint
-- or seal row: the China day it was written.

-- The subscription template a platform row was written for (checked for a subscription left at
-- that moment); null: the purpose's configured template at send time (compliance reminders).
alter table outbox add column template_id text;

insert into outbox (purpose, dedupe_key, user_id, enterprise_id, channel, payload, run_date, status, attempts,
  quota_taken, last_error, created_at, claimed_at, sent_at)
select 'licence-reminder', d.licence_id::text || ':' || d.offset_key || ':' || to_char(d.deadline, 'YYYY-MM-DD'),
  d.user_id, l.enterprise_id, d.channel,
  jsonb_build_object('licenceId', d.licence_id, 'offsetKey', d.offset_key, 'deadline', to_char(d.deadline, 'YYYY-MM-DD')),
  d.run_date, d.status, d.attempts, d.quota_taken, d.last_error, d.created_at, d.claimed_at, d.sent_at
from reminder_deliveries d join licences l on l.id = d.licence_id
order by d.id;

update inbox_messages m set outbox_id = o.id
from reminder_deliveries d
join outbox o on o.purpose = 'licence-reminder' and o.user_id = d.user_id and o.channel = d.channel
  and o.dedupe_key = d.licence_id::text || ':' || d.offset_key || ':' || to_char(d.deadline, 'YYYY-MM-DD')
where m.delivery_id = d.id;

insert into outbox (purpose, dedupe_key, user_id, enterprise_id, channel, payload, run_date, status, attempts,
  quota_taken, last_error, template_id, created_at, claimed_at, sent_at)
select 'policy', d.policy_id || ':' || d.enterprise_id::text, d.user_id, d.enterprise_id, d.channel,
  jsonb_build_object('policyId', d.policy_id, 'verdict', d.verdict, 'digest', d.digest),
  ((d.created_at at time zone 'UTC') + interval '8 hours')::date, d.status, d.attempts, d.quota_taken, d.last_error, d.template_id,
  d.created_at, d.claimed_at, d.sent_at
from policy_deliveries d
order by d.id;

update inbox_messages m set outbox_id = o.id
from policy_deliveries d
join outbox o on o.purpose = 'policy' and o.user_id = d.user_id and o.channel = d.channel
  and o.dedupe_key = d.policy_id || ':' || d.enterprise_id::text
where m.policy_delivery_id = d.id;

insert into outbox (purpose, dedupe_key, user_id, enterprise_id, channel, payload, run_date, status, attempts,
  quota_taken, last_error, template_id, created_at, claimed_at, sent_at)
select 'complaint-progress', n.complaint_id::text || ':' || n.event_id::text, n.user_id, null, n.channel,
  jsonb_build_object('complaintId', n.complaint_id, 'eventId', n.event_id::text),
  ((n.created_at at time zone 'UTC') + interval '8 hours')::date, n.status, n.attempts, n.quota_taken, n.last_error, n.template_id,
  n.created_at, n.claimed_at, n.sent_at
from complaint_notices n
order by n.id;

insert into outbox (purpose, dedupe_key, user_id, enterprise_id, channel, payload, run_date, status, attempts,
  quota_taken, last_error, template_id, created_at, claimed_at, sent_at)
select case when n.source like 'report:%' then 'seal-report' else 'seal-alert' end, n.source, n.user_id,
  n.enterprise_id, n.channel, jsonb_build_object('page', n.page, 'fieldValues', n.field_values),
  ((n.created_at at time zone 'UTC') + interval '8 hours')::date, n.status, n.attempts, n.quota_taken, n.last_error, n.template_id,
  n.created_at, n.claimed_at, n.sent_at
from seal_notices n
order by n.id;

-- A 合规提醒 of 年报, 纳税申报 or 信用修复 opens its item (the compliance detail page of the message's
-- enterprise, the item's key and day); before, such a message linked nowhere.
alter table inbox_messages add column compliance_key text;
alter table inbox_messages add column compliance_date date;

alter table inbox_messages drop column delivery_id;
alter table inbox_messages drop column policy_delivery_id;
drop table reminder_deliveries;
drop table policy_deliveries;
drop table complaint_notices;
drop table seal_notices;

-- What the moved purposes look up (the older tables' indexes, on the payload's keys).
create index outbox_unsent_idx on outbox (purpose, id) where status in ('pending', 'sending', 'failed');
-- "Has this user had this policy on this channel (under any enterprise)?", asked per candidate at every push.
create index outbox_policy_user_idx on outbox ((payload ->> 'policyId'), user_id, channel)
  where purpose = 'policy' and channel <> 'inbox';
create index outbox_complaint_idx on outbox ((payload ->> 'complaintId')) where purpose = 'complaint-progress';

-- Per-purpose readings of the payload, for people (admins, tests) inspecting deliveries: no code
-- writes through them. The names say what they are; the old table names are not kept.
create view licence_reminder_outbox as
  select id, (payload ->> 'licenceId')::uuid as licence_id, payload ->> 'offsetKey' as offset_key, user_id,
    enterprise_id, channel, (payload ->> 'deadline')::date as deadline, run_date, status, attempts, quota_taken,
    last_error, created_at, claimed_at, sent_at
  from outbox where purpose = 'licence-reminder';

create view policy_outbox as
  select id, payload ->> 'policyId' as policy_id, enterprise_id, user_id, channel, payload ->> 'verdict' as verdict,
    (payload ->> 'digest')::boolean as digest, template_id, status, attempts, quota_taken, last_error, created_at,
    claimed_at, sent_at
  from outbox where purpose = 'policy';

create view complaint_notice_outbox as
  select id, (payload ->> 'complaintId')::uuid as complaint_id, (payload ->> 'eventId')::bigint as event_id, user_id,
    channel, template_id, status, attempts, quota_taken, last_error, created_at, claimed_at, sent_at
  from outbox where purpose = 'complaint-progress';

create view seal_notice_outbox as
  select id, dedupe_key as source, enterprise_id, user_id, channel, template_id, payload ->> 'page' as page,
    payload -> 'fieldValues' as field_values, status, attempts, quota_taken, last_error, created_at, claimed_at,
    sent_at
  from outbox where purpose in ('seal-report', 'seal-alert');
