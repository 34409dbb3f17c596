-- 有诉即办: a complaint keeps the limits it was submitted under (docs/domain.md §5). Changing a
-- category's days or the 回访 limits (COMPLAINT_RULES) then changes them for new cases only; before
-- this, every open case's due date moved with the table. All counted in working days.
alter table complaints add column time_limit_working_days integer;
alter table complaints add column call_back_working_days integer;
alter table complaints add column rectify_working_days integer;

-- Existing cases: the table in force until now, the defaults of src/domain/complaints/categories.ts
-- (there was no way to configure another), for the category the case has now.
update complaints set
  time_limit_working_days = case case_data ->> 'category'
    when 'enquiry' then 3
    when 'help' then 5
    when 'complaint' then 13
    when 'suggestion' then 15
    when 'urgent' then 1
  end,
  call_back_working_days = 1,
  rectify_working_days = 15;

alter table complaints alter column time_limit_working_days set not null;
alter table complaints alter column call_back_working_days set not null;
alter table complaints alter column rectify_working_days set not null;
alter table complaints add constraint complaints_limits_range check (
  time_limit_working_days between 1 and 60
  and call_back_working_days between 1 and 60
  and rectify_working_days between call_back_working_days and 60
);
