package vn.lachan.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
    static final KeyPair KEY = generate();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:15:30.123456789Z"), ZoneOffset.UTC);

    final InMemoryAuditStore store = new InMemoryAuditStore();
    final AuditTrail trail = new AuditTrail(store, CLOCK, KEY, 10);

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("ML-DSA-65").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuditEntry entry(int i) {
        return new AuditEntry(
                "user:an.nguyen",
                "case.update",
                "case-" + i,
                UUID.nameUUIDFromBytes(new byte[] {(byte) i}),
                "10.0.0." + i,
                i % 3 == 0 ? Outcome.FAILURE : Outcome.SUCCESS,
                Map.of("field", "status", "to", "đóng " + i));
    }

    @Test
    void appendsAChainWithCheckpointsEveryTenRecords() {
        for (int i = 1; i <= 25; i++) {
            AuditRecord r = trail.append(entry(i));
            assertThat(r.sequence()).isEqualTo(i);
        }
        assertThat(store.at(1).previousHash()).isEqualTo(AuditRecord.GENESIS);
        assertThat(store.at(2).previousHash()).isEqualTo(store.at(1).hash());
        assertThat(store.at(1).time()).isEqualTo(Instant.parse("2026-03-01T08:15:30.123456Z"));
        assertThat(store.checkpoints()).extracting(AuditCheckpoint::sequence).containsExactly(10L, 20L);
        AuditReport report = new AuditVerifier(store, KEY.getPublic()).verify();
        assertThat(report.findings()).isEmpty();
        assertThat(report.records()).isEqualTo(25);
        assertThat(report.lastSigned()).isEqualTo(20);
    }

    @Test
    void onDemandCheckpointCoversTheLastRecordAndNothingOnAnEmptyTrail() {
        assertThat(trail.checkpoint()).isEmpty();
        trail.append(entry(1));
        trail.append(entry(2));
        assertThat(trail.checkpoint())
                .hasValueSatisfying(c -> assertThat(c.sequence()).isEqualTo(2));
        assertThat(new AuditVerifier(store, KEY.getPublic()).verify().lastSigned())
                .isEqualTo(2);
    }

    @Test
    void aSecondTrailOnTheSameStoreRereadsTheEndAndContinuesTheChain() {
        AuditTrail otherNode = new AuditTrail(store, CLOCK, KEY, 10);
        trail.append(entry(1));
        otherNode.append(entry(2));
        trail.append(entry(3));
        assertThat(store.size()).isEqualTo(3);
        assertThat(new AuditVerifier(store, KEY.getPublic()).verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        List<Future<List<Long>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<Long> seen = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        seen.add(trail.append(entry(i)).sequence());
                    }
                    return seen;
                }));
            }
        }
        Set<Long> sequences = new HashSet<>();
        for (Future<List<Long>> f : futures) {
            sequences.addAll(f.get());
        }
        assertThat(sequences).hasSize(200).contains(1L, 200L);
        AuditReport report = new AuditVerifier(store, KEY.getPublic()).verify();
        assertThat(report.findings()).isEmpty();
        assertThat(report.checkpoints()).isEqualTo(20);
    }

    @Test
    void theStoreRefusesASequenceThatIsNotLastPlusOne() {
        trail.append(entry(1));
        AuditRecord first = store.at(1);
        assertThatThrownBy(() -> store.append(first)).isInstanceOf(IllegalStateException.class);
    }
}
