package vn.lachan.meta.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.internal.SqlStates;
import vn.lachan.security.audit.AuditCheckpoint;
import vn.lachan.security.audit.AuditQuery;
import vn.lachan.security.audit.AuditRecord;
import vn.lachan.security.audit.AuditStore;
import vn.lachan.security.audit.Outcome;

/**
 * Stores the audit trail in the metadata database; it only ever inserts.
 *
 * <p>Thread-safe. The schema itself refuses a gap or a duplicate: each row names its predecessor
 * ({@code previous_sequence = sequence - 1}, a foreign key), the sequence is the primary key. This
 * class checks the same first so that the refusal names both sequences.
 */
public final class JdbcAuditStore implements AuditStore {
    private static final String COLUMNS = "sequence, occurred_at, actor, action, target, organization_id,"
            + " source_address, outcome, previous_hash, hash";

    private final Jdbi jdbi;

    /** Creates the store over an open database. */
    public JdbcAuditStore(MetaDatabase database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void append(AuditRecord record) {
        try {
            jdbi.useTransaction(h -> insert(h, record));
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isDuplicate(e) || SqlStates.isMissingReference(e)) {
                throw new IllegalStateException(
                        "audit record " + record.sequence()
                                + " refused: another record was appended at the same time or the trail has a gap",
                        e);
            }
            throw e;
        }
    }

    private static void insert(Handle h, AuditRecord record) {
        long last = h.createQuery("select coalesce(max(sequence), 0) from audit_records")
                .mapTo(Long.class)
                .one();
        if (record.sequence() != last + 1) {
            throw new IllegalStateException("audit record " + record.sequence() + " refused: the trail ends at " + last
                    + ", the next record must be " + (last + 1));
        }
        h.createUpdate("insert into audit_records (" + COLUMNS + ", previous_sequence) values (:sequence, :time,"
                        + " :actor, :action, :target, :organization, :sourceAddress, :outcome, :previousHash, :hash,"
                        + " :previous)")
                .bindMethods(record)
                .bind("outcome", record.outcome().name())
                .bindByType("organization", record.organization(), UUID.class)
                .bindByType("previous", record.sequence() == 1 ? null : record.sequence() - 1, Long.class)
                .execute();
        var batch = h.prepareBatch(
                "insert into audit_details (sequence, detail_name, detail_value) values (:sequence, :name, :value)");
        record.details()
                .forEach((name, value) -> batch.bind("sequence", record.sequence())
                        .bind("name", name)
                        .bind("value", value)
                        .add());
        if (!record.details().isEmpty()) {
            batch.execute();
        }
    }

    @Override
    public List<AuditRecord> range(long fromSequence, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        long to = fromSequence + limit - 1;
        return jdbi.withHandle(h -> {
            Map<Long, Map<String, String>> details = new HashMap<>();
            h.createQuery("select sequence, detail_name, detail_value from audit_details"
                            + " where sequence between :from and :to")
                    .bind("from", fromSequence)
                    .bind("to", to)
                    .map((rs, ctx) -> details.computeIfAbsent(rs.getLong("sequence"), s -> new TreeMap<>())
                            .put(rs.getString("detail_name"), rs.getString("detail_value")))
                    .list();
            return h.createQuery("select " + COLUMNS + " from audit_records"
                            + " where sequence between :from and :to order by sequence")
                    .bind("from", fromSequence)
                    .bind("to", to)
                    .map((rs, ctx) -> record(rs, details.getOrDefault(rs.getLong("sequence"), Map.of())))
                    .list();
        });
    }

    @Override
    public List<AuditRecord> search(AuditQuery query) {
        Set<UUID> organizations = query.organizations();
        if (organizations != null && organizations.isEmpty()) {
            return List.of();
        }
        AuditFilter filter = AuditFilter.of(query);
        return jdbi.withHandle(h -> {
            Query select = h.createQuery("select " + COLUMNS + " from audit_records where " + filter.where()
                    + " order by sequence fetch first " + query.limit() + " rows only");
            filter.bind(select);
            List<Long> sequences = new ArrayList<>();
            List<AuditRecord> bare = select.map((rs, ctx) -> {
                        sequences.add(rs.getLong("sequence"));
                        return record(rs, Map.of());
                    })
                    .list();
            if (bare.isEmpty()) {
                return bare;
            }
            Map<Long, Map<String, String>> details = new HashMap<>();
            h.createQuery("select sequence, detail_name, detail_value from audit_details where sequence in (<seqs>)")
                    .bindList("seqs", sequences)
                    .map((rs, ctx) -> details.computeIfAbsent(rs.getLong("sequence"), s -> new TreeMap<>())
                            .put(rs.getString("detail_name"), rs.getString("detail_value")))
                    .list();
            return bare.stream()
                    .map(r -> withDetails(r, details.getOrDefault(r.sequence(), Map.of())))
                    .toList();
        });
    }

    private static AuditRecord withDetails(AuditRecord r, Map<String, String> details) {
        return new AuditRecord(
                r.sequence(),
                r.time(),
                r.actor(),
                r.action(),
                r.target(),
                r.organization(),
                r.sourceAddress(),
                r.outcome(),
                details,
                r.previousHash(),
                r.hash());
    }

    @Override
    public Optional<AuditRecord> last() {
        long last = jdbi.withHandle(h -> h.createQuery("select coalesce(max(sequence), 0) from audit_records")
                .mapTo(Long.class)
                .one());
        return last == 0 ? Optional.empty() : range(last, 1).stream().findFirst();
    }

    @Override
    public void addCheckpoint(AuditCheckpoint checkpoint) {
        jdbi.useHandle(h -> h.createUpdate("insert into audit_checkpoints (sequence, hash, signed_at, key_id,"
                        + " signature) values (:sequence, :hash, :time, :keyId, :signature)")
                .bind("sequence", checkpoint.sequence())
                .bind("hash", checkpoint.hash())
                .bind("time", checkpoint.time())
                .bind("keyId", checkpoint.keyId())
                .bind("signature", Base64.getDecoder().decode(checkpoint.signature()))
                .execute());
    }

    @Override
    public List<AuditCheckpoint> checkpoints() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select sequence, hash, signed_at, key_id, signature from audit_checkpoints order by sequence")
                .map((rs, ctx) -> new AuditCheckpoint(
                        rs.getLong("sequence"),
                        rs.getString("hash"),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("key_id"),
                        Base64.getEncoder().encodeToString(rs.getBytes("signature"))))
                .list());
    }

    private static AuditRecord record(ResultSet rs, Map<String, String> details) throws SQLException {
        return new AuditRecord(
                rs.getLong("sequence"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target"),
                rs.getObject("organization_id", UUID.class),
                rs.getString("source_address"),
                Outcome.valueOf(rs.getString("outcome")),
                details,
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
