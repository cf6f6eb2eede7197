-- Lachan metadata schema, version 4: indexes for searching the audit trail over HTTP
-- (GET /api/v1/audit with from/to, actor, action, target and the caller's organizations).
-- The trail is append-only; these indexes change no row. Portable SQL (H2 MODE=PostgreSQL, PostgreSQL).

create index audit_records_time on audit_records (occurred_at, sequence);
create index audit_records_actor on audit_records (actor, sequence);
create index audit_records_action on audit_records (action, sequence);
create index audit_records_target on audit_records (target, sequence);
create index audit_records_organization on audit_records (organization_id, sequence);
