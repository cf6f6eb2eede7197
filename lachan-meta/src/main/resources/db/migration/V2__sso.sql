-- Lachan metadata schema, version 2: single sign-on. Which OpenID Connect identity (issuer, subject)
-- belongs to which account. Portable SQL for H2 (MODE=PostgreSQL) and PostgreSQL.

create table identity_links (
    issuer varchar(2000) not null,
    subject varchar(255) not null,
    user_id uuid not null references users (id) on delete cascade,
    provider varchar(32) not null,
    created_at timestamp with time zone not null,
    last_sign_in_at timestamp with time zone not null,
    constraint identity_links_pk primary key (issuer, subject)
);
create index identity_links_user on identity_links (user_id);
