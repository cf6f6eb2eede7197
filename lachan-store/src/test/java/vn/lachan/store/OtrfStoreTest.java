package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.query.QueryParser;
import vn.lachan.core.store.Aggregation;
import vn.lachan.core.store.AggregationResult;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.testkit.Corpus;

/** Stores real OTRF Windows events and checks queries and aggregations against counts made in memory. */
class OtrfStoreTest {
    @TempDir
    Path dir;

    static List<Path> zips(int count) throws IOException {
        Path root = Corpus.require("otrf/windows");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".zip"))
                    .sorted()
                    .limit(count)
                    .toList();
        }
    }

    private static Query parse(String text) {
        return QueryParser.parse(text).result().orElseThrow(() -> new AssertionError("does not parse: " + text));
    }

    @Test
    void realEventsAnswerQueriesAsANaiveFilterDoes() throws IOException {
        OtrfEvents otrf = new OtrfEvents();
        List<StoredEvent> events = new ArrayList<>();
        long read = otrf.read(zips(12), events::add);
        assertThat(otrf.problems).isEmpty();
        assertThat(events).hasSizeGreaterThan(5_000);
        assertThat(read).isEqualTo(events.size() + otrf.skipped);
        StoreConfig config =
                new StoreConfig(dir, Duration.ofDays(1), Duration.ofHours(1), 1_000_000, 10_000, 10_000, 10_000, 32);
        try (LuceneEventStore store = new LuceneEventStore(config)) {
            for (int i = 0; i < events.size(); i += 5000) {
                var checkpoint = store.write(new EventBatch(events.subList(i, Math.min(i + 5000, events.size())), i));
                assertThat(checkpoint.rejected()).isEmpty();
            }
            check(store, events, "*", e -> true);
            check(
                    store,
                    events,
                    "event.code:4688",
                    e -> "4688".equals(e.fields().get("event.code")));
            check(
                    store,
                    events,
                    "event.code:(4688 OR 1) AND process.command_line:*SYSTEM32*",
                    e -> ("4688".equals(e.fields().get("event.code"))
                                    || "1".equals(e.fields().get("event.code")))
                            && lower(e, "process.command_line").contains("system32"));
            String host = String.valueOf(events.getFirst().fields().get("host.name"));
            check(
                    store,
                    events,
                    "host.name:\"" + host.toUpperCase(Locale.ROOT) + "\" AND NOT event.code:4688",
                    e -> lower(e, "host.name").equals(host.toLowerCase(Locale.ROOT))
                            && !"4688".equals(e.fields().get("event.code")));
            check(
                    store,
                    events,
                    "_exists_:process.command_line",
                    e -> e.fields().get("process.command_line") != null);

            SearchResult top = store.search(new SearchRequest(
                    new Query.MatchAll(),
                    null,
                    null,
                    SearchRequest.Order.NEWEST_FIRST,
                    0,
                    null,
                    List.of(
                            new Aggregation.Terms("codes", "event.code", 10),
                            new Aggregation.DistinctCount("hosts", "host.name"))));
            Map<String, Long> naive = events.stream()
                    .filter(e -> e.fields().get("event.code") != null)
                    .collect(Collectors.groupingBy(
                            e -> String.valueOf(e.fields().get("event.code")), Collectors.counting()));
            var codes = (AggregationResult.Terms) top.aggregations().getFirst();
            assertThat(codes.buckets())
                    .hasSize(10)
                    .allSatisfy(b -> assertThat(b.count()).isEqualTo(naive.get(b.key())));
            long hosts = events.stream()
                    .map(e -> e.fields().get("host.name"))
                    .filter(h -> h != null)
                    .distinct()
                    .count();
            assertThat(((AggregationResult.DistinctCount) top.aggregations().get(1)).estimate())
                    .isEqualTo(hosts);
        }
    }

    private static String lower(StoredEvent e, String field) {
        Object v = e.fields().get(field);
        return v == null ? "" : v.toString().toLowerCase(Locale.ROOT);
    }

    private static void check(
            LuceneEventStore store, List<StoredEvent> events, String text, Predicate<StoredEvent> naive) {
        long expected = events.stream().filter(naive).count();
        assertThat(expected).as("events that %s selects", text).isPositive();
        SearchResult result = store.search(SearchRequest.newest(parse(text), null, null, 5));
        assertThat(result.errors()).as(text).isEmpty();
        assertThat(result.total().value()).as(text).isEqualTo(expected);
        assertThat(result.hits())
                .allSatisfy(h -> assertThat(naive.test(h)).as("hit of %s", text).isTrue());
    }
}
