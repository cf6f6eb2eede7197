package vn.lachan.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.ingest.normalize.EcsNormalizer;

/**
 * Decides the time an event is stored and found under. The rule: the time its record gives, when it lies
 * from {@code maxAge} before the receipt time to {@code maxLead} after it; otherwise the receipt time,
 * with the record's time kept in {@value #ORIGINAL} and the reason in {@value #ISSUE} (so that {@code
 * _exists_:lachan.time.issue} finds every such event); a record without a time takes the receipt time.
 *
 * <p>A clock reset to 1970 or 2000, a FILETIME of zero, a year 9999 are still stored, near the time they
 * arrived and in a partition that exists anyway, instead of opening one partition per absurd day; a
 * collector offline for a week or an import of last month's logs keeps its own times (a sealed day takes
 * them into a late partition). The decision depends only on the record (its receipt time is in the
 * journal), so a replay gives every event the same time and id.
 */
public final class EventTimes {
    /** The field that keeps a record's own time when the event is stored under its receipt time. */
    public static final String ORIGINAL = "lachan.time.original";
    /** The field that says why the record's own time was not used. */
    public static final String ISSUE = "lachan.time.issue";
    /** The last millisecond an event id can carry (48 bits). */
    private static final long MAX_MILLIS = (1L << 48) - 1;

    private static final String WRONG_CLOCK = "), a clock gone wrong; stored under its receipt time";

    private final Duration maxAge;
    private final Duration maxLead;
    private final String earlyText;
    private final String lateText;
    // the reason texts of the last receipt time: the records of one request share it, and building the
    // text per event was most of what deciding allocated; racy by design (an immutable record either way)
    private Reason early = new Reason(Instant.MIN, "");
    private Reason late = new Reason(Instant.MIN, "");

    private record Reason(Instant received, String text) {}

    /** Believes an event's own time from {@code maxAge} before its receipt to {@code maxLead} after it. */
    public EventTimes(Duration maxAge, Duration maxLead) {
        this.maxAge = maxAge;
        this.maxLead = maxLead;
        this.earlyText = "event time more than " + maxAge.toDays() + " days before its receipt (";
        this.lateText = "event time more than " + maxLead.toHours() + " hours after its receipt (";
    }

    /**
     * The time an event is stored under, and its fields (with the flags when its own time was set aside).
     *
     * @param clamped whether the record's own time was set aside for the receipt time
     */
    public record Decided(Instant time, Map<String, @Nullable Object> fields, boolean clamped) {}

    /** Decides the time of an event whose record gives {@code parsed} (null: none) and arrived at {@code received}. */
    public Decided decide(@Nullable Instant parsed, Instant received, Map<String, @Nullable Object> fields) {
        return decide(parsed, received, fields, false);
    }

    /**
     * Decides as {@link #decide} does, but puts the flags straight into {@code fields}, which the caller owns
     * and which must be mutable: no copy of the event for its two flags.
     */
    public Decided decideInPlace(@Nullable Instant parsed, Instant received, Map<String, @Nullable Object> fields) {
        return decide(parsed, received, fields, true);
    }

    private Decided decide(
            @Nullable Instant parsed, Instant received, Map<String, @Nullable Object> fields, boolean inPlace) {
        if (parsed == null) {
            return new Decided(received, fields, false);
        }
        String issue = issue(parsed, received);
        if (issue == null) {
            return new Decided(parsed, fields, false);
        }
        Map<String, @Nullable Object> flagged = inPlace ? fields : new LinkedHashMap<>(fields);
        flagged.put(ORIGINAL, EcsNormalizer.timestamp(parsed));
        flagged.put(ISSUE, issue);
        return new Decided(received, flagged, true);
    }

    private @Nullable String issue(Instant parsed, Instant received) {
        long millis = safeMillis(parsed);
        if (millis < 0 || millis > MAX_MILLIS) {
            return "event time " + parsed + " outside 1970 to 10889; stored under its receipt time";
        }
        if (parsed.isBefore(received.minus(maxAge))) {
            Reason r = reason(early, received, earlyText);
            early = r;
            return r.text();
        }
        if (parsed.isAfter(received.plus(maxLead))) {
            Reason r = reason(late, received, lateText);
            late = r;
            return r.text();
        }
        return null;
    }

    /** Returns {@code last} when it is for {@code received}, else the reason text for it, built once. */
    private static Reason reason(Reason last, Instant received, String text) {
        return last.received().equals(received) ? last : new Reason(received, text + received + WRONG_CLOCK);
    }

    private static long safeMillis(Instant time) {
        try {
            return time.toEpochMilli();
        } catch (ArithmeticException e) {
            return time.isBefore(Instant.EPOCH) ? -1 : Long.MAX_VALUE;
        }
    }
}
