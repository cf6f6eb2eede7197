package vn.lachan.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.ingest.normalize.EcsNormalizer;
import vn.lachan.testkit.Corpus;

/**
 * Compares the stored fields' JSON (layouts 1–4) with the binary form (layout 5) on OTRF events normalized
 * as the pipeline does: thread CPU per event to encode and to decode, and bytes per event. A probe run by
 * hand, not a test (it times): see docs/performance.md, "Round 6".
 *
 * <p>Arguments: [events (default 60,000)] [rounds (default 8)]; the two forms alternate in every round.
 */
final class FieldsEncodingProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FieldsEncodingProbe() {}

    public static void main(String[] args) throws IOException {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<Map<String, @Nullable Object>> events = load(limit);
        FieldsEncoder encoder = new FieldsEncoder();
        List<byte[]> json = new ArrayList<>();
        List<byte[]> binary = new ArrayList<>();
        for (Map<String, @Nullable Object> fields : events) {
            json.add(Json.MAPPER.writeValueAsBytes(fields));
            encoder.encode(fields);
            binary.add(java.util.Arrays.copyOf(encoder.buffer(), encoder.length()));
        }
        System.out.printf(
                Locale.ROOT,
                "%,d events; bytes per event: JSON %.1f, binary %.1f (%.3f)%n",
                events.size(),
                mean(json),
                mean(binary),
                mean(binary) / mean(json));
        for (int round = 1; round <= rounds; round++) {
            double jsonEncode = time(events, f -> Json.MAPPER.writeValueAsBytes(f).length);
            double binaryEncode = time(events, f -> {
                encoder.encode(f);
                return encoder.length();
            });
            double jsonDecode =
                    time(json, b -> Json.MAPPER.readValue(b, Map.class).size());
            double binaryDecode =
                    time(binary, b -> FieldsDecoder.decode(b, 0, b.length).size());
            System.out.printf(
                    Locale.ROOT,
                    "round %d: encode JSON %.2f us, binary %.2f us (%.3f); decode JSON %.2f us, binary %.2f us (%.3f);"
                            + " load %s%n",
                    round,
                    jsonEncode,
                    binaryEncode,
                    binaryEncode / jsonEncode,
                    jsonDecode,
                    binaryDecode,
                    binaryDecode / jsonDecode,
                    Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    /** Returns the thread CPU per item in microseconds, keeping a sum the JIT cannot drop. */
    private static <T> double time(List<T> items, ToLongFunction<T> work) {
        long sum = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (T item : items) {
            sum += work.applyAsLong(item);
        }
        long used = THREADS.getCurrentThreadCpuTime() - start;
        if (sum == 42) {
            System.out.println("unlikely");
        }
        return used / 1e3 / items.size();
    }

    private static double mean(List<byte[]> values) {
        return values.stream().mapToLong(b -> b.length).average().orElse(0);
    }

    private static List<Map<String, @Nullable Object>> load(int limit) throws IOException {
        List<Path> zips;
        try (Stream<Path> files = Files.walk(Corpus.require("otrf/windows"))) {
            zips = files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        EcsNormalizer normalizer = EcsNormalizer.bundled();
        List<Map<String, @Nullable Object>> events = new ArrayList<>();
        for (Path zip : zips) {
            if (events.size() >= limit) {
                break;
            }
            new EventFiles(p -> {}).readAll(List.of(zip), e -> {
                if (events.size() < limit) {
                    events.add(normalizer.normalize(e.fields()).fields());
                }
            });
        }
        return events;
    }
}
