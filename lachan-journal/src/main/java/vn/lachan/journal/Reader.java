package vn.lachan.journal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentNavigableMap;
import vn.lachan.core.intake.RawRecord;

/**
 * Reads the journal's records in position order for its single consumer, from the durable part of the
 * segments only, reporting and stepping over damaged records. Not thread-safe: the journal serializes
 * its callers.
 */
final class Reader {
    private final ConcurrentNavigableMap<Long, Segment> segments;
    private final Problems problems;
    private final Labels labels = new Labels();
    private volatile Segment segment;
    private FrameWalker walker;
    private volatile long next;

    Reader(ConcurrentNavigableMap<Long, Segment> segments, long start, Problems problems) {
        this.segments = segments;
        this.problems = problems;
        var floor = segments.floorEntry(start);
        this.segment = floor != null ? floor.getValue() : segments.firstEntry().getValue();
        this.walker = new FrameWalker(segment, Segment.HEADER, JournalConfig.MAX_RECORD_LIMIT);
        this.next = start;
    }

    /** Returns up to {@code max} records from the next position on, without waiting. */
    List<JournalEntry> read(int max) throws IOException {
        List<JournalEntry> out = new ArrayList<>(Math.min(max, 1024));
        while (out.size() < max) {
            boolean sealed = segment.sealed(); // read before the size: a sealed segment's size is final
            FrameWalker.Step step = walker.next(segment.durable());
            switch (step) {
                case FRAME -> take(out);
                case DAMAGE -> reportDamage();
                case INCOMPLETE, END -> {
                    if (!sealed || !advance(step)) {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    private void take(List<JournalEntry> out) {
        long position = walker.position();
        if (position < next) {
            return; // below the committed position, or a stray copy
        }
        try {
            RawRecord record = RecordCodec.decode(walker.window(), walker.bodyOffset(), walker.bodyLength(), labels);
            out.add(new JournalEntry(position, record));
        } catch (IllegalArgumentException e) {
            problems.damaged(
                    segment.name(),
                    walker.frameOffset(),
                    "record at position " + position + " has a valid checksum but " + e.getMessage() + "; skipped");
        }
        next = position + 1;
    }

    private void reportDamage() {
        Long position = walker.damagedPosition();
        long length = walker.offset() - walker.damageStart();
        String what = position != null
                ? "record at position " + position + " fails its checksum"
                : String.format(Locale.ROOT, "%d damaged bytes hold no valid record", length);
        problems.damaged(segment.name(), walker.damageStart(), what + "; skipped");
        if (position != null && position >= next) {
            next = position + 1;
        }
    }

    private boolean advance(FrameWalker.Step step) {
        var after = segments.higherEntry(segment.first());
        if (after == null) {
            return false;
        }
        if (step == FrameWalker.Step.INCOMPLETE) {
            long length = segment.durable() - walker.offset();
            problems.damaged(
                    segment.name(), walker.offset(), length + " bytes at the end are not a whole record; skipped");
        }
        segment = after.getValue();
        walker = new FrameWalker(segment, Segment.HEADER, JournalConfig.MAX_RECORD_LIMIT);
        return true;
    }

    /** Returns whether durable bytes lie past the reader (call under the appender's lock). */
    boolean hasMore() {
        return segment.sealed() || segment.durable() > walker.offset();
    }

    /** Returns the first position of the segment being read: it and later ones must not be trimmed. */
    long segmentFirst() {
        return segment.first();
    }

    /** Returns the position after the last record handed out (or the start). */
    long next() {
        return next;
    }
}
