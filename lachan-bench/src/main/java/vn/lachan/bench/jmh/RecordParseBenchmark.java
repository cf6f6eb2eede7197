package vn.lachan.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import vn.lachan.bench.corpus.BenchCorpus;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.ingest.parse.ParsedRecord;
import vn.lachan.ingest.parse.ParserConfig;
import vn.lachan.ingest.parse.RecordParser;
import vn.lachan.sigma.SigmaEngine;

/**
 * Measures the pipeline's detect thread on raw OTRF lines as {@code POST /api/v1/ingest?format=json}
 * journals them: {@link RecordParser#parse} alone (JSON → ECS fields), and that parse followed by every
 * SigmaHQ Windows rule, with the original text kept as a string as the stored event keeps it:
 * nanoseconds per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RecordParseBenchmark {
    @SuppressWarnings("NullAway.Init") // set in setup(), which JMH runs before any benchmark
    private RecordParser parser;

    @SuppressWarnings("NullAway.Init")
    private SigmaEngine engine;

    @SuppressWarnings("NullAway.Init")
    private List<RawRecord> records;

    /** Builds the parser, compiles every Windows rule and wraps the sample lines as journalled records. */
    @Setup(Level.Trial)
    public void setup(OtrfSample sample) {
        parser = new RecordParser(ParserConfig.defaults());
        engine = BenchCorpus.compile(BenchCorpus.windowsRuleFolders());
        Instant received = Instant.parse("2026-11-24T00:00:00Z");
        List<RawRecord> out = new ArrayList<>(sample.lines.size());
        for (byte[] line : sample.lines) {
            out.add(new RawRecord(received, "http", "127.0.0.1", "json", "otrf-bench", line));
        }
        records = List.copyOf(out);
        for (RawRecord record : records) {
            ParsedRecord parsed = parser.parse(record);
            if (parsed.outcome() != ParsedRecord.Outcome.PARSED) {
                throw new IllegalStateException("a sample line did not parse cleanly: " + parsed.problem());
            }
        }
    }

    /** Stops the parser's grok watchdog. */
    @TearDown(Level.Trial)
    public void tearDown() {
        parser.close();
    }

    /** Parses every sample record. */
    @Benchmark
    @OperationsPerInvocation(OtrfSample.EVENTS)
    public void parse(Blackhole hole) {
        for (RawRecord record : records) {
            hole.consume(parser.parse(record));
        }
    }

    /** Parses every sample record, keeps its original text and runs it through the engine. */
    @Benchmark
    @OperationsPerInvocation(OtrfSample.EVENTS)
    public void parseAndDetect(Blackhole hole) {
        long position = 0;
        for (RawRecord record : records) {
            ParsedRecord parsed = parser.parse(record);
            hole.consume(new String(record.payload(), StandardCharsets.UTF_8));
            engine.process(new SourcedEvent("bench", position++, parsed.fields()), hole::consume);
        }
    }
}
