package vn.lachan.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.Aggregation;
import vn.lachan.core.store.PartitionInfo;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.store.LuceneEventStore;

/** Times the queries on a filled store: one untimed run, then {@value #RUNS} timed runs each. */
final class StoreQueries {
    static final int RUNS = 21;
    private static final int PAGE = 50;

    private StoreQueries() {}

    /**
     * Holds one query's latencies.
     *
     * @param name what the query asks
     * @param p50Ms the median latency
     * @param p95Ms the 95th percentile (the 20th of 21 sorted runs)
     * @param maxMs the slowest run
     * @param total the total the store reported (hits, or events aggregated)
     * @param errors the store's errors, if it refused the query; empty when it answered
     */
    record Latency(String name, double p50Ms, double p95Ms, double maxMs, long total, String errors) {}

    static List<Latency> measure(LuceneEventStore store) {
        PartitionInfo day = store.partitions().stream()
                .max(Comparator.comparingLong(PartitionInfo::events))
                .orElseThrow(() -> new IllegalStateException("the store holds no partition"));
        Query term = new Query.Term("event.code", "4688", false);
        List<Latency> out = new ArrayList<>();
        out.add(time(
                "term event.code:4688, busiest day " + day.name() + " (" + day.events() + " events), first page",
                () -> store.search(SearchRequest.newest(term, day.start(), day.end(), PAGE))));
        out.add(time(
                "term event.code:4688, all time, first page",
                () -> store.search(SearchRequest.newest(term, null, null, PAGE))));
        out.add(time(
                "top-10 terms of event.code, all events",
                () -> store.search(aggregate(new Aggregation.Terms("codes", "event.code", 10)))));
        out.add(time(
                "distinct count of host.name, all events",
                () -> store.search(aggregate(new Aggregation.DistinctCount("hosts", "host.name")))));
        out.add(time(
                "wildcard process.command_line:*powershell*, busiest day, first page",
                () -> store.search(SearchRequest.newest(
                        new Query.Wildcard("process.command_line", "*powershell*"), day.start(), day.end(), PAGE))));
        return out;
    }

    private static SearchRequest aggregate(Aggregation aggregation) {
        return new SearchRequest(
                new Query.MatchAll(), null, null, SearchRequest.Order.NEWEST_FIRST, 0, null, List.of(aggregation));
    }

    private static Latency time(String name, Supplier<SearchResult> search) {
        SearchResult last = search.get();
        long[] runs = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            last = search.get();
            runs[i] = System.nanoTime() - t;
        }
        Arrays.sort(runs);
        String errors = last.errors().isEmpty() ? "" : last.errors().toString();
        return new Latency(
                name,
                runs[RUNS / 2] / 1e6,
                runs[RUNS - 2] / 1e6,
                runs[RUNS - 1] / 1e6,
                last.total().value(),
                errors);
    }
}
