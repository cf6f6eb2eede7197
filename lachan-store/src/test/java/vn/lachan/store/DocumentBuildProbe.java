package vn.lachan.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.ingest.normalize.EcsNormalizer;
import vn.lachan.testkit.Corpus;

/**
 * Times {@link DocumentBuilder#build} alone (no Lucene) on OTRF events normalized as the pipeline does, the
 * fields kept as {@code lachan serve} keeps them: thread CPU per event. A probe run by hand, not a test;
 * run it with one build of the store's classes or another first on the class path to compare them.
 *
 * <p>Arguments: [events (default 60,000)] [rounds (default 8)].
 */
final class DocumentBuildProbe {
    private DocumentBuildProbe() {}

    public static void main(String[] args) throws IOException {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<StoredEvent> events = load(limit);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        DocumentBuilder builder = new DocumentBuilder();
        for (int round = 1; round <= rounds; round++) {
            Schema schema = new Schema();
            long fields = 0;
            long start = threads.getCurrentThreadCpuTime();
            for (StoredEvent e : events) {
                fields += builder.build(e, schema, true, false).size();
            }
            long used = threads.getCurrentThreadCpuTime() - start;
            System.out.printf(
                    Locale.ROOT,
                    "round %d: build %.2f us per event, %.1f Lucene fields per event; load %s%n",
                    round,
                    used / 1e3 / events.size(),
                    (double) fields / events.size(),
                    Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    static List<StoredEvent> load(int limit) throws IOException {
        List<Path> zips;
        try (Stream<Path> files = Files.walk(Corpus.require("otrf/windows"))) {
            zips = files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        EcsNormalizer normalizer = EcsNormalizer.bundled();
        SplittableRandom random = new SplittableRandom(17);
        List<StoredEvent> events = new ArrayList<>();
        for (Path zip : zips) {
            if (events.size() >= limit) {
                break;
            }
            new EventFiles(p -> {}).readAll(List.of(zip), e -> {
                EcsNormalizer.Normalized normalized = normalizer.normalize(e.fields());
                Instant time = normalized.time();
                if (events.size() < limit && time != null) {
                    events.add(new StoredEvent(
                            EventId.next(time, random),
                            time,
                            "bench",
                            "otrf",
                            normalized.fields(),
                            Json.write(e.fields())));
                }
            });
        }
        return events;
    }
}
