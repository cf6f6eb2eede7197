package vn.lachan.alert.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.alert.AlertPage;
import vn.lachan.core.alert.AlertQuery;
import vn.lachan.core.alert.AlertRecord;

/** Searches running while the pipeline writes see consistent pages and never fail. */
class ConcurrentSearchTest {
    @TempDir
    Path dir;

    @Test
    void searchesDuringWritesSeeOrderedConsistentPages() throws Exception {
        List<AlertRecord> alerts = Alerts.random(600, 13);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> totals = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        try (LuceneAlertStore store = LuceneAlertStore.open(dir)) {
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(Thread.ofPlatform().name("alert-reader-" + r).start(() -> {
                    while (writing.get()) {
                        try {
                            totals.add(checkOnePass(store));
                        } catch (Throwable t) {
                            failures.add(t);
                            return;
                        }
                    }
                }));
            }
            for (int i = 0; i < alerts.size(); i += 40) {
                store.write(alerts.subList(i, Math.min(alerts.size(), i + 40)), i);
            }
            writing.set(false);
            for (Thread reader : readers) {
                reader.join();
            }
            assertThat(failures).isEmpty();
            assertThat(totals).isNotEmpty().allSatisfy(t -> assertThat(t).isBetween(0L, (long) alerts.size()));
            assertThat(checkOnePass(store)).isEqualTo(alerts.size());
        }
    }

    /** Reads two pages and checks that they are each in order; returns the total. */
    private static long checkOnePass(LuceneAlertStore store) {
        AlertPage first = store.search(new AlertQuery(null, null, null, Set.of(), null, null, 50, null));
        assertThat(first.items()).isSortedAccordingTo(Alerts.NEWEST_FIRST);
        assertThat((long) first.items().size()).isEqualTo(Math.min(50, first.total()));
        if (first.nextCursor() != null) {
            AlertPage second =
                    store.search(new AlertQuery(null, null, null, Set.of(), null, null, 50, first.nextCursor()));
            assertThat(second.items()).isSortedAccordingTo(Alerts.NEWEST_FIRST);
        }
        return first.total();
    }
}
