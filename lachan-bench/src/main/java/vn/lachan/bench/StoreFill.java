package vn.lachan.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.PartitionInfo;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.testkit.Corpus;

/**
 * Fills a store to a large size by replaying the corpus with shifted times and fresh ids, in a data folder
 * that later runs reuse (and resume, replay by replay), then times the queries on it.
 *
 * <p>Replay {@code k} moves every event by {@code k} hours: the days keep their shape and grow about
 * {@code k}-fold denser, so a one-day query meets the most events a day of this corpus can hold.
 */
final class StoreFill {
    /** How far each replay moves the events' time: within a day, so that the days grow denser. */
    static final Duration SHIFT = Duration.ofHours(1);

    private static final String STATE = "fill.properties";

    private StoreFill() {}

    /**
     * Fills the store in {@code options.data()} to {@code options.fill()} events, then measures it; prints
     * progress and the table to {@code out}, writes the JSON to {@code options.json()} when given.
     */
    static FillReport run(StoreOptions options, String command, PrintStream out) {
        Path data = Objects.requireNonNull(options.data(), "data");
        Path events = Objects.requireNonNullElseGet(options.events(), () -> Corpus.get("otrf/windows"));
        List<Problem> listing = new ArrayList<>();
        List<Path> files = new EventFiles(listing::add).list(List.of(events));
        listing.forEach(p -> out.println("  " + p));
        Properties state = load(data);
        StorePass pass = new StorePass(files, options.limit());
        List<PassResult> replays = new ArrayList<>();
        try (LuceneEventStore store = StorePass.open(data, options.rebuild())) {
            store.openProblems().forEach(p -> out.println("  store: " + p));
            long held = held(store);
            out.printf(Locale.ROOT, "store in %s holds %,d events; filling to %,d%n", data, held, options.fill());
            while (held < options.fill()) {
                replays.add(replay(pass, store, data, state, out));
                long before = held;
                held = held(store);
                if (held == before) {
                    throw new IllegalStateException("a replay of " + events + " stored no event: it cannot fill " + data
                            + " to " + options.fill() + " events (are there events with a time?)");
                }
            }
            double sealSeconds = options.seal() ? seal(store, out) : 0;
            FillReport report = measure(
                    command,
                    store,
                    data,
                    Long.parseLong(state.getProperty("rawBytes", "0")),
                    new Filled(replays, sealSeconds),
                    out);
            out.println();
            out.print(report.table());
            Path json = options.json();
            if (json != null) {
                StoreHarness.write(json, report.json());
                out.println("json written to " + json);
            }
            return report;
        }
    }

    /** Writes the next replay, records it in the data folder's progress file and prints it. */
    private static PassResult replay(
            StorePass pass, LuceneEventStore store, Path data, Properties state, PrintStream out) {
        int replay = Integer.parseInt(state.getProperty("replays", "0"));
        PassResult r = pass.run(
                StorePhase.WITH_STORE,
                replay,
                store,
                SHIFT.multipliedBy(replay),
                // after the last batch written, which may not be durable yet: a position the store holds
                // already would make it leave the replay's first events out as held (exactly-once)
                Math.max(pass.position(), Math.max(0, store.durablePosition())));
        state.setProperty("replays", Integer.toString(replay + 1));
        state.setProperty("rawBytes", Long.toString(Long.parseLong(state.getProperty("rawBytes", "0")) + r.rawBytes()));
        save(data, state);
        out.printf(
                Locale.ROOT,
                "replay %d: %,d events (%,d not stored) in %.1f s, %,.0f events/s, CPU %.1f us/event,"
                        + " load %.2f -> %.2f; store holds %,d; heap after commit %.0f MiB%n",
                replay,
                r.events(),
                r.rejected(),
                r.seconds(),
                r.eventsPerSecond(),
                r.cpuMicrosPerEvent(),
                r.loadBefore(),
                r.loadAfter(),
                held(store),
                StoreHarness.settledHeapMb());
        return r;
    }

    /** Seals every partition, as the store does to closed days; returns the seconds it took. */
    private static double seal(LuceneEventStore store, PrintStream out) {
        out.println("sealing every partition");
        long start = System.nanoTime();
        List<String> sealed = store.seal(StoreHarness.SEAL_ALL);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "sealed %d partitions in %.1f s%n", sealed.size(), seconds);
        return seconds;
    }

    /** What this run did before measuring: the replays it wrote, the seconds it spent sealing. */
    private record Filled(List<PassResult> replays, double sealSeconds) {}

    private static FillReport measure(
            String command, LuceneEventStore store, Path data, long raw, Filled filled, PrintStream out) {
        long held = held(store);
        double heap = StoreHarness.settledHeapMb();
        long bytes = StoreHarness.bytes(data);
        int partitions = store.partitions().size();
        out.printf(Locale.ROOT, "timing the queries on %,d events, %d runs each%n", held, StoreQueries.RUNS);
        double loadBefore = Machine.loadAverage();
        List<StoreQueries.Latency> latencies = StoreQueries.measure(store);
        double loadAfter = Machine.loadAverage();
        double queried = StoreHarness.settledHeapMb();
        StoreQueries.measure(store);
        return new FillReport(
                command,
                Machine.current(),
                held,
                partitions,
                (int) store.partitions().stream().filter(PartitionInfo::sealed).count(),
                filled.sealSeconds(),
                bytes,
                raw,
                heap,
                queried,
                StoreHarness.settledHeapMb(),
                loadBefore,
                loadAfter,
                filled.replays(),
                latencies);
    }

    private static long held(LuceneEventStore store) {
        return store.partitions().stream().mapToLong(PartitionInfo::events).sum();
    }

    private static Properties load(Path data) {
        Properties state = new Properties();
        Path file = data.resolve(STATE);
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                state.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return state;
    }

    private static void save(Path data, Properties state) {
        try (Writer w = Files.newBufferedWriter(data.resolve(STATE), StandardCharsets.UTF_8)) {
            state.store(w, "the store harness's --fill progress: replays done, raw NDJSON bytes written");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + data.resolve(STATE), e);
        }
    }
}
