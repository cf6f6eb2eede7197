package vn.lachan.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.app.security.Foundation;
import vn.lachan.core.org.Organization;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.PartitionInfo;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.meta.MetaConfig;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.audit.JdbcAuditStore;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;
import vn.lachan.security.audit.AuditReport;
import vn.lachan.security.audit.AuditVerifier;
import vn.lachan.security.crypto.signing.SigningKeys;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

/**
 * Stages a data folder while its stores are open and written to from other threads, as a running
 * platform does (the event store committing after every batch, so Lucene merges and deletes files
 * under the copy; tokens issued into the open H2 database and its audit trail), then checks that the
 * staged copy opens and holds a consistent state between what was durable before and after.
 */
class LiveSnapshotTest {
    @TempDir
    Path data;

    @TempDir
    Path stage;

    @Test
    void aCopyTakenWhileTheStoresWriteOpensWithACommittedStateAndLeavesTheOriginalWhole() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        SnapshotReport report;
        long durableBefore;
        try (Foundation foundation = Foundation.open(data, null, Map.of());
                LuceneEventStore store =
                        new LuceneEventStore(StoreConfig.defaults(data).withCommitInterval(Duration.ZERO))) {
            Organization soc = foundation.monitoringCenter();
            Thread events =
                    Thread.ofPlatform().name("test-events").start(() -> write(store, running, written, failure));
            Thread tokens =
                    Thread.ofPlatform().name("test-tokens").start(() -> issue(foundation, soc, running, failure));
            while (written.get() < 600) {
                Thread.sleep(5);
            }
            durableBefore = written.get();
            report = new Snapshot(data, stage, true, false).take();
            running.set(false);
            events.join();
            tokens.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(report.live()).isTrue();
        assertThat(report.indexes()).isGreaterThanOrEqualTo(1);
        assertThat(report.metaAttempts()).isBetween(1, MetaCopy.ATTEMPTS);
        assertThat(report.linked()).isPositive();
        assertThat(stage.resolve("keys")).isDirectory();
        assertThat(Files.list(stage.resolve("keys")).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.startsWith("master-"));

        long staged = events(stage);
        assertThat(staged).isBetween(durableBefore, written.get());
        try (MetaDatabase copy = MetaDatabase.open(MetaConfig.embedded(stage))) {
            AuditReport audit = new AuditVerifier(
                            new JdbcAuditStore(copy),
                            SigningKeys.readPublic(stage.resolve("keys/audit-signing.mldsa.pub")))
                    .verify();
            assertThat(audit.intact()).as(audit.findings().toString()).isTrue();
            assertThat(audit.records()).isPositive();
        }
        Staging.delete(stage);
        assertThat(events(data)).isEqualTo(written.get());
    }

    private static long events(Path folder) {
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(folder))) {
            assertThat(store.openProblems()).isEmpty();
            return store.partitions().stream().mapToLong(PartitionInfo::events).sum();
        }
    }

    /** Writes batches of 20 events over two days, each batch committed, until told to stop. */
    private static void write(
            LuceneEventStore store,
            AtomicBoolean running,
            AtomicLong written,
            AtomicReference<@Nullable Throwable> failure) {
        SplittableRandom random = new SplittableRandom(5);
        Instant start = Instant.parse("2026-11-20T22:00:00Z");
        try {
            long position = 0;
            while (running.get()) {
                List<StoredEvent> batch = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Instant time = start.plusSeconds(position * 7 % 14_400);
                    Map<String, @Nullable Object> fields = Map.of("message", "event " + position, "event.code", "4625");
                    batch.add(new StoredEvent(EventId.next(time, random), time, "SOC", "test", fields, "{}"));
                    position++;
                }
                store.write(new EventBatch(batch, position));
                written.set(position);
            }
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }

    private static void issue(
            Foundation foundation,
            Organization soc,
            AtomicBoolean running,
            AtomicReference<@Nullable Throwable> failure) {
        try {
            for (int i = 0; running.get(); i++) {
                foundation
                        .tokens()
                        .issue("live-" + i, Role.SOC_ANALYST, soc.id(), EnumSet.of(Scope.INGEST), null, null);
            }
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }
}
