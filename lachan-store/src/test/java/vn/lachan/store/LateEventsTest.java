package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.Checkpoint;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.ExportFormat;
import vn.lachan.core.store.PartitionInfo;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.core.store.VerifyReport;

/**
 * A sealed day keeps taking its late events (a collector offline for a week, last month's EVTX): they go to
 * late partitions beside it, are found, paged in order, exported, read by id, sealed in their turn and
 * verified, and survive a reopen; none is refused.
 */
class LateEventsTest {
    @TempDir
    Path dir;

    static final Instant AFTER = TestEvents.BASE.plus(Duration.ofDays(10));
    static final Instant DAY_2 = TestEvents.BASE.plus(Duration.ofDays(1));
    /** The order of hits, oldest first: the id's halves as Lucene compares them (signed). */
    static final Comparator<StoredEvent> OLDEST =
            Comparator.comparingLong((StoredEvent e) -> e.id().high()).thenComparingLong(e -> e.id().low());

    static long count(LuceneEventStore store, @Nullable Instant from, @Nullable Instant to) {
        return store.search(SearchRequest.newest(new Query.MatchAll(), from, to, 0))
                .total()
                .value();
    }

    static List<String> names(LuceneEventStore store, boolean sealed) {
        return store.partitions().stream()
                .filter(p -> p.sealed() == sealed)
                .map(PartitionInfo::name)
                .toList();
    }

    /** Pages through every hit with small pages and the cursor; returns the ids in the order received. */
    static List<EventId> pageAll(LuceneEventStore store, SearchRequest.Order order) {
        List<EventId> ids = new ArrayList<>();
        SearchRequest request = new SearchRequest(new Query.MatchAll(), null, null, order, 37, null, List.of());
        while (true) {
            SearchResult page = store.search(request);
            assertThat(page.errors()).isEmpty();
            page.hits().forEach(e -> ids.add(e.id()));
            if (page.nextCursor() == null) {
                return ids;
            }
            request = request.after(page.nextCursor());
        }
    }

    @Test
    void aSealedDayReceivesFindsPagesAndExportsItsLateEvents() {
        List<StoredEvent> onTime = TestEvents.random(31, 600, 3);
        List<StoredEvent> late = TestEvents.random(32, 200, 2);
        List<StoredEvent> all = Stream.concat(onTime.stream(), late.stream()).toList();
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            store.write(new EventBatch(onTime, 600));
            assertThat(store.seal(AFTER)).containsExactly("2026-03-01", "2026-03-02", "2026-03-03");

            Checkpoint written = store.write(new EventBatch(late, 800));
            assertThat(written.stored()).isEqualTo(200);
            assertThat(written.rejected()).isEmpty();
            assertThat(names(store, false)).containsExactly("2026-03-01.late-1", "2026-03-02.late-1");
            assertThat(count(store, null, null)).isEqualTo(800);
            long firstDay = all.stream().filter(e -> e.time().isBefore(DAY_2)).count();
            assertThat(count(store, TestEvents.BASE, DAY_2)).isEqualTo(firstDay);
            Query failed = new Query.Term("event.code", "4625", false);
            assertThat(store.search(SearchRequest.newest(failed, null, null, 0))
                            .total()
                            .value())
                    .isEqualTo(all.stream()
                            .filter(e -> NaiveMatcher.matches(failed, e))
                            .count());

            List<EventId> expected =
                    all.stream().sorted(OLDEST).map(StoredEvent::id).toList();
            assertThat(pageAll(store, SearchRequest.Order.OLDEST_FIRST)).containsExactlyElementsOf(expected);
            assertThat(pageAll(store, SearchRequest.Order.NEWEST_FIRST)).containsExactlyElementsOf(expected.reversed());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var request = new SearchRequest(
                    new Query.MatchAll(),
                    TestEvents.BASE,
                    DAY_2,
                    SearchRequest.Order.OLDEST_FIRST,
                    10,
                    null,
                    List.of());
            assertThat(store.export(request, new ExportFormat.Ndjson(), out).events())
                    .isEqualTo(firstDay);
            assertThat(out.toString(StandardCharsets.UTF_8).lines().distinct().count())
                    .isEqualTo(firstDay);
            late.forEach(e ->
                    assertThat(store.get(e.id())).as("late event %s", e.id()).isPresent());
        }
        try (LuceneEventStore reopened = new LuceneEventStore(StoreConfig.defaults(dir))) {
            assertThat(reopened.openProblems()).isEmpty();
            assertThat(count(reopened, null, null)).isEqualTo(800);
            assertThat(reopened.get(late.getLast().id())).isPresent();
        }
    }

    @Test
    void latePartitionsAreSealedInTheirTurnIntoTheChainAndTheNextOneOpens() {
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            store.write(new EventBatch(TestEvents.random(41, 300, 2), 300));
            store.seal(AFTER);
            List<StoredEvent> late = TestEvents.random(42, 50, 2);
            store.write(new EventBatch(late, 350));
            assertThat(store.seal(AFTER))
                    .as("a late partition waits one grace period from the run that first saw it")
                    .isEmpty();
            assertThat(store.seal(AFTER.plus(Duration.ofMinutes(59)))).isEmpty();
            assertThat(store.seal(AFTER.plus(Duration.ofHours(1))))
                    .containsExactly("2026-03-01.late-1", "2026-03-02.late-1");
            VerifyReport report = store.verify();
            assertThat(report.intact()).isTrue();
            assertThat(report.partitions())
                    .extracting(VerifyReport.PartitionCheck::partition)
                    .containsExactly("2026-03-01", "2026-03-01.late-1", "2026-03-02", "2026-03-02.late-1");
            assertThat(report.partitions())
                    .extracting(VerifyReport.PartitionCheck::status)
                    .containsOnly(VerifyReport.Status.INTACT);

            StoredEvent later = TestEvents.random(43, 1, 1).getFirst();
            assertThat(store.write(new EventBatch(List.of(later), 351)).stored())
                    .isOne();
            assertThat(names(store, false)).containsExactly("2026-03-01.late-2");
            assertThat(store.get(later.id())).isPresent();
            assertThat(count(store, null, null)).isEqualTo(351);
        }
        try (LuceneEventStore reopened = new LuceneEventStore(StoreConfig.defaults(dir))) {
            assertThat(reopened.openProblems()).isEmpty();
            assertThat(reopened.verify().intact()).isTrue();
            assertThat(names(reopened, true)).hasSize(4);
            assertThat(count(reopened, null, null)).isEqualTo(351);
            assertThat(reopened.seal(AFTER.plus(Duration.ofHours(2))))
                    .as("the due time of late-2 is stamped by this run, not before")
                    .isEmpty();
            assertThat(reopened.seal(AFTER.plus(Duration.ofHours(3)))).containsExactly("2026-03-01.late-2");
            assertThat(reopened.verify().intact()).isTrue();
        }
    }
}
