-- Foundation: users and their platform identities, sessions, consent, enterprises, external systems.

create table users (
  id uuid primary key,
  name text,
  -- Sensitive personal data (PIPL): never returned or logged in full.
  phone text unique,
  id_number text,
  consent_accepted boolean not null default false,
  consent_version text,
  consent_at timestamptz,
  current_enterprise_id uuid,
  created_at timestamptz not null default now()
);

-- One user may log in from several platforms; WeChat openid and Alipay user id are per platform.
create table user_identities (
  platform text not null check (platform in ('weapp', 'alipay', 'h5')),
  subject text not null,
  union_id text,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (platform, subject)
);
create index user_identities_user_idx on user_identities (user_id);

-- Only the SHA-256 of the bearer token is stored, so a database leak yields no usable session.
create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  platform text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

-- Every consent given or withdrawn, kept as evidence (PIPL art. 14/15).
create table consent_records (
  id bigserial primary key,
  user_id uuid not null references users (id) on delete cascade,
  version text not null,
  accepted boolean not null,
  recorded_at timestamptz not null default now()
);

create table enterprises (
  id uuid primary key,
  name text not null,
  uscc char(18) not null unique,
  legal_representative text not null,
  industry_code text not null,
  industry_name text not null,
  address text not null,
  region text not null,
  registered_capital_wan numeric(14, 2) not null,
  founded_on date not null,
  employees integer,
  created_at timestamptz not null default now()
);

create table user_enterprises (
  user_id uuid not null references users (id) on delete cascade,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  role text not null check (role in ('legal_representative', 'agent', 'handler', 'staff')),
  created_at timestamptz not null default now(),
  primary key (user_id, enterprise_id)
);
create index user_enterprises_enterprise_idx on user_enterprises (enterprise_id);

alter table users add constraint users_current_enterprise_fk
  foreign key (current_enterprise_id) references enterprises (id) on delete set null;

-- External systems (document platforms, licence registries) calling in with an API key.
create table systems (
  id uuid primary key,
  name text not null,
  scopes text[] not null,
  key_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
