-- Calendar feed (issue #14 item 15): a stamp per scope of the feed's inputs — 'e:<enterprise id>'
-- for an enterprise's own facts, 'u:<user id>' for a user's, 'global' for what every feed reads —
-- set to a fresh value of one sequence by every committed write to those inputs. A feed read
-- compares the stamps of its scopes (with its links, roles and today) to what it planned last and
-- skips planning when nothing moved (server/capabilities/compliance/calendar-feed/feed-inputs.ts).
--
-- A stamp only ever takes values never seen before, so a set of stamps is never met again after a
-- write — not even when the write is undone (已办 then 撤销): a cached plan can never come back
-- with an older SEQUENCE. The triggers are deferred to commit, so the stamp row is locked only
-- while the writing transaction commits, after all of its own writes (no lock order with them).
create sequence calendar_feed_stamp_seq;

create table calendar_feed_stamps (
  scope text primary key,
  stamp bigint not null
);

-- tg_argv: 'global', or the scope's prefix ('e', 'u') and the column holding its id.
create function calendar_feed_touch() returns trigger language plpgsql as $$
declare
  scopes text[] := '{}';
begin
  if tg_argv[0] = 'global' then
    scopes := array['global'];
  else
    if tg_op <> 'INSERT' then
      scopes := scopes || (tg_argv[0] || ':' || (to_jsonb(old) ->> tg_argv[1]));
    end if;
    if tg_op <> 'DELETE' then
      scopes := scopes || (tg_argv[0] || ':' || (to_jsonb(new) ->> tg_argv[1]));
    end if;
  end if;
  insert into calendar_feed_stamps (scope, stamp)
    select scope, nextval('calendar_feed_stamp_seq')
    from (select distinct scope from unnest(scopes) as s(scope) where scope is not null) as d
    order by scope
  on conflict (scope) do update set stamp = excluded.stamp;
  return null;
end
$$;

-- Every table a feed's planning reads, but the ones read afresh at every feed read (calendar_feeds,
-- user_enterprises, seal_grants) and calendar_event_versions (written by the reads themselves).
-- A new input of the feed needs its trigger here (tests/server/calendar-feed-inputs.test.ts fails
-- until it has one).
create constraint trigger calendar_feed_enterprises after insert or update or delete on enterprises
  deferrable initially deferred for each row execute function calendar_feed_touch('e', 'id');
create constraint trigger calendar_feed_licences after insert or update or delete on licences
  deferrable initially deferred for each row execute function calendar_feed_touch('e', 'enterprise_id');
create constraint trigger calendar_feed_compliance_profiles after insert or update or delete on compliance_profiles
  deferrable initially deferred for each row execute function calendar_feed_touch('e', 'enterprise_id');
create constraint trigger calendar_feed_compliance_penalties after insert or update or delete on compliance_penalties
  deferrable initially deferred for each row execute function calendar_feed_touch('e', 'enterprise_id');
create constraint trigger calendar_feed_annual_report_filings after insert or update or delete on annual_report_filings
  deferrable initially deferred for each row execute function calendar_feed_touch('e', 'enterprise_id');
create constraint trigger calendar_feed_annual_report_reminder_days
  after insert or update or delete on annual_report_reminder_days
  deferrable initially deferred for each row execute function calendar_feed_touch('e', 'enterprise_id');
create constraint trigger calendar_feed_compliance_item_states after insert or update or delete on compliance_item_states
  deferrable initially deferred for each row execute function calendar_feed_touch('e', 'enterprise_id');
create constraint trigger calendar_feed_enterprise_policy_facts
  after insert or update or delete on enterprise_policy_facts
  deferrable initially deferred for each row execute function calendar_feed_touch('e', 'enterprise_id');
create constraint trigger calendar_feed_users after update on users
  deferrable initially deferred for each row
  when (old.current_enterprise_id is distinct from new.current_enterprise_id)
  execute function calendar_feed_touch('u', 'id');
create constraint trigger calendar_feed_reminder_settings after insert or update or delete on reminder_settings
  deferrable initially deferred for each row execute function calendar_feed_touch('u', 'user_id');
create constraint trigger calendar_feed_policy_favourites after insert or update or delete on policy_favourites
  deferrable initially deferred for each row execute function calendar_feed_touch('u', 'user_id');
create constraint trigger calendar_feed_complaints after insert or update or delete on complaints
  deferrable initially deferred for each row execute function calendar_feed_touch('u', 'user_id');
create constraint trigger calendar_feed_policies after insert or update or delete on policies
  deferrable initially deferred for each row execute function calendar_feed_touch('global');
create constraint trigger calendar_feed_licence_type_overrides after insert or update or delete on licence_type_overrides
  deferrable initially deferred for each row execute function calendar_feed_touch('global');
