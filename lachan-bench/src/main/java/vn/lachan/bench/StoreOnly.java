package vn.lachan.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.ingest.normalize.EcsNormalizer;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

/**
 * Measures the event store alone ({@code --store-only}): the first events of the corpus are read and
 * normalized into memory once, then each round writes them all to a fresh store in batches and closes it
 * (the last commit included), timing wall and process CPU of that alone. The reader's cost, which the
 * two-phase harness subtracts, is not in these figures at all. Each round reports the segments its
 * partitions were left with; after the last round the queries are timed on that store, reopened unsealed
 * (the live partitions' segments as written, not merged by sealing).
 */
final class StoreOnly {
    private static final int BATCH = StorePass.BATCH;

    private StoreOnly() {}

    /** Loads up to {@code limit} events from {@code files} and runs the options' rounds of writes. */
    static void run(List<Path> files, long limit, StoreOptions options, PrintStream out) {
        boolean rebuild = options.rebuild();
        List<StoredEvent> events = load(files, limit);
        long raw = 0;
        for (StoredEvent e : events) {
            raw += e.raw().getBytes(StandardCharsets.UTF_8).length + 1L;
        }
        out.printf(
                Locale.ROOT, "holding %,d events (%,.1f MiB raw NDJSON) in memory%n", events.size(), raw / 1048576.0);
        out.println("store mode: " + StorePass.mode(rebuild));
        out.println(
                options.commitEvery() > 0
                        ? "commits: after every " + options.commitEvery() + " events written (timer off)"
                        : "commits: the store's own cadence (every " + StoreConfig.COMMIT_INTERVAL + ")");
        for (int round = 1; round <= options.rounds(); round++) {
            once(events, raw, round, options, out);
        }
    }

    private static void once(List<StoredEvent> events, long raw, int round, StoreOptions options, PrintStream out) {
        Path data = temporaryFolder();
        try {
            double load = Machine.loadAverage();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            long commitCpu;
            try (LuceneEventStore store = StorePass.open(config(data, options), options.rebuild())) {
                commitCpu = write(store, events, options.commitEvery());
            }
            long wall = System.nanoTime() - start;
            long used = processCpuNanos() - cpu;
            out.printf(
                    Locale.ROOT,
                    "round %d store-only %,d events: CPU %.1f us/event, wall %.1f us/event (%,.0f events/s),"
                            + " disk %.1f%% of raw, %d segments in %d partitions, commits %.1f us/event of thread CPU"
                            + " (load %.2f -> %.2f)%n",
                    round,
                    events.size(),
                    used / 1e3 / events.size(),
                    wall / 1e3 / events.size(),
                    events.size() / (wall / 1e9),
                    100.0 * StoreHarness.bytes(data) / raw,
                    segments(data),
                    partitions(data),
                    commitCpu / 1e3 / events.size(),
                    load,
                    Machine.loadAverage());
            if (round == options.rounds()) {
                queries(data, options, out);
            }
        } finally {
            delete(data);
        }
    }

    /** Returns the store's configuration: the defaults, the timer off when the round commits by count. */
    private static StoreConfig config(Path data, StoreOptions options) {
        StoreConfig defaults = StoreConfig.defaults(data);
        return options.commitEvery() > 0 ? defaults.withCommitInterval(Duration.ofDays(1)) : defaults;
    }

    /**
     * Writes the events in batches, committing after every {@code commitEvery} events when it is > 0;
     * returns the CPU those commits took on this thread (the flushes of the buffered segments), in ns.
     */
    private static long write(LuceneEventStore store, List<StoredEvent> events, long commitEvery) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long commitCpu = 0;
        int batch = commitEvery > 0 ? (int) Math.min(BATCH, commitEvery) : BATCH;
        long sinceCommit = 0;
        for (int i = 0; i < events.size(); i += batch) {
            int end = Math.min(events.size(), i + batch);
            store.write(new EventBatch(events.subList(i, end), end));
            sinceCommit += end - i;
            if (commitEvery > 0 && sinceCommit >= commitEvery) {
                long cpu = threads.getCurrentThreadCpuTime();
                store.sync();
                commitCpu += threads.getCurrentThreadCpuTime() - cpu;
                sinceCommit = 0;
            }
        }
        return commitCpu;
    }

    /** Times the queries on the store the round left, reopened as it is (unsealed). */
    private static void queries(Path data, StoreOptions options, PrintStream out) {
        try (LuceneEventStore store = StorePass.open(data, options.rebuild())) {
            out.printf(Locale.ROOT, "queries on the unsealed store, %d runs each:%n", StoreQueries.RUNS);
            for (StoreQueries.Latency l : StoreQueries.measure(store)) {
                out.printf(
                        Locale.ROOT,
                        "  p50 %7.2f ms  p95 %7.2f ms  total %,d  %s%n",
                        l.p50Ms(),
                        l.p95Ms(),
                        l.total(),
                        l.name());
            }
        }
    }

    /** Counts the segments of every partition's last commit: one {@code .si} file per segment. */
    private static long segments(Path data) {
        try (Stream<Path> paths = Files.walk(data)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".si")).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count the segments under " + data, e);
        }
    }

    private static long partitions(Path data) {
        Path events = data.resolve("events");
        if (!Files.isDirectory(events)) {
            return 0;
        }
        try (Stream<Path> paths = Files.list(events)) {
            return paths.filter(Files::isDirectory).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the partitions under " + events, e);
        }
    }

    private static List<StoredEvent> load(List<Path> files, long limit) {
        EcsNormalizer normalizer = EcsNormalizer.bundled();
        JsonMapper json = JsonMapper.builder().build();
        SplittableRandom random = new SplittableRandom(17);
        List<StoredEvent> events = new ArrayList<>();
        EventFiles reader = EventFiles.keepingText(problem -> {});
        for (Path file : files) {
            if (events.size() >= limit) {
                break;
            }
            reader.read(file, (SourcedEvent e) -> {
                if (events.size() >= limit) {
                    return;
                }
                EcsNormalizer.Normalized normalized = normalizer.normalize(e.fields());
                Instant time = normalized.time();
                if (time != null) {
                    String read = e.raw();
                    String raw = read != null ? read : json.writeValueAsString(e.fields());
                    events.add(new StoredEvent(
                            EventId.next(time, random), time, "bench", "otrf", normalized.fields(), raw));
                }
            });
        }
        return events;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("lachan-store-only");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data folder", e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary data folder " + folder, e);
        }
    }
}
