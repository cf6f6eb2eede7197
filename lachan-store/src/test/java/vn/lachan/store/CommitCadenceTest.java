package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * Closing while the timer commits must not interrupt that commit: an interrupted fsync closes Lucene's
     * writer (ClosedByInterruptException), and close then dropped the last batches without a word. The
     * batch spans 30 daily partitions, so the timer's commit takes a while; close comes once the timer's
     * thread is seen inside it.
     */
    @Test
    void closingWhileTheTimerCommitsKeepsEveryBatch() {
        List<StoredEvent> events = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 60; i++) {
            StoredEvent e = TestEvents.event(random, TestEvents.BASE.plus(Duration.ofDays(i % 30)));
            var id = EventId.ofJournal(e.time(), 7, i);
            events.add(new StoredEvent(id, e.time(), e.organization(), e.system(), e.fields(), e.raw()));
        }
        Path data = dir.resolve("closed");
        StoreConfig config = StoreConfig.defaults(data).withCommitInterval(Duration.ofSeconds(2));
        try (LuceneEventStore store = new LuceneEventStore(config)) {
            assertThat(store.write(new EventBatch(events, 60)).position())
                    .as("left to the timer's commit")
                    .isEqualTo(-1);
            awaitTimerCommit();
        }
        try (LuceneEventStore reopened = new LuceneEventStore(rarely(data))) {
            assertThat(reopened.durablePosition()).isEqualTo(60);
            assertThat(count(reopened)).isEqualTo(60);
        }
    }

    /** Returns once the store's commit timer is seen committing. */
    private static void awaitTimerCommit() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (var thread : Thread.getAllStackTraces().entrySet()) {
                if (thread.getKey().getName().equals("lachan-store-commit")
                        && Arrays.stream(thread.getValue())
                                .anyMatch(f -> f.getMethodName().equals("commitAll"))) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the commit timer did not commit within 30 s");
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
