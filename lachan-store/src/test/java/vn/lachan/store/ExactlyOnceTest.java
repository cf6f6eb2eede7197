package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.Checkpoint;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.StoredEvent;

/**
 * Exactly-once writes: each partition records the journal position of its last commit, so that a batch
 * replayed after a crash between two partitions' commits stores each event once.
 */
class ExactlyOnceTest {
    @TempDir
    Path dir;

    /** Events of two days at journal positions, with the ids the pipeline derives from them. */
    private static List<StoredEvent> journal(long firstPosition, int count) {
        List<StoredEvent> events = new ArrayList<>();
        Random random = new Random(firstPosition);
        for (int i = 0; i < count; i++) {
            StoredEvent e = TestEvents.event(
                    random,
                    TestEvents.BASE.plus(Duration.ofHours(i % 2 == 0 ? 3 : 27)).plusSeconds(i));
            var id = EventId.ofJournal(e.time(), 7, firstPosition + i);
            events.add(new StoredEvent(id, e.time(), e.organization(), e.system(), e.fields(), e.raw()));
        }
        return events;
    }

    private static long count(LuceneEventStore store) {
        return store.search(SearchRequest.newest(new Query.MatchAll(), null, null, 0))
                .total()
                .value();
    }

    @Test
    void aReplayAfterACrashBetweenPartitionCommitsStoresEachEventOnce() throws IOException {
        List<StoredEvent> first = journal(0, 100);
        List<StoredEvent> second = journal(100, 60);
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            assertThat(store.write(new EventBatch(first, 100)).stored()).isEqualTo(100);
            store.write(new EventBatch(second, 160));
        }
        // The crash: both partitions committed the second batch, the store's checkpoint file did not follow.
        Path checkpoint = dir.resolve("events/checkpoint.json");
        Files.writeString(checkpoint, "{\"position\":100}");
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            assertThat(store.durablePosition()).isEqualTo(100);
            assertThat(count(store)).isEqualTo(160);
            Checkpoint replayed = store.write(new EventBatch(second, 160));
            assertThat(replayed.skipped()).isEqualTo(60);
            assertThat(replayed.stored()).isZero();
            assertThat(replayed.position()).isEqualTo(160);
            assertThat(count(store)).isEqualTo(160);
        }
    }

    @Test
    void onlyThePartitionThatMissedTheCommitTakesTheReplayedEvents() throws IOException {
        List<StoredEvent> first = journal(0, 100);
        List<StoredEvent> second = journal(100, 60);
        List<StoredEvent> firstDay = second.stream()
                .filter(e -> e.time().isBefore(TestEvents.BASE.plus(Duration.ofDays(1))))
                .toList();
        List<StoredEvent> secondDay =
                second.stream().filter(e -> !firstDay.contains(e)).toList();
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            store.write(new EventBatch(first, 100));
        }
        // Simulate the crash half-way: only the second day's partition committed the batch (its events
        // are written at their journal positions by a store that saw only them), then the process died.
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            writeAtPositions(store, second, secondDay);
        }
        Files.writeString(dir.resolve("events/checkpoint.json"), "{\"position\":100}");
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            assertThat(store.durablePosition()).isEqualTo(100);
            long before = count(store);
            assertThat(before).isEqualTo(100 + secondDay.size());
            Checkpoint replayed = store.write(new EventBatch(second, 160));
            assertThat(replayed.skipped()).isEqualTo(secondDay.size());
            assertThat(replayed.stored()).isEqualTo(firstDay.size());
            assertThat(count(store)).isEqualTo(160);
            for (StoredEvent e : second) {
                assertThat(store.get(e.id())).as("event %s", e.id()).isPresent();
            }
            assertThat(store.write(new EventBatch(second, 160)).skipped()).isEqualTo(60);
            assertThat(count(store)).isEqualTo(160);
        }
        try (LuceneEventStore reopened = new LuceneEventStore(StoreConfig.defaults(dir))) {
            assertThat(reopened.write(new EventBatch(second, 160)).skipped()).isEqualTo(60);
            assertThat(count(reopened)).isEqualTo(160);
        }
    }

    /**
     * Writes {@code subset} of {@code batch} as the store would have before a crash: the events alone,
     * in one batch per event so that each commit records the position just after that event.
     */
    private static void writeAtPositions(LuceneEventStore store, List<StoredEvent> batch, List<StoredEvent> subset) {
        long end = 160;
        long first = end - batch.size();
        for (int i = 0; i < batch.size(); i++) {
            if (subset.contains(batch.get(i))) {
                store.write(new EventBatch(List.of(batch.get(i)), first + i + 1));
            }
        }
    }
}
