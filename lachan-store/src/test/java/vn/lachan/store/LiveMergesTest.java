package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.StoredEvent;

/**
 * The live partition's merges: each commit flushes a small segment, and the merge policy lets up to
 * {@link Partition#SEGMENTS_PER_TIER} of them gather before merging them all at once (fewer, larger merges;
 * sealing merges the day to one segment anyway), while the number of segments stays bounded.
 */
class LiveMergesTest {
    private static final int EVENTS_PER_COMMIT = 5;

    @TempDir
    Path dir;

    @Test
    void smallCommitsGatherBeforeOneMergeAndTheSegmentsStayBounded() throws IOException {
        int few = Partition.SEGMENTS_PER_TIER - 2;
        int many = 3 * Partition.SEGMENTS_PER_TIER;
        List<StoredEvent> events = TestEvents.random(31, (few + many) * EVENTS_PER_COMMIT, 1);
        StoreConfig everyBatch = StoreConfig.defaults(dir).withCommitInterval(Duration.ZERO);
        try (LuceneEventStore store = new LuceneEventStore(everyBatch)) {
            writeInCommits(store, events, 0, few);
        }
        // Lucene's default (8 segments per tier, 10 at once) would have merged these already
        assertThat(segments()).as("segments after %d commits", few).isEqualTo(few);

        try (LuceneEventStore store = new LuceneEventStore(everyBatch)) {
            writeInCommits(store, events, few, few + many);
            assertThat(count(store)).isEqualTo(events.size());
        }
        // closing waits for the merges under way
        assertThat(segments())
                .as("segments after %d commits", few + many)
                .isGreaterThan(1)
                .isLessThanOrEqualTo(Partition.SEGMENTS_PER_TIER + 1);
    }

    /** Writes commits {@code from} to {@code to} (exclusive), each a batch of its own, committed. */
    private static void writeInCommits(LuceneEventStore store, List<StoredEvent> events, int from, int to) {
        for (int i = from; i < to; i++) {
            int end = (i + 1) * EVENTS_PER_COMMIT;
            store.write(new EventBatch(events.subList(i * EVENTS_PER_COMMIT, end), end));
        }
    }

    private int segments() throws IOException {
        Path index = dir.resolve("events").resolve("2026-03-01").resolve("index");
        try (FSDirectory directory = FSDirectory.open(index)) {
            return SegmentInfos.readLatestCommit(directory).size();
        }
    }

    private static long count(LuceneEventStore store) {
        return store.search(SearchRequest.newest(new Query.MatchAll(), null, null, 0))
                .total()
                .value();
    }
}
