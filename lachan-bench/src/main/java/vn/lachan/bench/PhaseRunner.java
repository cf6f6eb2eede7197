package vn.lachan.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.ingest.file.ReadCounts;
import vn.lachan.sigma.SigmaEngine;

/** Runs one pass over the event files on the calling thread, through the reader {@code lachan hunt} uses. */
final class PhaseRunner {
    private final List<Path> files;
    private final long limit;
    private final SigmaEngine engine;

    /** Keeps a value that depends on every event, so the JIT cannot drop the parse-only work. */
    private long checksum;

    PhaseRunner(List<Path> files, long limit, SigmaEngine engine) {
        this.files = List.copyOf(files);
        this.limit = limit;
        this.engine = engine;
    }

    long checksum() {
        return checksum;
    }

    PhaseResult run(Phase phase, int round) {
        Counts counts = new Counts();
        EventFiles reader = new EventFiles(problem -> counts.problems++);
        Consumer<SourcedEvent> consumer = phase == Phase.PARSE_ONLY
                ? e -> touch(e, counts)
                : e -> {
                    touch(e, counts);
                    engine.process(e, alert -> counts.alerts++);
                };
        double loadBefore = Machine.loadAverage();
        long start = System.nanoTime();
        try {
            for (Path file : files) {
                reader.read(file, consumer);
            }
        } catch (LimitReached e) {
            // the event limit of a quick run: the rest is not read
        }
        long nanos = System.nanoTime() - start;
        ReadCounts read = reader.counts();
        return new PhaseResult(
                phase,
                round,
                counts.events,
                nanos,
                counts.alerts,
                counts.problems,
                read.skippedEntries(),
                loadBefore,
                Machine.loadAverage());
    }

    private void touch(SourcedEvent event, Counts counts) {
        if (counts.events == limit) {
            throw LimitReached.INSTANCE;
        }
        counts.events++;
        checksum += event.fields().size() + event.index();
    }

    /** Counts of one pass. */
    private static final class Counts {
        long events;
        long alerts;
        long problems;
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
