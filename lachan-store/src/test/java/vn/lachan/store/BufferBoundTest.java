package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.StoredEvent;

/** A backfill writing many days at once keeps its indexing buffers within a few partitions' worth. */
class BufferBoundTest {
    @TempDir
    Path dir;

    @Test
    void fortyDaysWrittenTogetherStayWithinTheBufferBoundAndAllAreStored() {
        StoreConfig d = StoreConfig.defaults(dir);
        StoreConfig oneMiB = new StoreConfig(
                d.dataDir(),
                d.partitionSpan(),
                d.sealGrace(),
                100_000,
                d.maxPageSize(),
                d.maxBuckets(),
                d.maxLeadingWildcardPartitions(),
                1,
                Duration.ofHours(1));
        long bound = (long) LuceneEventStore.BUFFER_PARTITIONS << 20;
        long peak = 0;
        try (LuceneEventStore store = new LuceneEventStore(oneMiB)) {
            List<StoredEvent> events = TestEvents.random(42, 60_000, 40);
            int batch = 2_000;
            for (int from = 0; from < events.size(); from += batch) {
                List<StoredEvent> part = events.subList(from, Math.min(events.size(), from + batch));
                store.write(new EventBatch(part, from + part.size() - 1L));
                peak = Math.max(peak, store.indexingBufferBytes());
            }
            store.sync();

            assertThat(store.partitions()).hasSizeGreaterThanOrEqualTo(40);
            assertThat(peak).isPositive().isLessThanOrEqualTo(bound);
            assertThat(store.search(SearchRequest.newest(new Query.MatchAll(), null, null, 0))
                            .total()
                            .value())
                    .isEqualTo(events.size());
        }
    }
}
