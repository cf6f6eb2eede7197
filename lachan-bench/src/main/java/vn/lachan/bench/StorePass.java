package vn.lachan.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.store.Checkpoint;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.ingest.normalize.EcsNormalizer;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

/**
 * Runs one pass over the event files on the calling thread the way {@code lachan import} does: read,
 * parse, normalize to ECS, keep the original text; with a store, also write batches of {@value #BATCH}.
 */
final class StorePass {
    static final int BATCH = 10_000;
    private static final JsonMapper REBUILD_JSON = JsonMapper.builder().build();
    private static final EcsNormalizer REBUILD_NORMALIZER = EcsNormalizer.bundled();
    private static final TypeReference<Map<String, @Nullable Object>> SOURCE = new TypeReference<>() {};

    private final List<Path> files;
    private final long limit;
    private final EcsNormalizer normalizer = EcsNormalizer.bundled();
    private final JsonMapper json = JsonMapper.builder().build();
    private final SplittableRandom random = new SplittableRandom(17);
    private final List<StoredEvent> pending = new ArrayList<>(BATCH);

    /** Keeps a value that depends on every event, so the JIT cannot drop the read-only work. */
    private long checksum;

    private long events;
    private long rejected;
    private long rawBytes;
    private long writeNanos;
    private long position;
    private Duration shift = Duration.ZERO;

    StorePass(List<Path> files, long limit) {
        this.files = List.copyOf(files);
        this.limit = limit;
    }

    /**
     * Rebuilds an event's normalized fields from the original text this pass stores (its fields as JSON),
     * as the pipeline's parser and normalizer do for the store; thread-safe.
     */
    static Map<String, @Nullable Object> fieldsOfRaw(String raw) {
        Map<String, @Nullable Object> source = REBUILD_JSON.readValue(raw, SOURCE);
        return REBUILD_NORMALIZER.normalize(source).fields();
    }

    /**
     * Opens the store the harness writes: with {@code rebuild}, the original text only and the fields
     * rebuilt from it (ADR 0002); without, the fields stored beside the original, as {@code lachan serve}
     * opens it.
     */
    static LuceneEventStore open(Path data, boolean rebuild) {
        return open(StoreConfig.defaults(data), rebuild);
    }

    /** Opens the store as {@link #open(Path, boolean)} does, with {@code config}. */
    static LuceneEventStore open(StoreConfig config, boolean rebuild) {
        return rebuild ? new LuceneEventStore(config, StorePass::fieldsOfRaw) : new LuceneEventStore(config);
    }

    /** Names the mode {@link #open} gives, for the harness's output. */
    static String mode(boolean rebuild) {
        return rebuild ? "original only, fields rebuilt on reading (--rebuild)" : "fields stored beside the original";
    }

    long checksum() {
        return checksum;
    }

    /** Runs the pass, writing to {@code store} when there is one (phase B) and not otherwise (phase A). */
    PassResult run(StorePhase phase, int round, @Nullable LuceneEventStore store) {
        return run(phase, round, store, Duration.ZERO, 0);
    }

    /**
     * Runs the pass with every event time moved by {@code shift} (fresh ids), its batches at journal
     * positions from {@code firstPosition}: one replay of the corpus when filling a large store.
     */
    PassResult run(StorePhase phase, int round, @Nullable LuceneEventStore store, Duration shift, long firstPosition) {
        events = rejected = rawBytes = writeNanos = 0;
        position = firstPosition;
        this.shift = shift;
        pending.clear();
        long[] problems = {0};
        // the text as read, as lachan import keeps it
        EventFiles reader = EventFiles.keepingText(problem -> problems[0]++);
        double loadBefore = Machine.loadAverage();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        try {
            for (Path file : files) {
                reader.read(file, e -> accept(e, store));
            }
        } catch (LimitReached e) {
            // the event limit of a quick run: the rest is not read
        }
        flush(store);
        long nanos = System.nanoTime() - start;
        return new PassResult(
                phase,
                round,
                events,
                rejected,
                problems[0] + reader.counts().skippedEntries(),
                rawBytes,
                nanos,
                writeNanos,
                loadBefore,
                Machine.loadAverage(),
                processCpuNanos() - cpu);
    }

    /** Returns the journal position after the last batch written. */
    long position() {
        return position;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private void accept(SourcedEvent event, @Nullable LuceneEventStore store) {
        if (events == limit) {
            throw LimitReached.INSTANCE;
        }
        events++;
        EcsNormalizer.Normalized normalized = normalizer.normalize(event.fields());
        Instant time = normalized.time();
        if (time != null && !shift.isZero()) {
            time = time.plus(shift);
        }
        String read = event.raw();
        String raw = read != null ? read : json.writeValueAsString(event.fields());
        rawBytes += raw.getBytes(StandardCharsets.UTF_8).length + 1L;
        if (time == null) {
            rejected++;
            return;
        }
        StoredEvent stored =
                new StoredEvent(EventId.next(time, random), time, "bench", "otrf", normalized.fields(), raw);
        checksum += stored.fields().size() + stored.id().low();
        pending.add(stored);
        if (pending.size() >= BATCH) {
            flush(store);
        }
    }

    private void flush(@Nullable LuceneEventStore store) {
        if (pending.isEmpty()) {
            return;
        }
        if (store != null) {
            position += pending.size();
            long t = System.nanoTime();
            Checkpoint checkpoint = store.write(new EventBatch(pending, position));
            writeNanos += System.nanoTime() - t;
            // an event the store holds already (its position not past what it holds) is not stored again
            rejected += checkpoint.rejected().size() + checkpoint.skipped();
        }
        pending.clear();
    }

    /** Stops reading when the event limit is reached; carries no stack trace, it is not an error. */
    private static final class LimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final LimitReached INSTANCE = new LimitReached();

        private LimitReached() {
            super("event limit reached", null, false, false);
        }
    }
}
