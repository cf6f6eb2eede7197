package vn.lachan.meta.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.testing.Backend;
import vn.lachan.security.audit.AuditCheckpoint;
import vn.lachan.security.audit.AuditQuery;
import vn.lachan.security.audit.AuditRecord;
import vn.lachan.security.audit.Outcome;

@ParameterizedClass
@EnumSource(Backend.class)
class JdbcAuditStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00.123456Z");
    private final Backend backend;

    @TempDir
    Path data;

    private MetaDatabase db;
    private JdbcAuditStore audit;

    JdbcAuditStoreTest(Backend backend) {
        this.backend = backend;
    }

    @BeforeEach
    void open() {
        db = MetaDatabase.open(backend.freshDatabase(data));
        audit = new JdbcAuditStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static AuditRecord record(long sequence) {
        String hash = HexFormat.of().formatHex(new byte[32]).substring(0, 60) + String.format("%04d", sequence);
        return new AuditRecord(
                sequence,
                T0.plusSeconds(sequence),
                "user:nguyen.an",
                "signin.success",
                sequence % 2 == 0 ? null : "user/" + sequence,
                sequence % 2 == 0 ? null : new UUID(42, sequence),
                "203.0.113.7",
                Outcome.SUCCESS,
                Map.of("reason", "Mật khẩu đúng", "method", "totp"),
                AuditRecord.GENESIS,
                hash);
    }

    @Test
    void recordsComeBackExactlyInOrder() {
        for (long s = 1; s <= 5; s++) {
            audit.append(record(s));
        }
        assertThat(audit.range(1, 100)).hasSize(5);
        assertThat(audit.range(2, 2)).containsExactly(record(2), record(3));
        AuditRecord first = audit.range(1, 1).getFirst();
        assertThat(first.time()).isEqualTo(T0.plusSeconds(1));
        assertThat(first.details()).containsEntry("reason", "Mật khẩu đúng");
        assertThat(audit.last()).contains(record(5));
        assertThat(audit.range(6, 10)).isEmpty();
    }

    @Test
    void gapsAndDuplicatesAreRefusedByTheStoreAndByTheSchema() {
        assertThat(audit.last()).isEmpty();
        assertThatThrownBy(() -> audit.append(record(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the trail ends at 0, the next record must be 1");
        audit.append(record(1));
        audit.append(record(2));
        assertThatThrownBy(() -> audit.append(record(2))).hasMessageContaining("must be 3");
        assertThatThrownBy(() -> audit.append(record(4))).hasMessageContaining("must be 3");
        assertThatThrownBy(() -> db.jdbi()
                        .useHandle(h -> h.execute(
                                "insert into audit_records (sequence, previous_sequence, occurred_at, actor, action,"
                                        + " outcome, previous_hash, hash) values (4, 3, current_timestamp, 'x', 'x',"
                                        + " 'SUCCESS', 'x', 'y')")))
                .as("the foreign key to the predecessor refuses a gap even past the store")
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("previous_sequence"));
        assertThatThrownBy(() -> db.jdbi()
                        .useHandle(h -> h.execute(
                                "insert into audit_records (sequence, previous_sequence, occurred_at, actor, action,"
                                        + " outcome, previous_hash, hash) values (3, 1, current_timestamp, 'x', 'x',"
                                        + " 'SUCCESS', 'x', 'y')")))
                .as("the check refuses a predecessor other than sequence - 1")
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("audit_records_chain"));
        assertThat(audit.range(1, 10)).hasSize(2);
    }

    @Test
    void searchFiltersInSqlLikeTheQuerySaysAndPagesBySequence() {
        for (long s = 1; s <= 12; s++) {
            audit.append(record(s));
        }
        UUID three = new UUID(42, 3);
        AuditQuery byTime = new AuditQuery(0, T0.plusSeconds(4), T0.plusSeconds(9), null, null, null, null, null, 3);
        assertThat(audit.search(byTime)).extracting(AuditRecord::sequence).containsExactly(4L, 5L, 6L);
        assertThat(audit.search(
                        new AuditQuery(6, T0.plusSeconds(4), T0.plusSeconds(9), null, null, null, null, null, 3)))
                .extracting(AuditRecord::sequence)
                .containsExactly(7L, 8L);
        assertThat(audit.search(new AuditQuery(0, null, null, null, null, null, null, java.util.Set.of(three), 10)))
                .singleElement()
                .satisfies(r -> assertThat(r.details()).containsEntry("reason", "Mật khẩu đúng"));
        assertThat(audit.search(new AuditQuery(0, null, null, null, null, null, "user/5", null, 10)))
                .extracting(AuditRecord::sequence)
                .containsExactly(5L);
        assertThat(audit.search(
                        new AuditQuery(0, null, null, "user:nguyen.an", "signin.*", Outcome.SUCCESS, null, null, 100)))
                .hasSize(12);
        assertThat(audit.search(new AuditQuery(0, null, null, null, "signin%", null, null, null, 100)))
                .as("a LIKE wildcard in the filter is text, not a pattern")
                .isEmpty();
        assertThat(audit.search(new AuditQuery(0, null, null, null, null, Outcome.DENIED, null, null, 100)))
                .isEmpty();
        assertThat(audit.search(new AuditQuery(0, null, null, null, null, null, null, java.util.Set.of(), 100)))
                .isEmpty();
    }

    @Test
    void checkpointsKeepTheirSignatureBytes() {
        audit.append(record(1));
        byte[] signature = new byte[3309];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = (byte) (i * 31);
        }
        AuditCheckpoint checkpoint = new AuditCheckpoint(
                1, record(1).hash(), T0, "f".repeat(64), Base64.getEncoder().encodeToString(signature));
        audit.addCheckpoint(checkpoint);
        assertThat(audit.checkpoints()).containsExactly(checkpoint);
        byte[] raw = db.jdbi()
                .withHandle(h -> h.createQuery("select signature from audit_checkpoints")
                        .mapTo(byte[].class)
                        .one());
        assertThat(raw).isEqualTo(signature);
    }
}
