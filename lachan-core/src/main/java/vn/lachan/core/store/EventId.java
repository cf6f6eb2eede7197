package vn.lachan.core.store;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Identifies one stored event with 128 bits, time first: 48 bits of epoch milliseconds then 80 bits
 * that are either random (imported files) or a journal's tag and position (the pipeline, so that a
 * replay gives the same ids), so that ids sort by time and never collide in practice.
 *
 * <p>The text form is 32 lowercase hexadecimal digits, which sort the same way as the bits.
 *
 * @param high the time in milliseconds (top 48 bits) and 16 random bits
 * @param low 64 random bits
 */
public record EventId(long high, long low) implements Comparable<EventId> {
    private static final long MAX_MILLIS = (1L << 48) - 1;
    private static final HexFormat HEX = HexFormat.of();

    /** Returns a fresh id for an event at {@code time}, drawing the random bits from {@code random}. */
    public static EventId next(Instant time, RandomGenerator random) {
        return new EventId(millis(time) << 16 | (random.nextLong() & 0xFFFFL), random.nextLong());
    }

    /**
     * Returns the id of the event at journal position {@code position} of the journal tagged {@code
     * journalTag} (its low 16 bits are used): the same event gets the same id whenever the journal is
     * replayed, and events of one journal never collide.
     */
    public static EventId ofJournal(Instant time, int journalTag, long position) {
        if (position < 0) {
            throw new IllegalArgumentException("a journal position is >= 0, was " + position);
        }
        return new EventId(millis(time) << 16 | (journalTag & 0xFFFFL), position);
    }

    private static long millis(Instant time) {
        long millis = time.toEpochMilli();
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("event time out of the id range (1970 to 10889): " + time);
        }
        return millis;
    }

    /** Returns the id that {@code text} writes (32 hexadecimal digits), or empty when it is not one. */
    public static Optional<EventId> parse(String text) {
        if (text.length() != 32) {
            return Optional.empty();
        }
        for (int i = 0; i < 32; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new EventId(
                Long.parseUnsignedLong(text.substring(0, 16), 16), Long.parseUnsignedLong(text.substring(16), 16)));
    }

    /** Returns the event time that the id carries, to the millisecond. */
    public Instant time() {
        return Instant.ofEpochMilli(high >>> 16);
    }

    @Override
    public int compareTo(EventId other) {
        int c = Long.compareUnsigned(high, other.high);
        return c != 0 ? c : Long.compareUnsigned(low, other.low);
    }

    /** Returns the 32 hexadecimal digits. */
    @Override
    public String toString() {
        // the detect thread names every event: String.format cost more than the rest of the naming
        return HEX.toHexDigits(high) + HEX.toHexDigits(low);
    }
}
