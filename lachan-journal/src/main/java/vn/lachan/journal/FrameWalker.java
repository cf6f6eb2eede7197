package vn.lachan.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Walks the frames of one segment from an offset, through a window of the file, stepping over damaged
 * regions by looking for the next offset whose frame checks out. Not thread-safe: one walker per user.
 */
final class FrameWalker {
    /** What {@link #next} found. */
    enum Step {
        /** A whole, valid frame: see {@link #position}, {@link #frameOffset}, {@link #bodyOffset}. */
        FRAME,
        /** A damaged region from {@link #damageStart} to {@link #offset}, stepped over. */
        DAMAGE,
        /** Bytes before the limit that are not (yet) a whole frame; {@link #offset} stays before them. */
        INCOMPLETE,
        /** The limit is reached exactly. */
        END
    }

    private static final int WINDOW = 1 << 20;

    private final Segment segment;
    private final int maxBody;
    private ByteBuffer window = ByteBuffer.allocate(WINDOW).limit(0);
    private long windowStart;
    private long offset;
    private long frameOffset;
    private long damageStart;
    private @Nullable Long damagedPosition;
    private long expected;

    /** Walks {@code segment} from {@code offset}, its first frame's (a segment starts at its first position). */
    FrameWalker(Segment segment, long offset, int maxBody) {
        this.segment = segment;
        this.offset = offset;
        this.maxBody = maxBody;
        this.expected = segment.first();
    }

    /** Returns the next step before file offset {@code limit}. */
    Step next(long limit) throws IOException {
        long start = offset;
        damagedPosition = null;
        for (long at = start; ; at++) {
            if (limit - at < Frames.HEADER || !cover(at, Frames.HEADER, limit)) {
                return tail(start, at, limit);
            }
            int local = (int) (at - windowStart);
            if (!Frames.headerValid(window, local, maxBody)) {
                continue;
            }
            int frame = Frames.HEADER + Frames.bodyLength(window, local);
            if (at + frame > limit || !cover(at, frame, limit)) {
                if (at == start) {
                    return Step.INCOMPLETE;
                }
                continue;
            }
            local = (int) (at - windowStart);
            if (at != start && !plausible(Frames.position(window, local), at - start)) {
                continue; // a frame-shaped run of bytes inside the damage, such as a frame carried in a payload
            }
            if (Frames.bodyValid(window, local)) {
                return at == start ? frame(at, frame) : damage(start, at);
            }
            if (at == start) {
                damagedPosition = Frames.position(window, local);
                expected = Math.max(expected, damagedPosition + 1);
                return damage(start, at + frame);
            }
        }
    }

    /**
     * Returns whether a frame found {@code skipped} bytes past the last whole frame may be the next real
     * one: its position lies at or after the expected one, and no further than the frames that fit in the
     * skipped bytes (each takes more than a header). A frame inside a record's payload (an input may
     * carry anything) would otherwise make the reader jump to its position and drop every real record
     * below it as a stray copy.
     */
    private boolean plausible(long position, long skipped) {
        return position >= expected && position - expected <= skipped / Frames.HEADER + 1;
    }

    private Step tail(long start, long at, long limit) {
        if (at == start) {
            return at == limit ? Step.END : Step.INCOMPLETE;
        }
        return damage(start, at);
    }

    private Step frame(long at, int length) {
        frameOffset = at;
        offset = at + length;
        expected = Math.max(expected, position() + 1);
        return Step.FRAME;
    }

    private Step damage(long start, long end) {
        damageStart = start;
        offset = end;
        return Step.DAMAGE;
    }

    /**
     * Makes the window hold file bytes {@code [at, at + length)}, reading nothing at or past {@code limit}
     * (bytes there may be in the middle of being written); false when the file is shorter.
     */
    private boolean cover(long at, int length, long limit) throws IOException {
        if (at >= windowStart && at + length <= windowStart + window.limit()) {
            return true;
        }
        if (window.capacity() < length) {
            window = ByteBuffer.allocate(length);
        }
        window.clear().limit((int) Math.min(window.capacity(), limit - at));
        windowStart = at;
        while (window.position() < length) {
            int read = segment.read(window, at + window.position());
            if (read < 0) {
                window.flip();
                return false;
            }
        }
        window.flip();
        return true;
    }

    long offset() {
        return offset;
    }

    long frameOffset() {
        return frameOffset;
    }

    long damageStart() {
        return damageStart;
    }

    /** Returns the position a damaged frame claims when only its body was bad, else null. */
    @Nullable
    Long damagedPosition() {
        return damagedPosition;
    }

    long position() {
        return Frames.position(window, local());
    }

    boolean endOfOffer() {
        return Frames.endOfOffer(window, local());
    }

    /** Returns the frame's body offset in {@link #window()}. */
    int bodyOffset() {
        return local() + Frames.HEADER;
    }

    int bodyLength() {
        return Frames.bodyLength(window, local());
    }

    ByteBuffer window() {
        return window;
    }

    private int local() {
        return (int) (frameOffset - windowStart);
    }
}
