package vn.lachan.app.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.Checkpoint;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.EventStore;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.ingest.file.ReadCounts;
import vn.lachan.ingest.normalize.EcsNormalizer;
import vn.lachan.pipeline.EventTimes;

/** Reads, normalizes and writes events in batches; counts what was stored and rejected, and why. */
final class Importer {
    private static final int SHOWN = 5;
    private static final int READ_AHEAD_BATCHES = 16;

    private final String organization;
    private final String system;
    private final int batchSize;
    private final PrintStream err;
    private final EcsNormalizer normalizer = EcsNormalizer.bundled();
    private final JsonMapper json = JsonMapper.builder().build();
    private final RandomGenerator random = new SecureRandom();
    private final Map<String, Long> reasons = new LinkedHashMap<>();
    private final List<StoredEvent> pending = new ArrayList<>();
    private long stored;
    private long rejected;
    private long position;

    private static final EventTimes TIMES = new EventTimes(Duration.ofDays(100 * 365), Duration.ofDays(1));

    Importer(String organization, String system, int batchSize, PrintStream err) {
        this.organization = organization;
        this.system = system;
        this.batchSize = batchSize;
        this.err = err;
    }

    ReadCounts run(List<Path> paths, EventStore store) {
        position = store.durablePosition();
        EventFiles files = EventFiles.keepingText(p -> err.println("lachan import: " + p));
        ReadCounts counts = files.readAhead(paths, READ_AHEAD_BATCHES, e -> {
            accept(e);
            if (pending.size() >= batchSize) {
                flush(store);
            }
        });
        flush(store);
        return counts;
    }

    long stored() {
        return stored;
    }

    long rejected() {
        return rejected;
    }

    /** Returns each reason for rejection with how many events it rejected. */
    Map<String, Long> reasons() {
        return reasons;
    }

    private void accept(SourcedEvent event) {
        EcsNormalizer.Normalized normalized = normalizer.normalize(event.fields());
        Instant time = normalized.time();
        if (time == null) {
            reject(new Problem(
                    event.source(),
                    "event " + event.index(),
                    "no usable timestamp (an ISO-8601 @timestamp, or a Windows System time): the event is not"
                            + " stored"));
            return;
        }
        // imported files are often old (an investigation): only times no clock could mean are set aside
        EventTimes.Decided decided = TIMES.decide(time, Instant.now(), normalized.fields());
        // the evidence as it arrived; an EVTX record has no text, its fields in JSON stand for it
        String raw = event.raw() != null ? event.raw() : json.writeValueAsString(event.fields());
        pending.add(new StoredEvent(
                EventId.next(decided.time(), random), decided.time(), organization, system, decided.fields(), raw));
    }

    private void reject(Problem problem) {
        rejected++;
        String reason = problem.message();
        long seen = reasons.merge(reason, 1L, Long::sum);
        if (seen <= SHOWN) {
            err.println("lachan import: rejected: " + problem);
        }
    }

    private void flush(EventStore store) {
        if (pending.isEmpty()) {
            return;
        }
        position += pending.size();
        Checkpoint checkpoint = store.write(new EventBatch(pending, Math.max(position, 0)));
        pending.clear();
        stored += checkpoint.stored();
        checkpoint.rejected().forEach(this::reject);
    }
}
