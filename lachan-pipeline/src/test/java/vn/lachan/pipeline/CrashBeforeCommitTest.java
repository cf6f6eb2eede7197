package vn.lachan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.alert.grouping.AlertGrouper;
import vn.lachan.alert.grouping.GroupingConfig;
import vn.lachan.alert.index.LuceneAlertStore;
import vn.lachan.core.alert.AlertQuery;
import vn.lachan.core.alert.AlertRecord;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.ingest.parse.ParserConfig;
import vn.lachan.ingest.parse.RecordParser;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;
import vn.lachan.testkit.CrashCopy;

/**
 * The journal is committed only as far as the event store is durable: a crash after batches were
 * written but before the store's next commit replays them, and the replay stores each event once and
 * counts each alert once.
 */
class CrashBeforeCommitTest {
    private static final Path SAMPLES = Path.of("../samples");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PipelineConfig SMALL_BATCHES =
            new PipelineConfig(5, Duration.ofMillis(20), 2, 7, List.of(), "u", "u");

    @TempDir
    Path dir;

    private static List<RawRecord> records() {
        List<RawRecord> records = new ArrayList<>();
        Instant now = Instant.now();
        new EventFiles(p -> {
                    throw new AssertionError(p.toString());
                })
                .readAll(
                        List.of(SAMPLES.resolve("events")),
                        e -> records.add(new RawRecord(
                                now, "http", "10.9.8.7", "json", "samples", JSON.writeValueAsBytes(e.fields()))));
        return records;
    }

    @Test
    void batchesWrittenButNotDurableAreReplayedOnceAfterACrash() throws Exception {
        List<RawRecord> records = records();
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        ListSource source = new ListSource(records, 0);
        StoreConfig rarely = StoreConfig.defaults(live).withCommitInterval(Duration.ofHours(1));
        try (LuceneEventStore events = new LuceneEventStore(rarely);
                LuceneAlertStore alerts = LuceneAlertStore.open(live.resolve("alerts"));
                Pipeline pipeline = pipeline(SMALL_BATCHES, source, events, alerts)) {
            pipeline.start();
            awaitStored(pipeline, records.size());
            assertThat(events.durablePosition()).isEqualTo(-1);
            assertThat(source.committed())
                    .as("journal held back to the durable position")
                    .isZero();
            assertThat(pipeline.lag()).isEqualTo(records.size());
            CrashCopy.of(live, crashed);
            pipeline.close();
            assertThat(source.committed())
                    .as("draining makes everything durable")
                    .isEqualTo(records.size());
        }
        ListSource replay = new ListSource(records, 0);
        try (LuceneEventStore events = new LuceneEventStore(StoreConfig.defaults(crashed));
                LuceneAlertStore alerts = LuceneAlertStore.open(crashed.resolve("alerts"));
                Pipeline pipeline = pipeline(SMALL_BATCHES, replay, events, alerts)) {
            assertThat(events.search(all()).total().value()).isZero();
            pipeline.start();
            assertThat(pipeline.awaitCaughtUp(Duration.ofMinutes(1))).isTrue();
            pipeline.close();
            assertThat(events.search(all()).total().value()).isEqualTo(records.size());
            List<AlertRecord> stored = alerts.search(new AlertQuery(null, null, null, Set.of(), null, null, 1000, null))
                    .items();
            // the alerts were durable before the crash: their detections are suppressed, not counted again
            assertThat(stored.stream().mapToLong(AlertRecord::count).sum()).isEqualTo(9);
            assertThat(pipeline.stats().suppressedReplays()).isEqualTo(9);
        }
    }

    private static Pipeline pipeline(
            PipelineConfig config, ListSource source, LuceneEventStore events, LuceneAlertStore alerts) {
        LiveRules rules = new LiveRules(List.of(SAMPLES.resolve("rules")), LogSourceMap.bundled());
        RecordParser parser = new RecordParser(ParserConfig.defaults());
        AlertGrouper grouper = new AlertGrouper(GroupingConfig.DEFAULTS, alerts::get);
        return new Pipeline(config, source, parser, rules, events, alerts, grouper, new SimpleMeterRegistry());
    }

    private static SearchRequest all() {
        return SearchRequest.newest(new Query.MatchAll(), null, null, 0);
    }

    private static void awaitStored(Pipeline pipeline, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (pipeline.stats().stored() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(pipeline.stats().stored()).isEqualTo(count);
    }
}
