package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.RetentionPolicy;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.core.store.VerifyReport;

/** Seals finished partitions into a hash chain; verify finds every change; damaged partitions are skipped. */
class SealTest {
    @TempDir
    Path dir;

    private static final Instant AFTER = TestEvents.BASE.plus(Duration.ofDays(10));

    private LuceneEventStore filled(List<StoredEvent> events) {
        LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir));
        store.write(new EventBatch(events, 7));
        return store;
    }

    private static long count(LuceneEventStore store) {
        return store.search(SearchRequest.newest(new Query.MatchAll(), null, null, 0))
                .total()
                .value();
    }

    private Path largestIndexFile(String partition) throws IOException {
        try (Stream<Path> files =
                Files.list(dir.resolve("events").resolve(partition).resolve("index"))) {
            return files.filter(p -> !p.getFileName().toString().equals("write.lock"))
                    .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
                    .orElseThrow();
        }
    }

    @Test
    void sealedPartitionsVerifyAndSurviveAReopen() {
        List<StoredEvent> events = TestEvents.random(4, 900, 3);
        try (LuceneEventStore store = filled(events)) {
            assertThat(store.seal(TestEvents.BASE.plus(Duration.ofHours(48)))).containsExactly("2026-03-01");
            assertThat(store.seal(AFTER)).containsExactly("2026-03-02", "2026-03-03");
            VerifyReport report = store.verify();
            assertThat(report.intact()).isTrue();
            assertThat(report.partitions())
                    .extracting(VerifyReport.PartitionCheck::status)
                    .containsOnly(VerifyReport.Status.INTACT);
            var late = store.write(
                    new EventBatch(List.of(TestEvents.random(99, 1, 1).getFirst()), 8));
            assertThat(late.stored())
                    .as("a sealed day takes its late event beside it")
                    .isOne();
            assertThat(late.rejected()).isEmpty();
        }
        try (LuceneEventStore reopened = new LuceneEventStore(StoreConfig.defaults(dir))) {
            assertThat(reopened.openProblems()).isEmpty();
            assertThat(count(reopened)).isEqualTo(901);
            assertThat(reopened.durablePosition()).isEqualTo(8);
            assertThat(reopened.get(events.get(5).id())).isPresent();
            assertThat(reopened.verify().intact()).isTrue();
        }
    }

    @Test
    void verifyReportsModifiedMissingAndAddedFilesAndSearchSkipsTheDamage() throws IOException {
        List<StoredEvent> events = TestEvents.random(5, 900, 3);
        try (LuceneEventStore store = filled(events)) {
            store.seal(AFTER);
            long perDay = events.stream()
                    .filter(e -> e.time().isBefore(TestEvents.BASE.plus(Duration.ofDays(1))))
                    .count();
            Path modified = largestIndexFile("2026-03-01");
            byte[] bytes = Files.readAllBytes(modified);
            bytes[bytes.length / 2] ^= 0x5A;
            Files.write(modified, bytes);
            Files.delete(dir.resolve("events/2026-03-02/stats.json"));
            Files.writeString(
                    dir.resolve("events/2026-03-03/index/extra.bin"), "planted", StandardOpenOption.CREATE_NEW);

            VerifyReport report = store.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.partitions())
                    .extracting(VerifyReport.PartitionCheck::status)
                    .containsOnly(VerifyReport.Status.DAMAGED);
            assertThat(report.partitions().get(0).findings())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("modified"));
            assertThat(report.partitions().get(1).findings())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("missing"));
            assertThat(report.partitions().get(2).findings()).singleElement().satisfies(p -> {
                assertThat(p.message()).contains("added");
                assertThat(p.location()).isEqualTo("index/extra.bin");
            });
            SearchResult result = store.search(SearchRequest.newest(new Query.MatchAll(), null, null, 10));
            assertThat(result.errors()).isEmpty();
            assertThat(result.total().value()).isZero();
            assertThat(result.warnings())
                    .hasSize(3)
                    .allSatisfy(w -> assertThat(w.message()).contains("left out"));
            assertThat(perDay).isPositive();
        }
    }

    @Test
    void theChainShowsAReplacedManifestAndToleratesRecordedDeletions() throws IOException {
        try (LuceneEventStore store = filled(TestEvents.random(6, 300, 3))) {
            store.seal(AFTER);
            store.applyRetention(RetentionPolicy.defaults(), List.of(), Instant.parse("2027-03-02T12:00:00Z"));
            assertThat(store.partitions()).hasSize(2);
            assertThat(store.verify().intact())
                    .as("a deletion recorded in the log keeps the chain whole")
                    .isTrue();

            Path manifest = dir.resolve("events/2026-03-02").resolve(Manifest.FILE);
            String text = Files.readString(manifest);
            Files.writeString(manifest, text.replace("\"previous\":\"", "\"previous\":\"f"));
            VerifyReport report = store.verify();
            assertThat(report.partitions().getFirst().findings())
                    .anySatisfy(p -> assertThat(p.message()).contains("broken chain"));
            assertThat(report.partitions().get(1).findings())
                    .anySatisfy(p -> assertThat(p.message()).contains("broken chain"));
        }
    }

    /**
     * Sealing merges a partition to one segment even when its writer is closed (a reopened store, or a
     * day whose writer went idle): it used to seal the segments as they were.
     */
    @Test
    void sealingMergesAPartitionWhoseWriterIsClosed() throws IOException {
        List<StoredEvent> events = TestEvents.random(21, 300, 1);
        StoreConfig everyBatch = StoreConfig.defaults(dir).withCommitInterval(Duration.ZERO);
        try (LuceneEventStore store = new LuceneEventStore(everyBatch)) {
            for (int i = 0; i < 3; i++) {
                store.write(new EventBatch(events.subList(i * 100, i * 100 + 100), i * 100 + 100));
            }
        }
        Path index = dir.resolve("events").resolve("2026-03-01").resolve("index");
        assertThat(lastCommit(index).size())
                .as("one segment per committed batch")
                .isEqualTo(3);
        try (LuceneEventStore reopened = new LuceneEventStore(StoreConfig.defaults(dir))) {
            assertThat(reopened.seal(AFTER)).containsExactly("2026-03-01");
            assertThat(count(reopened)).isEqualTo(300);
            assertThat(reopened.verify().intact()).isTrue();
        }
        SegmentInfos sealed = lastCommit(index);
        assertThat(sealed.size()).isOne();
        assertThat(sealed.getUserData()).containsEntry(Commits.POSITION, "300");
    }

    private static SegmentInfos lastCommit(Path index) throws IOException {
        try (FSDirectory directory = FSDirectory.open(index)) {
            return SegmentInfos.readLatestCommit(directory);
        }
    }

    @Test
    void idleWritersCloseAndReopenWithoutLosingEvents() {
        List<StoredEvent> events = TestEvents.random(12, 400, 2);
        List<StoredEvent> first = events.stream()
                .filter(e -> e.time().isBefore(TestEvents.BASE.plus(Duration.ofDays(1))))
                .toList();
        List<StoredEvent> second =
                events.stream().filter(e -> !first.contains(e)).toList();
        // a commit with every batch: idle writers are closed after a commit
        StoreConfig everyBatch = StoreConfig.defaults(dir).withCommitInterval(Duration.ZERO);
        try (LuceneEventStore store = new LuceneEventStore(everyBatch)) {
            // Journal positions advance by the batch's size (EventBatch): replays are told apart by them.
            int position = first.size() / 2;
            store.write(new EventBatch(first.subList(0, position), position));
            int batches = 0;
            for (int i = 0; i < second.size(); i += 10, batches++) {
                List<StoredEvent> batch = second.subList(i, Math.min(second.size(), i + 10));
                position += batch.size();
                store.write(new EventBatch(batch, position));
            }
            assertThat(batches).isGreaterThan(17);
            position += first.size() - first.size() / 2;
            store.write(new EventBatch(first.subList(first.size() / 2, first.size()), position));
            assertThat(count(store)).isEqualTo(events.size());
            assertThat(store.durablePosition()).isEqualTo(position);
        }
        try (LuceneEventStore reopened = new LuceneEventStore(StoreConfig.defaults(dir))) {
            assertThat(count(reopened)).isEqualTo(events.size());
        }
    }
}
