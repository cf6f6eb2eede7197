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

    static void run(StoreOptions options, PrintStream out) {
        Path data = Objects.requireNonNull(options.data(), "data");
        Path events = Objects.requireNonNullElseGet(options.events(), () -> Corpus.get("otrf/windows"));
        List<Problem> listing = new ArrayList<>();
        List<Path> files = new EventFiles(listing::add).list(List.of(events));
        Properties state = load(data);
        StorePass pass = new StorePass(files, options.limit());
        try (LuceneEventStore store = StorePass.open(data)) {
            store.openProblems().forEach(p -> out.println("  store: " + p));
            long held = held(store);
            out.printf(Locale.ROOT, "store in %s holds %,d events; filling to %,d%n", data, held, options.fill());
            while (held < options.fill()) {
                int replay = Integer.parseInt(state.getProperty("replays", "0"));
                PassResult r = pass.run(
                        StorePhase.WITH_STORE,
                        replay,
                        store,
                        SHIFT.multipliedBy(replay),
                        Math.max(0, store.durablePosition()));
                held = held(store);
                state.setProperty("replays", Integer.toString(replay + 1));
                state.setProperty(
                        "rawBytes", Long.toString(Long.parseLong(state.getProperty("rawBytes", "0")) + r.rawBytes()));
                save(data, state);
                out.printf(
                        Locale.ROOT,
                        "replay %d: %,d events in %.1f s, %,.0f events/s, CPU %.1f us/event, load %.2f;"
                                + " store holds %,d; heap after commit %.0f MiB%n",
                        replay,
                        r.events(),
                        r.seconds(),
                        r.eventsPerSecond(),
                        r.cpuMicrosPerEvent(),
                        r.loadAfter(),
                        held,
                        StoreHarness.settledHeapMb());
            }
            measure(options, store, data, Long.parseLong(state.getProperty("rawBytes", "0")), held, out);
        }
    }

    private static void measure(
            StoreOptions options, LuceneEventStore store, Path data, long raw, long held, PrintStream out) {
        double heap = StoreHarness.settledHeapMb();
        long bytes = StoreHarness.bytes(data);
        int partitions = store.partitions().size();
        out.printf(Locale.ROOT, "timing the queries on %,d events, %d runs each%n", held, StoreQueries.RUNS);
        List<StoreQueries.Latency> latencies = StoreQueries.measure(store);
        StringBuilder table = new StringBuilder();
        row(table, "machine", Machine.current().toString());
        row(table, "stored events", String.format(Locale.ROOT, "%,d in %d partitions", held, partitions));
        row(
                table,
                "disk / raw NDJSON",
                String.format(
                        Locale.ROOT,
                        "%,.1f MiB / %,.1f MiB = %.1f%%",
                        bytes / 1048576.0,
                        raw / 1048576.0,
                        100.0 * bytes / raw));
        row(table, "heap in use after full GCs, store open", String.format(Locale.ROOT, "%.1f MiB", heap));
        for (StoreQueries.Latency q : latencies) {
            row(
                    table,
                    q.name(),
                    String.format(
                            Locale.ROOT,
                            "p50 %.1f ms, p95 %.1f ms, max %.1f ms, total %d%s",
                            q.p50Ms(),
                            q.p95Ms(),
                            q.maxMs(),
                            q.total(),
                            q.errors().isEmpty() ? "" : ", ERRORS " + q.errors()));
        }
        out.println();
        out.print(table);
        Path json = options.json();
        if (json != null) {
            StoreHarness.write(json, table.toString());
            out.println("table written to " + json);
        }
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-72s %s%n", label, value));
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
