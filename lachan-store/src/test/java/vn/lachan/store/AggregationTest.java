package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.Aggregation;
import vn.lachan.core.store.AggregationResult;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;

/** Compares aggregations with counts made in memory over the same events. */
class AggregationTest {
    @TempDir
    static Path dir;

    private static LuceneEventStore store;
    private static List<StoredEvent> events;

    @BeforeAll
    static void fill() {
        store = new LuceneEventStore(StoreConfig.defaults(dir));
        events = TestEvents.random(11, 4000, 3);
        store.write(new EventBatch(events, 1));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static SearchResult aggregate(Query query, Aggregation... aggregations) {
        return store.search(
                new SearchRequest(query, null, null, SearchRequest.Order.NEWEST_FIRST, 0, null, List.of(aggregations)));
    }

    @Test
    void termsCountsEqualNaiveCounts() {
        Query query = new Query.Not(new Query.Term("event.code", "1", false));
        SearchResult result = aggregate(
                query,
                new Aggregation.Terms("hosts", "host.name", 3),
                new Aggregation.Terms("ports", "destination.port", 10));
        Map<String, Long> hosts = events.stream()
                .filter(e -> NaiveMatcher.matches(query, e))
                .collect(Collectors.groupingBy(
                        e -> (String) NaiveMatcher.flatten(e.fields())
                                .getOrDefault("host.name", List.of())
                                .getFirst(),
                        Collectors.counting()));
        var terms = (AggregationResult.Terms) result.aggregations().getFirst();
        assertThat(terms.buckets()).hasSize(3);
        terms.buckets().forEach(b -> assertThat(b.count()).as(b.key()).isEqualTo(hosts.get(b.key())));
        long total = hosts.values().stream().mapToLong(Long::longValue).sum();
        assertThat(terms.others()
                        + terms.buckets().stream()
                                .mapToLong(AggregationResult.Bucket::count)
                                .sum())
                .isEqualTo(total);
        assertThat(terms.buckets().getFirst().count())
                .isGreaterThanOrEqualTo(terms.buckets().get(1).count());
        var ports = (AggregationResult.Terms) result.aggregations().get(1);
        Map<String, Long> naivePorts = events.stream()
                .filter(e -> NaiveMatcher.matches(query, e))
                .collect(Collectors.groupingBy(
                        e -> String.valueOf(e.fields().get("destination.port")), Collectors.counting()));
        assertThat(ports.buckets().stream()
                        .collect(Collectors.toMap(AggregationResult.Bucket::key, AggregationResult.Bucket::count)))
                .isEqualTo(naivePorts);
    }

    @Test
    void statsAndHistogramEqualNaiveValues() {
        Instant from = TestEvents.BASE;
        Instant to = TestEvents.BASE.plus(Duration.ofDays(3));
        SearchResult result = store.search(new SearchRequest(
                new Query.MatchAll(),
                from,
                to,
                SearchRequest.Order.NEWEST_FIRST,
                0,
                null,
                List.of(
                        new Aggregation.Stats("bytes", "network.bytes"),
                        new Aggregation.DateHistogram("perHour", Duration.ofHours(6)))));
        var stats = (AggregationResult.Stats) result.aggregations().getFirst();
        var bytes = events.stream()
                .mapToLong(e -> (Long) e.fields().get("network.bytes"))
                .summaryStatistics();
        assertThat(stats.count()).isEqualTo(bytes.getCount());
        assertThat(stats.min()).isEqualTo(bytes.getMin());
        assertThat(stats.max()).isEqualTo(bytes.getMax());
        assertThat(stats.avg()).isCloseTo(bytes.getAverage(), within(1e-6));
        var histogram = (AggregationResult.DateHistogram) result.aggregations().get(1);
        assertThat(histogram.buckets()).hasSize(12);
        Map<Instant, Long> naive = events.stream()
                .collect(Collectors.groupingBy(
                        e -> Instant.ofEpochMilli(
                                Math.floorDiv(e.time().toEpochMilli(), 6 * 3_600_000L) * 6 * 3_600_000L),
                        Collectors.counting()));
        histogram.buckets().forEach(b -> assertThat(b.count()).isEqualTo(naive.getOrDefault(b.start(), 0L)));
    }

    @Test
    void distinctCountIsWithinAFewPercent() throws Exception {
        Random random = new Random(5);
        Set<String> values = new HashSet<>();
        try (LuceneEventStore big = new LuceneEventStore(StoreConfig.defaults(dir.resolve("hll")))) {
            List<StoredEvent> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 60_000; i++) {
                String user = "user-" + random.nextInt(40_000);
                values.add(user);
                Instant t = TestEvents.BASE.plusSeconds(random.nextInt(2 * 86_400));
                batch.add(TestEvents.stored(
                        random, t, "so-tttt", "ad", new java.util.LinkedHashMap<>(Map.of("user.id", user, "n", (long)
                                i))));
            }
            big.write(new EventBatch(batch, 1));
            var result = big.search(new SearchRequest(
                    new Query.MatchAll(),
                    null,
                    null,
                    SearchRequest.Order.NEWEST_FIRST,
                    0,
                    null,
                    List.of(
                            new Aggregation.DistinctCount("users", "user.id"),
                            new Aggregation.DistinctCount("n", "n"))));
            long users =
                    ((AggregationResult.DistinctCount) result.aggregations().getFirst()).estimate();
            long numbers =
                    ((AggregationResult.DistinctCount) result.aggregations().get(1)).estimate();
            assertThat((double) users).isCloseTo(values.size(), within(values.size() * 0.03));
            assertThat((double) numbers).isCloseTo(60_000, within(60_000 * 0.03));
        }
    }

    @Test
    void aggregationsOnTextOrTooManyBucketsAreRefusedWithAReason() {
        SearchResult text = aggregate(new Query.MatchAll(), new Aggregation.Terms("m", "message", 5));
        assertThat(text.errors())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("analysed text"));
        SearchResult buckets = aggregate(new Query.MatchAll(), new Aggregation.Terms("h", "host.name", 1_000_000));
        assertThat(buckets.errors())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("at most 10000"));
        SearchResult histogram =
                aggregate(new Query.MatchAll(), new Aggregation.DateHistogram("s", Duration.ofSeconds(1)));
        assertThat(histogram.errors())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("widen the interval"));
    }
}
