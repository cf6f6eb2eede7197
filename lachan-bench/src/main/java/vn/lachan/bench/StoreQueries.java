package vn.lachan.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

    /** The budget for the first page of a term query over one day, at p95. */
    static final double TERM_DAY_BUDGET_MS = 300;

    /** The budget for a top-10 terms aggregation over every stored event. */
    static final double TOP_TERMS_BUDGET_MS = 2_000;

    /** No budget: the query is timed for the record, the issue names no target for it. */
    static final double NO_BUDGET = Double.NaN;

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
     * @param budgetMs the target for p95, or {@link #NO_BUDGET} when it names none
     */
    record Latency(String name, double p50Ms, double p95Ms, double maxMs, long total, String errors, double budgetMs) {
        /** Returns whether the issue names a target for this query. */
        boolean budgeted() {
            return !Double.isNaN(budgetMs);
        }

        /** Returns the verdict against the target, e.g. "met, 0.05x the budget", or "" when there is none. */
        String verdict() {
            if (!budgeted()) {
                return "";
            }
            return String.format(
                    Locale.ROOT,
                    "target p95 < %,.0f ms: %s, %.3fx the budget",
                    budgetMs,
                    errors.isEmpty() && p95Ms < budgetMs ? "met" : "MISSED",
                    p95Ms / budgetMs);
        }

        /**
         * Returns the figures as one line of a report's table, with the verdict against the target
         * when {@code judged} (the targets name a store of 10 M events: a smaller one is not judged).
         */
        String figures(boolean judged) {
            String verdict = judged ? verdict() : "";
            return String.format(
                    Locale.ROOT,
                    "p50 %.1f ms, p95 %.1f ms, max %.1f ms, total %d%s%s",
                    p50Ms,
                    p95Ms,
                    maxMs,
                    total,
                    errors.isEmpty() ? "" : ", ERRORS " + errors,
                    verdict.isEmpty() ? "" : "; " + verdict);
        }

        /** Returns the figures as a JSON object. */
        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"name\": %s, \"runs\": %d, \"p50Ms\": %.3f, \"p95Ms\": %.3f, \"maxMs\": %.3f, \"total\": %d,"
                            + " \"errors\": %s, \"budgetMs\": %s, \"met\": %s}",
                    ReportJson.quote(name),
                    RUNS,
                    p50Ms,
                    p95Ms,
                    maxMs,
                    total,
                    ReportJson.quote(errors),
                    budgeted() ? String.format(Locale.ROOT, "%.0f", budgetMs) : "null",
                    budgeted() ? Boolean.toString(errors.isEmpty() && p95Ms < budgetMs) : "null");
        }
    }

    /** One query to time: what it asks, the budget for it, the request. */
    private record Case(String name, double budgetMs, SearchRequest request) {}

    static List<Latency> measure(LuceneEventStore store) {
        PartitionInfo day = store.partitions().stream()
                .max(Comparator.comparingLong(PartitionInfo::events))
                .orElseThrow(() -> new IllegalStateException("the store holds no partition"));
        List<Latency> out = new ArrayList<>();
        for (Case c : cases(day)) {
            out.add(time(c.name(), c.budgetMs(), () -> store.search(c.request())));
        }
        return out;
    }

    private static List<Case> cases(PartitionInfo day) {
        Query term = new Query.Term("event.code", "4688", false);
        // A day as an analyst types it: 24 h from noon, across two daily partitions and cut by the range filter
        Instant noon = day.start().plus(Duration.ofHours(12));
        Instant nextNoon = noon.plus(Duration.ofDays(1));
        Query wildcard = new Query.Wildcard("process.command_line", "*whoami*");
        Query phrase = new Query.FreeText("a new process has been created", Query.FreeText.Kind.PHRASE);
        return List.of(
                new Case(
                        "term event.code:4688, busiest day " + day.name() + " (" + day.events()
                                + " events), first page",
                        TERM_DAY_BUDGET_MS,
                        SearchRequest.newest(term, day.start(), day.end(), PAGE)),
                new Case(
                        "term event.code:4688, 24 h from " + noon + ", first page",
                        TERM_DAY_BUDGET_MS,
                        SearchRequest.newest(term, noon, nextNoon, PAGE)),
                new Case(
                        "term event.code:4688, all time, first page",
                        NO_BUDGET,
                        SearchRequest.newest(term, null, null, PAGE)),
                new Case(
                        "top-10 terms of event.code, all events",
                        TOP_TERMS_BUDGET_MS,
                        aggregate(new Aggregation.Terms("codes", "event.code", 10))),
                new Case(
                        "distinct count of host.name, all events",
                        NO_BUDGET,
                        aggregate(new Aggregation.DistinctCount("hosts", "host.name"))),
                new Case(
                        "wildcard process.command_line:*whoami*, busiest day, first page",
                        NO_BUDGET,
                        SearchRequest.newest(wildcard, day.start(), day.end(), PAGE)),
                new Case(
                        "free-text phrase \"a new process has been created\", busiest day, first page",
                        NO_BUDGET,
                        SearchRequest.newest(phrase, day.start(), day.end(), PAGE)));
    }

    private static SearchRequest aggregate(Aggregation aggregation) {
        return new SearchRequest(
                new Query.MatchAll(), null, null, SearchRequest.Order.NEWEST_FIRST, 0, null, List.of(aggregation));
    }

    private static Latency time(String name, double budgetMs, Supplier<SearchResult> search) {
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
                errors,
                budgetMs);
    }
}
