package vn.lachan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.alert.grouping.AlertGrouper;
import vn.lachan.alert.grouping.GroupingConfig;
import vn.lachan.alert.index.LuceneAlertStore;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.core.query.QueryParser;
import vn.lachan.core.store.PartitionInfo;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.ingest.parse.ParserConfig;
import vn.lachan.ingest.parse.RecordParser;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

/**
 * Late and absurd event times through the real pipeline: events for a day the store has sealed are stored
 * and the journal moves past them only once they are; an event stamped 1970 is stored under its receipt
 * time, flagged, without a partition for 1970.
 */
class LateEventsPipelineTest {
    private static final Path RULES = Path.of("../samples/rules");
    private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path data;

    private static RawRecord record(Instant received, String timestamp, String message) {
        String json =
                "{\"@timestamp\":\"" + timestamp + "\",\"message\":\"" + message + "\",\"host\":{\"name\":\"h1\"}}";
        return new RawRecord(received, "http", "10.1.2.3", "json", "test", json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<RawRecord> day(Instant received, int count, String message) {
        List<RawRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(record(received, DAY.plusSeconds(60L * i).toString(), message + " " + i));
        }
        return records;
    }

    /** Runs the pipeline over the records, from journal position {@code first}; returns its stats. */
    private PipelineStats run(ListSource source, LuceneEventStore events) {
        try (LuceneAlertStore alerts = LuceneAlertStore.open(data.resolve("alerts"));
                LiveRules rules = new LiveRules(List.of(RULES), LogSourceMap.bundled());
                RecordParser parser = new RecordParser(ParserConfig.defaults())) {
            AlertGrouper grouper = new AlertGrouper(GroupingConfig.DEFAULTS, alerts::get);
            Pipeline pipeline = new Pipeline(
                    PipelineConfig.defaults(7),
                    source,
                    parser,
                    rules,
                    events,
                    alerts,
                    grouper,
                    new SimpleMeterRegistry());
            pipeline.start();
            assertThat(pipeline.awaitCaughtUp(Duration.ofMinutes(1))).isTrue();
            pipeline.close();
            return pipeline.stats();
        }
    }

    private static SearchResult search(LuceneEventStore events, String query, Instant from, Instant to) {
        return events.search(SearchRequest.newest(
                Objects.requireNonNull(QueryParser.parse(query).query()), from, to, 100));
    }

    @Test
    void eventsForASealedDayAndAbsurdTimesAreStoredAndFound() {
        Instant received = DAY.plus(Duration.ofDays(9));
        try (LuceneEventStore events = new LuceneEventStore(StoreConfig.defaults(data))) {
            run(new ListSource(day(DAY.plusSeconds(3600), 30, "on time"), 0), events);
            assertThat(events.seal(received)).containsExactly("2026-03-01");

            List<RawRecord> late = new ArrayList<>(day(received, 20, "collector back"));
            late.add(record(received, "1970-01-01T00:00:00Z", "clock reset"));
            ListSource source = new ListSource(late, 30);
            PipelineStats stats = run(source, events);

            assertThat(stats.stored()).isEqualTo(21);
            assertThat(stats.rejected()).isZero();
            assertThat(source.committed())
                    .as("the journal moves past them once stored")
                    .isEqualTo(51);
            Instant dayEnd = DAY.plus(Duration.ofDays(1));
            assertThat(search(events, "*", DAY, dayEnd).total().value()).isEqualTo(50);
            assertThat(search(events, "message:collector", DAY, dayEnd).total().value())
                    .isEqualTo(20);
            assertThat(events.partitions())
                    .extracting(PartitionInfo::name)
                    .containsExactly("2026-03-01", "2026-03-01.late-1", "2026-03-10");

            SearchResult clamped = search(events, "_exists_:lachan.time.issue", received, received.plusSeconds(1));
            assertThat(clamped.hits()).singleElement().satisfies(e -> {
                assertThat(e.time()).isEqualTo(received);
                assertThat(e.fields()).containsEntry("lachan.time.original", "1970-01-01T00:00:00Z");
            });
        }
    }
}
