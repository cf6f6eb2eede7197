package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import vn.lachan.testkit.CrashCopy;

/**
 * Durability on a cadence: batches are searchable when written, durable at the next commit, and a crash
 * between a write and that commit loses nothing that the journal does not replay, duplicating nothing.
 */
class CommitCadenceTest {
    @TempDir
    Path dir;

    /** Events over two days at consecutive journal positions, with the ids the pipeline derives. */
    private static List<StoredEvent> journal(long firstPosition, int count) {
        List<StoredEvent> events = new ArrayList<>();
        Random random = new Random(firstPosition + 5);
        for (int i = 0; i < count; i++) {
            StoredEvent e = TestEvents.event(
                    random,
                    TestEvents.BASE.plus(Duration.ofHours(i % 3 == 0 ? 30 : 5)).plusSeconds(i));
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

    private StoreConfig rarely(Path data) {
        return StoreConfig.defaults(data).withCommitInterval(Duration.ofHours(1));
    }

    @Test
    void aCrashBeforeTheNextCommitLosesOnlyWhatTheJournalReplaysAndDuplicatesNothing() throws IOException {
        List<StoredEvent> first = journal(0, 120);
        List<StoredEvent> second = journal(120, 80);
        Path crashed = dir.resolve("crashed");
        try (LuceneEventStore store = new LuceneEventStore(rarely(dir.resolve("live")))) {
            store.write(new EventBatch(first, 120));
            assertThat(store.sync()).isEqualTo(120);
            Checkpoint pending = store.write(new EventBatch(second, 200));
            assertThat(pending.stored()).isEqualTo(80);
            assertThat(pending.position()).as("durable, behind the batch").isEqualTo(120);
            assertThat(store.durablePosition()).isEqualTo(120);
            assertThat(count(store)).as("searchable before it is durable").isEqualTo(200);
            // kill -9 now: what is on disk is what the last commit holds
            CrashCopy.of(dir.resolve("live"), crashed);
        }
        try (LuceneEventStore store = new LuceneEventStore(rarely(crashed))) {
            assertThat(store.durablePosition()).isEqualTo(120);
            assertThat(count(store)).isEqualTo(120);
            // the journal replays from the durable position; a replay from further back skips what is held
            assertThat(store.write(new EventBatch(first, 120)).skipped()).isEqualTo(120);
            Checkpoint replayed = store.write(new EventBatch(second, 200));
            assertThat(replayed.stored()).isEqualTo(80);
            assertThat(replayed.skipped()).isZero();
            assertThat(store.write(new EventBatch(second, 200)).skipped())
                    .as("a batch written twice before a commit")
                    .isEqualTo(80);
            assertThat(count(store)).isEqualTo(200);
            for (StoredEvent e : second) {
                assertThat(store.get(e.id())).as("event %s", e.id()).isPresent();
            }
        }
        try (LuceneEventStore reopened = new LuceneEventStore(rarely(crashed))) {
            assertThat(reopened.durablePosition()).as("close commits").isEqualTo(200);
            assertThat(count(reopened)).isEqualTo(200);
        }
    }

    @Test
    void theLastBatchesBecomeDurableWithoutAnotherWrite() throws InterruptedException {
        StoreConfig config = StoreConfig.defaults(dir).withCommitInterval(Duration.ofMillis(20));
        try (LuceneEventStore store = new LuceneEventStore(config)) {
            store.write(new EventBatch(journal(0, 50), 50));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (store.durablePosition() < 50 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(store.durablePosition()).isEqualTo(50);
        }
    }

    @Test
    void aZeroIntervalCommitsEveryBatch() {
        try (LuceneEventStore store =
                new LuceneEventStore(StoreConfig.defaults(dir).withCommitInterval(Duration.ZERO))) {
            assertThat(store.write(new EventBatch(journal(0, 30), 30)).position())
                    .isEqualTo(30);
            assertThat(store.write(new EventBatch(journal(30, 30), 60)).position())
                    .isEqualTo(60);
        }
    }
}
