-- Passkeys (WebAuthn credentials) for sign-in. Portable SQL (H2 MODE=PostgreSQL and PostgreSQL).
-- Credential ids and user handles are kept as unpadded base64url text, which both databases index alike.
-- The COSE public key is not secret and stored as is; the name the user gave the passkey is personal
-- and sealed (AES-256-GCM, context passkeys.name:<credential id>).
create table passkeys (
    credential_id varchar(1400) primary key,
    user_id uuid not null references users (id) on delete cascade,
    user_handle varchar(88) not null,
    public_key bytea not null,
    signature_count bigint not null,
    transports varchar(200) not null,
    backup_eligible boolean not null,
    backup_state boolean not null,
    name bytea not null,
    created_at timestamp with time zone not null,
    last_used_at timestamp with time zone,
    constraint passkeys_signature_count check (signature_count >= 0 and signature_count <= 4294967295)
);
create index passkeys_user on passkeys (user_id);
create index passkeys_user_handle on passkeys (user_handle);
