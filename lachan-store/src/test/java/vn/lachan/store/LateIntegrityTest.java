package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.Checkpoint;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.LegalHold;
import vn.lachan.core.store.RetentionPolicy;
import vn.lachan.core.store.RetentionReport;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.core.store.VerifyReport;
import vn.lachan.testkit.CrashCopy;

/**
 * Late partitions under the store's guarantees: a tampered one is reported by verify and left out of
 * searches, retention and legal holds treat them with their day, and a kill -9 between a late write and
 * its commit replays exactly once.
 */
class LateIntegrityTest {
    @TempDir
    Path dir;

    private static final Instant SEALED = LateEventsTest.AFTER.plus(Duration.ofDays(1));

    /** Events of 2026-03-01 at consecutive journal positions, with the ids the pipeline derives. */
    private static List<StoredEvent> journal(long firstPosition, int count, String system) {
        List<StoredEvent> events = new ArrayList<>();
        Random random = new Random(firstPosition);
        for (int i = 0; i < count; i++) {
            Instant time = TestEvents.BASE.plus(Duration.ofHours(5)).plusSeconds(firstPosition + i);
            Map<String, @Nullable Object> fields = new LinkedHashMap<>(Map.of("message", "late " + i, "n", (long) i));
            StoredEvent e = TestEvents.stored(random, time, "so-tttt", system, fields);
            events.add(new StoredEvent(
                    EventId.ofJournal(time, 7, firstPosition + i), time, e.organization(), system, fields, e.raw()));
        }
        return events;
    }

    /** Writes 100 on-time events of 2026-03-01, seals the day, then 50 late ones, sealed in turn. */
    private List<StoredEvent> sealedDayWithSealedLatePartition(LuceneEventStore store) {
        store.write(new EventBatch(journal(0, 100, "web"), 100));
        assertThat(store.seal(LateEventsTest.AFTER)).containsExactly("2026-03-01");
        List<StoredEvent> late = journal(100, 50, "mail");
        store.write(new EventBatch(late, 150));
        store.seal(LateEventsTest.AFTER);
        assertThat(store.seal(SEALED)).containsExactly("2026-03-01.late-1");
        return late;
    }

    @Test
    void aTamperedLatePartitionIsReportedAndLeftOutWhileItsDayIsStillSearched() throws IOException {
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            List<StoredEvent> late = sealedDayWithSealedLatePartition(store);
            Path index = dir.resolve("events/2026-03-01.late-1/index");
            Path target;
            try (Stream<Path> files = Files.list(index)) {
                target = files.filter(p -> p.getFileName().toString().endsWith(".fdt"))
                        .findFirst()
                        .orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(target);
            bytes[bytes.length / 2] ^= 0x21;
            Files.write(target, bytes);

            VerifyReport report = store.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.partitions())
                    .extracting(VerifyReport.PartitionCheck::partition, VerifyReport.PartitionCheck::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("2026-03-01", VerifyReport.Status.INTACT),
                            org.assertj.core.groups.Tuple.tuple("2026-03-01.late-1", VerifyReport.Status.DAMAGED));
            assertThat(report.partitions().get(1).findings())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("modified"));
            SearchResult result = store.search(SearchRequest.newest(new Query.MatchAll(), null, null, 5));
            assertThat(result.total().value()).isEqualTo(100);
            assertThat(result.warnings())
                    .singleElement()
                    .satisfies(w -> assertThat(w.message()).contains("2026-03-01.late-1", "left out"));
            assertThat(store.get(late.getFirst().id())).isEmpty();

            StoredEvent more = journal(150, 1, "mail").getFirst();
            assertThat(store.write(new EventBatch(List.of(more), 151)).stored()).isOne();
            assertThat(store.get(more.id()))
                    .as("a damaged slot's next late partition")
                    .isPresent();
        }
        try (LuceneEventStore reopened = new LuceneEventStore(StoreConfig.defaults(dir))) {
            assertThat(reopened.verify().partitions())
                    .filteredOn(c -> c.status() == VerifyReport.Status.DAMAGED)
                    .extracting(VerifyReport.PartitionCheck::partition)
                    .containsExactly("2026-03-01.late-1");
        }
    }

    @Test
    void retentionAndLegalHoldsTreatLatePartitionsWithTheirDay() throws IOException {
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            sealedDayWithSealedLatePartition(store);
            Instant expired = Instant.parse("2028-01-01T00:00:00Z");
            var onTheDay = new LegalHold("vụ việc 3/2026", TestEvents.BASE, LateEventsTest.DAY_2, null);
            RetentionReport held = store.applyRetention(RetentionPolicy.defaults(), List.of(onTheDay), expired);
            assertThat(held.deleted()).isEmpty();
            assertThat(held.held())
                    .extracting(RetentionReport.Held::partition)
                    .containsExactly("2026-03-01", "2026-03-01.late-1");

            var onMail = new LegalHold("điều tra thư", null, null, "so-tttt/mail");
            RetentionReport bySystem = store.applyRetention(RetentionPolicy.defaults(), List.of(onMail), expired);
            assertThat(bySystem.deleted())
                    .extracting(RetentionReport.Deletion::partition)
                    .containsExactly("2026-03-01");
            assertThat(bySystem.held())
                    .extracting(RetentionReport.Held::partition)
                    .containsExactly("2026-03-01.late-1");
            assertThat(store.verify().intact()).isTrue();

            RetentionReport rest = store.applyRetention(RetentionPolicy.defaults(), List.of(), expired);
            assertThat(rest.deleted())
                    .singleElement()
                    .satisfies(d -> assertThat(d.events()).isEqualTo(50));
            assertThat(store.partitions()).isEmpty();
            assertThat(store.verify().intact())
                    .as("both deletions are in the log")
                    .isTrue();
            List<String> log = Files.readAllLines(dir.resolve(Retention.LOG), StandardCharsets.UTF_8);
            assertThat(log)
                    .hasSize(2)
                    .allSatisfy(line -> assertThat(Json.parse(line)).containsKey("manifestSha256"));
        }
    }

    @Test
    void aCrashBetweenALateWriteAndItsCommitReplaysExactlyOnce() {
        StoreConfig rarely = StoreConfig.defaults(dir.resolve("live")).withCommitInterval(Duration.ofHours(1));
        List<StoredEvent> onTime = journal(0, 100, "web");
        List<StoredEvent> late = journal(100, 50, "web");
        Path crashed = dir.resolve("crashed");
        try (LuceneEventStore store = new LuceneEventStore(rarely)) {
            store.write(new EventBatch(onTime, 100));
            assertThat(store.seal(LateEventsTest.AFTER)).containsExactly("2026-03-01");
            Checkpoint pending = store.write(new EventBatch(late, 150));
            assertThat(pending.stored()).isEqualTo(50);
            assertThat(pending.position()).isEqualTo(100);
            assertThat(LateEventsTest.count(store, null, null)).isEqualTo(150);
            CrashCopy.of(dir.resolve("live"), crashed);
        }
        StoreConfig copy = StoreConfig.defaults(crashed).withCommitInterval(Duration.ofHours(1));
        try (LuceneEventStore store = new LuceneEventStore(copy)) {
            assertThat(store.openProblems()).isEmpty();
            assertThat(store.durablePosition()).isEqualTo(100);
            assertThat(LateEventsTest.count(store, null, null)).isEqualTo(100);
            assertThat(store.write(new EventBatch(onTime, 100)).skipped())
                    .as("the sealed day holds these already")
                    .isEqualTo(100);
            Checkpoint replayed = store.write(new EventBatch(late, 150));
            assertThat(replayed.stored()).isEqualTo(50);
            assertThat(replayed.skipped()).isZero();
            assertThat(store.write(new EventBatch(late, 150)).skipped()).isEqualTo(50);
            assertThat(store.sync()).isEqualTo(150);
            assertThat(LateEventsTest.names(store, false)).containsExactly("2026-03-01.late-1");
        }
        try (LuceneEventStore reopened = new LuceneEventStore(copy)) {
            assertThat(reopened.durablePosition()).isEqualTo(150);
            assertThat(reopened.write(new EventBatch(late, 150)).skipped())
                    .as("a replay after the late commit")
                    .isEqualTo(50);
            assertThat(LateEventsTest.count(reopened, null, null)).isEqualTo(150);
            late.forEach(e -> assertThat(reopened.get(e.id())).isPresent());
        }
    }
}
