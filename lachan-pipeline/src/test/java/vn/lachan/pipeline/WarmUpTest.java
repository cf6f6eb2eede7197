package vn.lachan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.ingest.parse.ParsedRecord;
import vn.lachan.ingest.parse.ParserConfig;
import vn.lachan.ingest.parse.RecordParser;
import vn.lachan.sigma.Alert;
import vn.lachan.sigma.EngineOptions;
import vn.lachan.sigma.SigmaEngine;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

/** Runs the warm-up with the real parser, a compiled engine and a Lucene store, and checks it leaves no trace. */
class WarmUpTest {
    private static final String DETECTION = """
            title: PowerShell started
            id: 0d1c2b3a-4f5e-4a6b-8c7d-9e0f1a2b3c4d
            name: warm_powershell
            logsource:
                category: process_creation
                product: windows
            detection:
                selection:
                    Image|endswith: '\\powershell.exe'
                condition: selection
            level: low
            """;
    private static final String CORRELATION = """
            title: PowerShell started twice on one computer
            id: 1e2d3c4b-5a6f-4b7c-9d8e-0f1a2b3c4d5e
            correlation:
                type: event_count
                rules:
                    - warm_powershell
                group-by:
                    - Computer
                timespan: 1h
                condition:
                    gte: 2
                generate: true
            level: high
            """;

    @TempDir
    Path dir;

    @Test
    void everyBundledSampleIsUnderstoodByAParser() {
        List<RawRecord> samples = WarmUp.bundled();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(30);
        List<String> raw = new ArrayList<>();
        try (RecordParser parser = new RecordParser(ParserConfig.defaults())) {
            for (RawRecord s : samples) {
                ParsedRecord parsed = parser.parse(s);
                if (parsed.outcome() == ParsedRecord.Outcome.RAW) {
                    raw.add(parsed.parser() + ": " + new String(s.payload(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(raw).as("samples kept raw").isEmpty();
    }

    @Test
    void warmsUpOnACopyOfTheEngineWithoutCountingOrCorrelating() throws IOException {
        SigmaEngine engine = engine();
        PipelineConfig config = PipelineConfig.defaults(7);
        try (RecordParser parser = new RecordParser(ParserConfig.defaults());
                LuceneEventStore scratch = new LuceneEventStore(StoreConfig.defaults(dir.resolve("scratch")))) {
            WarmUp.Result r =
                    WarmUp.run(config, parser, engine, scratch, WarmUp.bundled(), 5_000, Duration.ofMinutes(5));

            assertThat(r.events()).isEqualTo(5_000);
            assertThat(r.budgetSpent()).isFalse();
            assertThat(r.detections()).as("the bundled PowerShell events match").isGreaterThan(100);
            assertThat(scratch.search(SearchRequest.newest(new Query.MatchAll(), null, null, 1))
                            .total()
                            .value())
                    .isEqualTo(5_000);
            assertThat(engine.stats().events())
                    .as("the real engine counted nothing")
                    .isZero();
            assertThat(engine.stats().liveStates())
                    .as("and opened no correlation")
                    .isZero();

            List<Alert> alerts = new ArrayList<>();
            RawRecord one = WarmUp.bundled().getFirst();
            engine.process(new SourcedEvent("e1", 1, parser.parse(one).fields()), alerts::add);
            assertThat(alerts).extracting(a -> a.kind()).containsExactly(Alert.Kind.DETECTION);
        }
    }

    @Test
    void stopsWhenItsTimeIsSpentAndRunsNothingWithoutBudgetOrSamples() throws IOException {
        SigmaEngine engine = engine();
        PipelineConfig config = PipelineConfig.defaults(7);
        try (RecordParser parser = new RecordParser(ParserConfig.defaults());
                LuceneEventStore scratch = new LuceneEventStore(StoreConfig.defaults(dir.resolve("scratch")))) {
            WarmUp.Result spent =
                    WarmUp.run(config, parser, engine, scratch, WarmUp.bundled(), 50_000_000, Duration.ofMillis(300));
            assertThat(spent.budgetSpent()).isTrue();
            assertThat(spent.events()).isPositive().isLessThan(50_000_000);

            assertThat(WarmUp.run(config, parser, engine, scratch, WarmUp.bundled(), 1_000, Duration.ZERO)
                            .events())
                    .isZero();
            assertThat(WarmUp.run(config, parser, engine, scratch, List.of(), 1_000, Duration.ofMinutes(1))
                            .events())
                    .isZero();
        }
    }

    private SigmaEngine engine() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("detection.yml"), DETECTION);
        Files.writeString(rules.resolve("correlation.yml"), CORRELATION);
        SigmaEngine engine = SigmaEngine.load(List.of(rules), LogSourceMap.bundled(), EngineOptions.defaults());
        assertThat(engine.problems()).isEmpty();
        assertThat(engine.rulesLoaded()).isEqualTo(2);
        return engine;
    }
}
