package vn.lachan.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import vn.lachan.core.problem.Problem;

/**
 * Opens a journal's files after a clean stop or a crash: reads the committed position, checks every
 * segment header, and cuts a torn tail (bytes after the last whole offer of the last segment) off.
 */
final class Recovery {
    private final JournalConfig config;
    private final Problems problems;
    private final Counters counters;

    Recovery(JournalConfig config, Problems problems, Counters counters) {
        this.config = config;
        this.problems = problems;
        this.counters = counters;
    }

    /** What recovery found: the open segments (the last one is the tail), the committed and end positions. */
    record State(ConcurrentSkipListMap<Long, Segment> segments, long committed, long end) {}

    State recover() throws IOException {
        ConcurrentSkipListMap<Long, Segment> segments = openSegments();
        long committed = committed(segments);
        if (segments.isEmpty()) {
            segments.put(committed, Segment.create(config.folder(), committed, config.fsync()));
        }
        for (Segment segment : segments.headMap(segments.lastKey()).values()) {
            if (!segment.headerValid()) {
                problems.damaged(segment.name(), 0, "the segment header is damaged; reading its records anyway");
            }
            segment.seal();
        }
        long tailEnd = recoverTail(segments);
        return new State(segments, committed, Math.max(committed, tailEnd));
    }

    private ConcurrentSkipListMap<Long, Segment> openSegments() throws IOException {
        ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(config.folder())) {
            files = listing.toList();
        }
        for (Path file : files) {
            Optional<Long> first = Segment.firstOf(file.getFileName().toString());
            if (first.isPresent()) {
                segments.put(first.get(), Segment.open(file, first.get()));
            }
        }
        return segments;
    }

    private long committed(ConcurrentSkipListMap<Long, Segment> segments) throws IOException {
        long oldest = segments.isEmpty() ? 0 : segments.firstKey();
        try {
            return new CommitFile(config.folder(), config.fsync()).read().orElse(oldest);
        } catch (IOException e) {
            problems.add(new Problem(
                    config.folder().resolve(CommitFile.NAME).toString(),
                    "",
                    e.getMessage() + ": reading again from the oldest record (position " + oldest
                            + "); records already processed will be processed again"));
            return oldest;
        }
    }

    /** Cuts the tail segment after its last whole offer and returns the position after it. */
    private long recoverTail(ConcurrentSkipListMap<Long, Segment> segments) throws IOException {
        Segment tail = segments.lastEntry().getValue();
        if (!tail.headerValid()) {
            if (tail.size() <= Segment.HEADER) { // a crash while the segment was being created
                tail.close();
                segments.put(tail.first(), Segment.create(config.folder(), tail.first(), config.fsync()));
                return tail.first();
            }
            // the name carries the first position, so the records after a damaged header are still good:
            // acknowledged records are kept, as in the other segments, and the header is written again
            problems.damaged(tail.name(), 0, "the last segment's header is damaged: written again, records kept");
            tail.rewriteHeader(config.fsync());
        }
        FrameWalker walker = new FrameWalker(tail, Segment.HEADER, JournalConfig.MAX_RECORD_LIMIT);
        long good = Segment.HEADER;
        long end = tail.first();
        for (FrameWalker.Step step = walker.next(tail.size());
                step == FrameWalker.Step.FRAME || step == FrameWalker.Step.DAMAGE;
                step = walker.next(tail.size())) {
            if (step == FrameWalker.Step.FRAME && walker.endOfOffer()) {
                good = walker.offset();
                end = Math.max(end, walker.position() + 1);
            }
        }
        if (tail.size() > good) {
            counters.truncations.increment();
            problems.add(new Problem(
                    tail.path().toString(),
                    String.format(Locale.ROOT, "offset %d", good),
                    (tail.size() - good) + " bytes after the last whole offer cut off (a crash during a write;"
                            + " those records were never acknowledged)"));
            tail.truncate(good, config.fsync());
        }
        return end;
    }
}
