package vn.lachan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
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
import vn.lachan.core.alert.AlertPage;
import vn.lachan.core.alert.AlertQuery;
import vn.lachan.core.alert.AlertRecord;
import vn.lachan.core.alert.AlertStore;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.core.org.Subtrees;
import vn.lachan.core.query.QueryParser;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.EventStore;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.ingest.parse.ParserConfig;
import vn.lachan.ingest.parse.RecordParser;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

/**
 * Runs the real pipeline (parser, Sigma engine, Lucene event store, Lucene alert index) over the bundled
 * attack story, fed from an in-memory journal.
 */
class PipelineTest {
    private static final Path SAMPLES = Path.of("../samples");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    private static List<RawRecord> sampleRecords() {
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

    private record Run(PipelineStats stats, long storedTotal, List<AlertRecord> alerts, long committed) {}

    private Run run(List<RawRecord> records, long first, PipelineConfig config) {
        return run(records, first, config, Subtrees.SELF_ONLY);
    }

    private Run run(List<RawRecord> records, long first, PipelineConfig config, Subtrees subtrees) {
        ListSource source = new ListSource(records, first);
        try (LuceneEventStore events = new LuceneEventStore(StoreConfig.defaults(data));
                LuceneAlertStore alerts = LuceneAlertStore.open(data.resolve("alerts"));
                LiveRules rules = new LiveRules(List.of(SAMPLES.resolve("rules")), LogSourceMap.bundled());
                RecordParser parser = new RecordParser(ParserConfig.defaults())) {
            AlertGrouper grouper = new AlertGrouper(GroupingConfig.DEFAULTS, alerts::get);
            Pipeline pipeline = new Pipeline(
                    config, source, parser, rules, events, alerts, grouper, new SimpleMeterRegistry(), subtrees);
            pipeline.start();
            assertThat(pipeline.awaitCaughtUp(Duration.ofMinutes(1))).isTrue();
            pipeline.close();
            long total = events.search(all()).total().value();
            AlertPage page = alerts.search(new AlertQuery(null, null, null, Set.of(), null, null, 1000, null));
            for (AlertRecord alert : page.items()) {
                for (String id : alert.eventIds()) {
                    assertThat(events.get(EventId.parse(id).orElseThrow()))
                            .as("event %s behind alert %s", id, alert.title())
                            .isPresent();
                }
            }
            return new Run(pipeline.stats(), total, page.items(), source.committed());
        }
    }

    private static SearchRequest all() {
        return SearchRequest.newest(
                java.util.Objects.requireNonNull(QueryParser.parse("*").query()), null, null, 1000);
    }

    @Test
    void storesEveryEventAndRaisesTheStorysAlertsWithTheirEvents() {
        List<RawRecord> records = sampleRecords();
        Run run = run(records, 0, PipelineConfig.defaults(7));

        assertThat(run.storedTotal()).isEqualTo(records.size());
        assertThat(run.stats().stored()).isEqualTo(records.size());
        assertThat(run.stats().parseFailures()).isZero();
        assertThat(run.committed()).isEqualTo(records.size());
        // 8 detection rules and one correlation fire, as lachan hunt finds on the same files
        assertThat(run.stats().detections()).isEqualTo(9);
        assertThat(run.alerts().stream().mapToLong(AlertRecord::count).sum()).isEqualTo(9);
        assertThat(run.alerts()).anySatisfy(a -> assertThat(a.correlation()).isTrue());
        assertThat(run.alerts())
                .allSatisfy(a -> assertThat(a.entities()).containsEntry("host.name", "STC-KT-PC12.stc.lachan.gov.vn"));
    }

    @Test
    void aReplayAfterACrashStoresNothingTwiceAndCountsNoAlertTwice() {
        List<RawRecord> records = sampleRecords();
        Run first = run(records, 0, new PipelineConfig(7, Duration.ofMillis(20), 2, 7, List.of(), "u", "u"));
        // the journal's commit was lost: everything is replayed from position 0 into the same stores
        Run replay = run(records, 0, new PipelineConfig(7, Duration.ofMillis(20), 2, 7, List.of(), "u", "u"));

        assertThat(replay.storedTotal()).isEqualTo(first.storedTotal()).isEqualTo(records.size());
        assertThat(replay.alerts()).hasSameSizeAs(first.alerts());
        assertThat(replay.alerts().stream().mapToLong(AlertRecord::count).sum()).isEqualTo(9);
        assertThat(replay.stats().suppressedReplays()).isEqualTo(9);
    }

    @Test
    void keepsARecordNoParserUnderstandsRawWithTheReason() {
        byte[] garbage = {(byte) 0xC3, (byte) 0x28, 'x', '{', '"'};
        List<RawRecord> records =
                List.of(new RawRecord(Instant.parse("2026-11-20T03:00:00Z"), "http", "", "json", "", garbage));
        Run run = run(records, 0, PipelineConfig.defaults(7));

        assertThat(run.storedTotal()).isEqualTo(1);
        assertThat(run.stats().parseFailures()).isEqualTo(1);
        try (LuceneEventStore events = new LuceneEventStore(StoreConfig.defaults(data))) {
            var hit = events.search(SearchRequest.newest(
                            java.util.Objects.requireNonNull(
                                    QueryParser.parse("_exists_:error.message").query()),
                            null,
                            null,
                            10))
                    .hits();
            assertThat(hit).hasSize(1);
            assertThat(hit.getFirst().raw()).isEqualTo(new String(garbage, StandardCharsets.UTF_8));
        }
    }

    @Test
    void givesEventsTheOrganizationAndSystemOfTheFirstMatchingOwnership() {
        List<RawRecord> records = sampleRecords();
        var owners = List.of(
                new Ownership("so-tc", "ke-toan", List.of("*.stc.lachan.gov.vn"), List.of(), List.of()),
                new Ownership("other", "x", List.of(), List.of("10.0.0.0/8"), List.of()));
        run(records, 0, new PipelineConfig(64, Duration.ofMillis(20), 2, 7, owners, "u", "u"));

        try (LuceneEventStore events = new LuceneEventStore(StoreConfig.defaults(data))) {
            var hits = events.search(all()).hits();
            assertThat(hits).isNotEmpty().allSatisfy(h -> {
                assertThat(h.organization()).isEqualTo("so-tc");
                assertThat(h.system()).isEqualTo("ke-toan");
            });
        }
    }

    @Test
    void keepsTheEventsOfAnAgencysCredentialInsideItsSubtree() {
        var owners = List.of(new Ownership("so-tc", "ke-toan", List.of("*.stc.lachan.gov.vn"), List.of(), List.of()));
        var config = new PipelineConfig(64, Duration.ofMillis(20), 2, 7, owners, "u", "u");
        List<RawRecord> fromHealth =
                sampleRecords().stream().map(r -> r.withOrigin("SO-YT")).toList();
        // the health department's token sends events the ownerships file under the finance department
        run(fromHealth, 0, config, (root, code) -> root.equals(code));

        try (LuceneEventStore events = new LuceneEventStore(StoreConfig.defaults(data))) {
            var hits = events.search(all()).hits();
            assertThat(hits).isNotEmpty().allSatisfy(h -> {
                assertThat(h.organization()).isEqualTo("SO-YT");
                assertThat(h.system()).isEqualTo("u");
                assertThat(h.fields()).containsEntry(DetectStage.CLAIMED, "so-tc");
            });
        }
    }

    @Test
    void keepsTheOwnershipWhenItLiesInTheSendersSubtree() {
        var owners = List.of(new Ownership("so-tc", "ke-toan", List.of("*.stc.lachan.gov.vn"), List.of(), List.of()));
        var config = new PipelineConfig(64, Duration.ofMillis(20), 2, 7, owners, "u", "u");
        List<RawRecord> fromProvince =
                sampleRecords().stream().map(r -> r.withOrigin("TINH")).toList();
        Subtrees tree = (root, code) -> root.equals(code) || root.equals("TINH") && code.equals("so-tc");
        run(fromProvince, 0, config, tree);

        try (LuceneEventStore events = new LuceneEventStore(StoreConfig.defaults(data))) {
            var hits = events.search(all()).hits();
            assertThat(hits).isNotEmpty().allSatisfy(h -> {
                assertThat(h.organization()).isEqualTo("so-tc");
                assertThat(h.system()).isEqualTo("ke-toan");
                assertThat(h.fields()).doesNotContainKey(DetectStage.CLAIMED);
            });
        }
    }

    @Test
    void writesTheAlertsOfWaitingBatchesBeforeTheirEvents() throws Exception {
        List<RawRecord> records = sampleRecords();
        int batch = 4;
        ListSource source = new ListSource(records, 0);
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        var first = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (LuceneEventStore events = new LuceneEventStore(StoreConfig.defaults(data));
                LuceneAlertStore alerts = LuceneAlertStore.open(data.resolve("alerts"));
                LiveRules rules = new LiveRules(List.of(SAMPLES.resolve("rules")), LogSourceMap.bundled());
                RecordParser parser = new RecordParser(ParserConfig.defaults())) {
            // the event store's first write waits until the detect thread has filled the queue behind it
            EventStore slow = recording(EventStore.class, events, "write", args -> {
                if (first.getAndSet(false)) {
                    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                    while (source.polled() < Math.min(records.size(), 4 * batch) && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                }
                order.add("E" + ((vn.lachan.core.store.EventBatch) args[0]).position());
            });
            AlertStore counted = recording(AlertStore.class, alerts, "write", args -> order.add("A" + args[1]));
            AlertGrouper grouper = new AlertGrouper(GroupingConfig.DEFAULTS, alerts::get);
            var config = new PipelineConfig(batch, Duration.ofMillis(20), 2, 7, List.of(), "u", "u");
            Pipeline pipeline =
                    new Pipeline(config, source, parser, rules, slow, counted, grouper, new SimpleMeterRegistry());
            pipeline.start();
            assertThat(pipeline.awaitCaughtUp(Duration.ofMinutes(1))).isTrue();
            pipeline.close();
        }

        List<String> seen = List.copyOf(order);
        boolean alertAhead = false;
        for (int i = 0; i < seen.size() && !alertAhead; i++) {
            for (int j = i + 1; j < seen.size() && seen.get(i).startsWith("A"); j++) {
                alertAhead |= seen.get(j).startsWith("E")
                        && Long.parseLong(seen.get(j).substring(1))
                                < Long.parseLong(seen.get(i).substring(1));
            }
        }
        assertThat(seen).as("alert and event writes, by batch end").anyMatch(e -> e.startsWith("A"));
        assertThat(alertAhead)
                .as("an alert of a waiting batch written before the events of a batch ahead of it: %s", seen)
                .isTrue();
    }

    private interface Call {
        void seen(Object[] args) throws Exception;
    }

    /** Returns {@code target} behind a proxy that tells {@code call} about each call of {@code method} first. */
    private static <T> T recording(Class<T> type, T target, String method, Call call) {
        Object proxy =
                java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
                    if (m.getName().equals(method)) {
                        call.seen(args);
                    }
                    try {
                        return m.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return type.cast(proxy);
    }
}
