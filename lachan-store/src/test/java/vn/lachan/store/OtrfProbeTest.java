package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.Aggregation;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.PartitionInfo;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;

/**
 * Measures indexing rate, disk use and a few query latencies over the whole OTRF corpus; runs only with
 * {@code -Dlachan.probe=true} and asserts nothing about time (the benchmarks do that).
 */
class OtrfProbeTest {
    @TempDir
    Path dir;

    @Test
    void probe() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("lachan.probe"), "a probe: run with -Dlachan.probe=true");
        OtrfEvents otrf = new OtrfEvents();
        List<Path> zips = OtrfStoreTest.zips(Integer.MAX_VALUE);
        long[] writeNanos = {0};
        long[] stored = {0};
        List<StoredEvent> batch = new ArrayList<>();
        long start = System.nanoTime();
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            otrf.read(zips, e -> {
                if (stored[0] == 0 && batch.size() == 19_999) {
                    breakdown(batch);
                }
                batch.add(e);
                if (batch.size() == 20_000) {
                    writeNanos[0] += write(store, batch, stored[0]);
                    stored[0] += batch.size();
                    batch.clear();
                }
            });
            writeNanos[0] += write(store, batch, stored[0]);
            stored[0] += batch.size();
            long wall = System.nanoTime() - start;
            long open = bytes(dir);
            store.seal(Instant.parse("2030-01-01T00:00:00Z"));
            long sealed = bytes(dir);
            report(
                    "events %d (skipped %d), partitions %d",
                    stored[0], otrf.skipped, store.partitions().size());
            report(
                    "store.write: %.0f events/s; read+parse+write: %.0f events/s",
                    stored[0] / (writeNanos[0] / 1e9), stored[0] / (wall / 1e9));
            report(
                    "raw NDJSON %d MB; store open %d MB (%.0f%%); sealed (merged) %d MB (%.0f%%)",
                    otrf.raw >> 20, open >> 20, 100.0 * open / otrf.raw, sealed >> 20, 100.0 * sealed / otrf.raw);
            latencies(store);
            assertThat(stored[0]).isPositive();
        }
    }

    /** Reports where indexing time goes: building documents (typing, JSON) versus the rest. */
    private static void breakdown(List<StoredEvent> events) {
        Schema schema = new Schema();
        long t = System.nanoTime();
        events.forEach(e -> EventDocuments.build(e, schema));
        long build = System.nanoTime() - t;
        t = System.nanoTime();
        events.forEach(e -> Json.write(e.fields()));
        long json = System.nanoTime() - t;
        report(
                "one thread: build documents %.0f events/s, of which JSON of fields %.0f%%",
                events.size() / (build / 1e9), 100.0 * json / build);
    }

    private static long write(LuceneEventStore store, List<StoredEvent> batch, long position) {
        long t = System.nanoTime();
        store.write(new EventBatch(batch, position + batch.size()));
        return System.nanoTime() - t;
    }

    private static void latencies(LuceneEventStore store) {
        List<PartitionInfo> parts = store.partitions().stream()
                .sorted((a, b) -> Long.compare(b.events(), a.events()))
                .toList();
        PartitionInfo day = parts.getFirst();
        Query term = new Query.Term("event.code", "4688", false);
        time(
                "term event.code:4688, one-day range, first page of 50 (busiest day " + day.name() + ")",
                () -> store.search(SearchRequest.newest(term, day.start(), day.end(), 50)));
        time(
                "term event.code:4688, all time, first page of 50",
                () -> store.search(SearchRequest.newest(term, null, null, 50)));
        time(
                "top-10 terms of event.code over all events",
                () -> store.search(new SearchRequest(
                        new Query.MatchAll(),
                        null,
                        null,
                        SearchRequest.Order.NEWEST_FIRST,
                        0,
                        null,
                        List.of(new Aggregation.Terms("c", "event.code", 10)))));
        time(
                "wildcard process.command_line:*powershell*, one day",
                () -> store.search(SearchRequest.newest(
                        new Query.Wildcard("process.command_line", "*powershell*"), day.start(), day.end(), 50)));
        time(
                "distinct host.name over all events",
                () -> store.search(new SearchRequest(
                        new Query.MatchAll(),
                        null,
                        null,
                        SearchRequest.Order.NEWEST_FIRST,
                        0,
                        null,
                        List.of(new Aggregation.DistinctCount("h", "host.name")))));
    }

    private static void time(String what, java.util.function.Supplier<SearchResult> search) {
        long[] runs = new long[21];
        SearchResult last = search.get();
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            last = search.get();
            runs[i] = System.nanoTime() - t;
        }
        Arrays.sort(runs);
        report(
                "%s: p50 %.1f ms, p95 %.1f ms, total %s %s",
                what,
                runs[10] / 1e6,
                runs[19] / 1e6,
                last.total().value(),
                last.errors().isEmpty() ? "" : last.errors());
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private static void report(String format, Object... args) {
        System.out.println("[probe] " + String.format(Locale.ROOT, format, args));
    }
}
