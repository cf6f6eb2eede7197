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

/**
 * Measures the event store alone ({@code --store-only}): the first events of the corpus are read and
 * normalized into memory once, then each round writes them all to a fresh store in batches and closes it
 * (the last commit included), timing wall and process CPU of that alone. The reader's cost, which the
 * two-phase harness subtracts, is not in these figures at all.
 */
final class StoreOnly {
    private static final int BATCH = StorePass.BATCH;

    private StoreOnly() {}

    /** Loads up to {@code limit} events from {@code files} and runs {@code rounds} rounds of writes. */
    static void run(List<Path> files, long limit, int rounds, boolean rebuild, PrintStream out) {
        List<StoredEvent> events = load(files, limit);
        long raw = 0;
        for (StoredEvent e : events) {
            raw += e.raw().getBytes(StandardCharsets.UTF_8).length + 1L;
        }
        out.printf(
                Locale.ROOT, "holding %,d events (%,.1f MiB raw NDJSON) in memory%n", events.size(), raw / 1048576.0);
        out.println("store mode: " + StorePass.mode(rebuild));
        for (int round = 1; round <= rounds; round++) {
            once(events, raw, round, rebuild, out);
        }
    }

    private static void once(List<StoredEvent> events, long raw, int round, boolean rebuild, PrintStream out) {
        Path data = temporaryFolder();
        try {
            double load = Machine.loadAverage();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            try (LuceneEventStore store = StorePass.open(data, rebuild)) {
                for (int i = 0; i < events.size(); i += BATCH) {
                    int end = Math.min(events.size(), i + BATCH);
                    store.write(new EventBatch(events.subList(i, end), end));
                }
            }
            long wall = System.nanoTime() - start;
            long used = processCpuNanos() - cpu;
            out.printf(
                    Locale.ROOT,
                    "round %d store-only %,d events: CPU %.1f us/event, wall %.1f us/event (%,.0f events/s),"
                            + " disk %.1f%% of raw (load %.2f -> %.2f)%n",
                    round,
                    events.size(),
                    used / 1e3 / events.size(),
                    wall / 1e3 / events.size(),
                    events.size() / (wall / 1e9),
                    100.0 * StoreHarness.bytes(data) / raw,
                    load,
                    Machine.loadAverage());
        } finally {
            delete(data);
        }
    }

    private static List<StoredEvent> load(List<Path> files, long limit) {
        EcsNormalizer normalizer = EcsNormalizer.bundled();
        JsonMapper json = JsonMapper.builder().build();
        SplittableRandom random = new SplittableRandom(17);
        List<StoredEvent> events = new ArrayList<>();
        EventFiles reader = new EventFiles(problem -> {});
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
                    String raw = json.writeValueAsString(e.fields());
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
