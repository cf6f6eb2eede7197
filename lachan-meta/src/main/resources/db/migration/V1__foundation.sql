-- Lachan metadata schema, version 1: organizations, contact points, users, credentials, API tokens,
-- sessions, sign-in throttling and the audit trail.
-- One set of migrations for H2 (MODE=PostgreSQL) and PostgreSQL: portable SQL only.
-- Timestamps are timestamp with time zone, written in UTC. Columns holding personal data or
-- recoverable secrets are bytea: AES-256-GCM ciphertexts sealed by the repositories, with the table,
-- column and row in the associated data.

create table organizations (
    id uuid primary key,
    code varchar(32) not null,
    name varchar(200) not null,
    name_en varchar(200),
    kind varchar(32) not null,
    parent_id uuid references organizations (id),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint organizations_code_unique unique (code),
    constraint organizations_not_own_parent check (parent_id is null or parent_id <> id),
    constraint organizations_kind check (kind in ('PROVINCE', 'DEPARTMENT', 'COMMUNE', 'WARD',
        'PUBLIC_SERVICE_UNIT', 'ENTERPRISE', 'SOC'))
);
create index organizations_parent on organizations (parent_id);

-- Every version of a contact point is a row; the current one has the highest version.
create table contact_points (
    organization_id uuid not null references organizations (id),
    contact_type varchar(16) not null,
    version integer not null,
    full_name bytea not null,
    unit varchar(200) not null,
    position_title varchar(200) not null,
    address bytea,
    phone_fixed bytea,
    phone_mobile bytea not null,
    email bytea not null,
    published_url varchar(2000),
    changed_at timestamp with time zone not null,
    changed_by varchar(200) not null,
    constraint contact_points_pk primary key (organization_id, contact_type, version),
    constraint contact_points_type check (contact_type in ('UCSC_24_7', 'GIAM_SAT', 'DPO')),
    constraint contact_points_version check (version >= 1)
);

-- Usernames arrive normalized (lower case): the check keeps them so, the unique constraint makes
-- them unique regardless of the case they were typed in.
create table users (
    id uuid primary key,
    username varchar(64) not null,
    display_name bytea not null,
    email bytea,
    organization_id uuid not null references organizations (id),
    status varchar(16) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint users_username_unique unique (username),
    constraint users_username_lower check (username = lower(username)),
    constraint users_status check (status in ('ACTIVE', 'DISABLED'))
);
create index users_organization on users (organization_id);

create table user_roles (
    user_id uuid not null references users (id) on delete cascade,
    role varchar(32) not null,
    constraint user_roles_pk primary key (user_id, role)
);

create table credentials (
    user_id uuid primary key references users (id) on delete cascade,
    password_hash varchar(512),
    password_changed_at timestamp with time zone,
    totp_secret bytea,
    last_totp_step bigint not null default -1,
    failed_attempts integer not null default 0,
    locked_until timestamp with time zone,
    constraint credentials_failures check (failed_attempts >= 0)
);

create table recovery_codes (
    user_id uuid not null references users (id) on delete cascade,
    code_hash varchar(64) not null,
    constraint recovery_codes_pk primary key (user_id, code_hash)
);

create table api_tokens (
    id uuid primary key,
    name varchar(200) not null,
    selector varchar(32) not null,
    secret_hash varchar(64) not null,
    role varchar(32) not null,
    organization_id uuid not null references organizations (id),
    scopes varchar(500) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone,
    last_used_at timestamp with time zone,
    created_by uuid references users (id),
    constraint api_tokens_selector_unique unique (selector),
    constraint api_tokens_secret_hash check (char_length(secret_hash) = 64)
);
create index api_tokens_organization on api_tokens (organization_id);

create table sessions (
    id_hash varchar(64) primary key,
    user_id uuid not null references users (id) on delete cascade,
    created_at timestamp with time zone not null,
    last_seen_at timestamp with time zone not null,
    source_address bytea,
    user_agent varchar(256),
    constraint sessions_id_hash check (char_length(id_hash) = 64)
);
create index sessions_user on sessions (user_id);

-- Failed sign-ins counted per subject (an account or a client address, as a hash).
create table signin_throttle (
    subject varchar(128) primary key,
    failures integer not null,
    window_start timestamp with time zone not null,
    blocked_until timestamp with time zone,
    constraint signin_throttle_failures check (failures >= 0)
);

-- The audit trail: appended only. Each record names its predecessor, which must exist and be
-- exactly the sequence before it, so the database itself refuses a gap or a duplicate.
create table audit_records (
    sequence bigint primary key,
    previous_sequence bigint references audit_records (sequence),
    occurred_at timestamp with time zone not null,
    actor varchar(300) not null,
    action varchar(100) not null,
    target varchar(500),
    organization_id uuid,
    source_address varchar(64),
    outcome varchar(16) not null,
    previous_hash varchar(64) not null,
    hash varchar(64) not null,
    constraint audit_records_previous_unique unique (previous_sequence),
    constraint audit_records_hash_unique unique (hash),
    constraint audit_records_chain check ((sequence = 1 and previous_sequence is null)
        or (sequence > 1 and previous_sequence = sequence - 1)),
    constraint audit_records_outcome check (outcome in ('SUCCESS', 'FAILURE', 'DENIED'))
);

create table audit_details (
    sequence bigint not null references audit_records (sequence),
    detail_name varchar(100) not null,
    detail_value varchar(10000) not null,
    constraint audit_details_pk primary key (sequence, detail_name)
);

create table audit_checkpoints (
    sequence bigint primary key references audit_records (sequence),
    hash varchar(64) not null,
    signed_at timestamp with time zone not null,
    key_id varchar(64) not null,
    signature bytea not null
);
