package vn.lachan.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vn.lachan.bench.corpus.BenchCorpus;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.ingest.file.EventFiles;

/**
 * Holds {@value #EVENTS} raw OTRF event lines (the first lines of every archive, so every dataset and
 * channel is in) written to a JSON-lines file, and the same events parsed, for the benchmarks.
 *
 * <p>Public and mutable because JMH instantiates it; not shared outside one benchmark fork.
 */
@State(Scope.Benchmark)
public class OtrfSample {
    /** Events in the sample; benchmarks divide their time by it. */
    public static final int EVENTS = 4096;

    private static final int ARCHIVES = 112;

    @SuppressWarnings("NullAway.Init") // set in setup(), which JMH runs before any benchmark
    Path file;

    @SuppressWarnings("NullAway.Init")
    List<SourcedEvent> events;

    /** The same events as the raw UTF-8 lines an input hands the pipeline. */
    @SuppressWarnings("NullAway.Init")
    List<byte[]> lines;

    /** Extracts the sample, writes it to a temporary file and parses it once. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        int perArchive = (EVENTS + ARCHIVES - 1) / ARCHIVES;
        List<String> lines = BenchCorpus.otrfSample(perArchive);
        if (lines.size() < EVENTS) {
            throw new IllegalStateException("the OTRF sample has " + lines.size() + " lines, fewer than " + EVENTS);
        }
        file = Files.createTempFile("lachan-bench-otrf-", ".jsonl");
        Files.write(file, lines.subList(0, EVENTS), StandardCharsets.UTF_8);
        this.lines = lines.subList(0, EVENTS).stream()
                .map(line -> line.getBytes(StandardCharsets.UTF_8))
                .toList();
        events = parse(file);
        if (events.size() != EVENTS) {
            throw new IllegalStateException("the sample parsed into " + events.size() + " events, not " + EVENTS);
        }
    }

    /** Deletes the temporary file. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static List<SourcedEvent> parse(Path file) {
        List<Problem> problems = new ArrayList<>();
        List<SourcedEvent> parsed = new ArrayList<>(EVENTS);
        new EventFiles(problems::add).read(file, parsed::add);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the OTRF sample has problems: " + problems);
        }
        return List.copyOf(parsed);
    }
}
