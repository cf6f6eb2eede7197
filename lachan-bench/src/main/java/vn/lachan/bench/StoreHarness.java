package vn.lachan.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.testkit.Corpus;

/**
 * Measures the event store on one reading thread: the OTRF Windows corpus read, parsed and normalized
 * the way {@code lachan import} does (phase A), then the same with every event written to a fresh
 * {@link LuceneEventStore} in batches (phase B), the phases alternating between rounds; then the store's
 * size on disk, the heap it retains, and the latencies of the queries on it.
 *
 * <p>Prints a table, and JSON with {@code --json FILE}. Run it through {@code scripts/bench.sh store};
 * see {@code docs/performance.md}.
 */
public final class StoreHarness {
    /** Seals every partition: a time far after any event in the corpus. */
    static final Instant SEAL_ALL = Instant.parse("2100-01-01T00:00:00Z");

    private StoreHarness() {}

    /** Runs the harness with the command-line arguments described by {@code --help}. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.println(StoreOptions.USAGE);
            return;
        }
        StoreOptions options;
        try {
            options = StoreOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.storeOnly()) {
            Path events = Objects.requireNonNullElseGet(options.events(), () -> Corpus.get("otrf/windows"));
            List<Path> files = new EventFiles(p -> {}).list(List.of(events));
            StoreOnly.run(files, options.limit() == Long.MAX_VALUE ? 100_000 : options.limit(), options, out);
            return;
        }
        if (options.fill() > 0) {
            StoreFill.run(options, "StoreHarness " + String.join(" ", arguments), out);
            return;
        }
        StoreReport report = run(options, out);
        out.println();
        out.print(report.table());
        Path json = options.json();
        if (json != null) {
            write(json, report.json("StoreHarness " + String.join(" ", arguments)));
            out.println("json written to " + json);
        }
    }

    static StoreReport run(StoreOptions options, PrintStream out) {
        Machine machine = Machine.current();
        Path events = Objects.requireNonNullElseGet(options.events(), () -> Corpus.get("otrf/windows"));
        List<Problem> listing = new ArrayList<>();
        List<Path> files = new EventFiles(listing::add).list(List.of(events));
        listing.forEach(p -> out.println("  " + p));
        out.printf("reading %d event files under %s%n", files.size(), events);
        out.println("store mode: " + StorePass.mode(options.rebuild()));
        double baseline = settledHeapMb();
        StorePass pass = new StorePass(files, options.limit());
        List<PassResult> passes = new ArrayList<>();
        Path data = temporaryFolder();
        try {
            for (int round = 1; round <= options.rounds(); round++) {
                // ABBA order: a slow drift of the machine's speed weighs on both phases alike
                boolean readFirst = round % 2 == 1;
                passes.add(once(
                        pass, readFirst ? StorePhase.READ_ONLY : StorePhase.WITH_STORE, round, data, options, out));
                passes.add(once(
                        pass, readFirst ? StorePhase.WITH_STORE : StorePhase.READ_ONLY, round, data, options, out));
            }
            out.println("checksum " + pass.checksum());
            return filled(machine, options, passes, data, baseline, out);
        } finally {
            delete(data);
        }
    }

    /** Runs one pass; a pass with the store writes into an emptied data folder and closes the store. */
    private static PassResult once(
            StorePass pass, StorePhase phase, int round, Path data, StoreOptions options, PrintStream out) {
        PassResult result;
        if (phase == StorePhase.READ_ONLY) {
            result = pass.run(phase, round, null);
        } else {
            delete(data);
            try (LuceneEventStore store = StorePass.open(data, options.rebuild())) {
                result = pass.run(phase, round, store);
            }
        }
        out.printf(
                Locale.ROOT,
                "round %d %-10s %,d events (%,d rejected, %,d reader problems) in %.3f s: %,.0f events/s,"
                        + " write %.1f%%, CPU %.1f us/event (load %.2f -> %.2f)%n",
                round,
                phase.label(),
                result.events(),
                result.rejected(),
                result.problems(),
                result.seconds(),
                result.eventsPerSecond(),
                100 * result.writeShare(),
                result.cpuMicrosPerEvent(),
                result.loadBefore(),
                result.loadAfter());
        return result;
    }

    /** Reopens the store the last pass filled, measures disk and heap, seals it, and times the queries. */
    private static StoreReport filled(
            Machine machine,
            StoreOptions options,
            List<PassResult> passes,
            Path data,
            double baseline,
            PrintStream out) {
        long raw = passes.getLast().rawBytes();
        try (LuceneEventStore store = StorePass.open(data, options.rebuild())) {
            store.openProblems().forEach(p -> out.println("  store: " + p));
            long open = bytes(data);
            List<String> sealed = store.seal(SEAL_ALL);
            long sealedBytes = bytes(data);
            out.printf("sealed %d partitions; timing the queries, %d runs each%n", sealed.size(), StoreQueries.RUNS);
            List<StoreQueries.Latency> latencies = StoreQueries.measure(store);
            double retained = settledHeapMb();
            StoreReport.Disk disk = new StoreReport.Disk(
                    raw, open, sealedBytes, store.partitions().size());
            return new StoreReport(machine, options, passes, disk, baseline, retained, latencies);
        }
    }

    static double settledHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("lachan-store-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data folder", e);
        }
    }

    static long bytes(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .mapToLong(StoreHarness::size)
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + folder, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + file, e);
        }
    }

    private static void delete(@Nullable Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary data folder " + folder, e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON report to " + file, e);
        }
    }
}
