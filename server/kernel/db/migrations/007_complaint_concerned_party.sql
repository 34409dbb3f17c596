-- 有诉即办: the department or enterprise a complaint concerns (optional, as the submitter named it).
-- A place typed as text needs no column: complaints.location (jsonb) holds the address with null
-- coordinates. The anonymous query code stays a hash: the server derives the code from the
-- complaint id under its secret, so an idempotent replay of the submission can answer with it again.
alter table complaints add column concerned_party text;
alter table complaints add constraint complaints_concerned_party_length
  check (concerned_party is null or char_length(concerned_party) between 1 and 100);
