package vn.lachan.bench.jmh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.RawLines;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.ingest.parse.ParsedRecord;
import vn.lachan.ingest.parse.ParserConfig;
import vn.lachan.ingest.parse.RecordParser;
import vn.lachan.journal.Journal;
import vn.lachan.journal.JournalConfig;
import vn.lachan.journal.JournalEntry;
import vn.lachan.pipeline.EventTimes;
import vn.lachan.pipeline.PipelineConfig;
import vn.lachan.web.internal.NdjsonLines;
import vn.lachan.web.internal.RequestBodies;

/**
 * Measures the path of an event from {@code POST /api/v1/ingest} to the detect thread's field tree, on the
 * real classes and without the Sigma match and the store: the NDJSON body read as the HTTP route reads it
 * (declared length), split into lines, offered to a journal (fsync off, in a temporary folder), polled
 * back, parsed (JSON → ECS) and given its time, with the raw text kept as a string as the stored event
 * keeps it. The {@value OtrfSample#EVENTS} OTRF lines go as bodies of {@value #PER_BODY} lines, the
 * batch size of the e2e harness' sender. Time and (with {@code -prof gc}) bytes allocated per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class IngestPathBenchmark {
    /** Lines per request body. */
    public static final int PER_BODY = 1024;

    @SuppressWarnings("NullAway.Init") // set in setup(), which JMH runs before any benchmark
    private List<byte[]> bodies;

    @SuppressWarnings("NullAway.Init")
    private Path folder;

    @SuppressWarnings("NullAway.Init")
    private Journal journal;

    @SuppressWarnings("NullAway.Init")
    private RecordParser parser;

    private final RequestBodies reader = new RequestBodies(64L << 20);
    private final EventTimes times = new EventTimes(PipelineConfig.MAX_EVENT_AGE, PipelineConfig.MAX_EVENT_LEAD);

    /** Joins the sample into bodies, opens the journal and the parser. */
    @Setup(Level.Trial)
    public void setup(OtrfSample sample) throws IOException {
        bodies = new ArrayList<>();
        for (int from = 0; from < sample.lines.size(); from += PER_BODY) {
            bodies.add(body(sample.lines.subList(from, Math.min(from + PER_BODY, sample.lines.size()))));
        }
        folder = Files.createTempDirectory("lachan-ingest-bench");
        journal = Journal.open(JournalConfig.of(folder).withFsync(false));
        parser = new RecordParser(ParserConfig.defaults());
    }

    private static byte[] body(List<byte[]> lines) {
        int size = lines.stream().mapToInt(line -> line.length + 1).sum();
        byte[] body = new byte[size];
        int at = 0;
        for (byte[] line : lines) {
            System.arraycopy(line, 0, body, at, line.length);
            at += line.length;
            body[at++] = '\n';
        }
        return body;
    }

    /** Closes the journal and deletes its folder. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        journal.close();
        parser.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Takes every body through the path; consumes each event's fields, time and raw text. */
    @Benchmark
    @OperationsPerInvocation(OtrfSample.EVENTS)
    public void ingest(Blackhole hole) throws IOException {
        for (byte[] body : bodies) {
            offer(body);
            detect(hole);
        }
    }

    private void offer(byte[] body) throws IOException {
        byte[] read = reader.read(new ByteArrayInputStream(body), body.length);
        RawLines lines = new RawLines(
                Instant.now(), "http", "127.0.0.1", "json", "otrf-bench", "", read, NdjsonLines.bounds(read));
        if (journal.offer(lines) != Admission.ACCEPTED) {
            throw new IllegalStateException("the journal refused a body");
        }
    }

    private void detect(Blackhole hole) {
        List<JournalEntry> entries = journal.poll(PER_BODY, Duration.ZERO);
        if (entries.isEmpty()) {
            throw new UncheckedIOException(new IOException("the journal gave back no record"));
        }
        for (JournalEntry entry : entries) {
            RawRecord record = entry.record();
            ParsedRecord parsed = parser.parse(record);
            EventTimes.Decided decided = times.decideInPlace(parsed.time(), record.received(), parsed.fields());
            hole.consume(decided);
            hole.consume(new String(record.payload(), StandardCharsets.UTF_8));
        }
        journal.commit(entries.getLast().position() + 1);
    }
}
