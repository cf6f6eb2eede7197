package vn.lachan.ingest.parse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.ingest.normalize.EcsNormalizer;

/**
 * Collects the fields of one event as a parser finds them: ECS fields as dotted keys, originals under
 * their own names, the event time and any repair worth reporting. Not thread-safe: one per parse.
 */
final class Event {
    private Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    private @Nullable Instant time;
    private @Nullable String repair;

    Map<String, @Nullable Object> fields() {
        return fields;
    }

    @Nullable
    Instant time() {
        return time;
    }

    /** Sets the event time unless one is already set. */
    void time(@Nullable Instant instant) {
        if (time == null) {
            time = instant;
        }
    }

    @Nullable
    String repair() {
        return repair;
    }

    /** Notes something repaired or left out; the first note wins, later ones are appended. */
    void repair(String note) {
        repair = repair == null ? note : repair + "; " + note;
    }

    /**
     * Puts every entry of {@code parsed}, in its order. The caller hands the map over (nobody else holds
     * it): when nothing was put yet and it is a {@link LinkedHashMap}, it becomes the event's own map
     * instead of being copied.
     */
    void adopt(Map<String, @Nullable Object> parsed) {
        if (fields.isEmpty() && parsed instanceof LinkedHashMap) {
            fields = parsed;
        } else {
            parsed.forEach(fields::put);
        }
    }

    void put(String key, @Nullable Object value) {
        fields.put(key, value);
    }

    @Nullable
    Object get(String key) {
        return fields.get(key);
    }

    boolean has(String key) {
        return fields.get(key) != null;
    }

    /** Puts a text value unless it is null, empty or the placeholder {@code -}. */
    void text(String key, @Nullable String value) {
        if (value != null && !value.isEmpty() && !value.equals("-")) {
            fields.put(key, value);
        }
    }

    /** Puts a text value when the key holds nothing yet. */
    void textIfAbsent(String key, @Nullable String value) {
        if (!has(key)) {
            text(key, value);
        }
    }

    /** Puts a whole number written in decimal; anything else is left out. */
    void number(String key, @Nullable String value) {
        Long n = Texts.decimal(value);
        if (n != null) {
            fields.put(key, n);
        }
    }

    /** Puts an IPv4 or IPv6 address; anything else is left out. */
    void ip(String key, @Nullable String value) {
        if (value != null && Texts.isIp(value)) {
            fields.put(key, value);
        }
    }

    /** Returns the fields with {@code @timestamp} written from the event time. */
    Map<String, @Nullable Object> finish() {
        if (time != null) {
            fields.put("@timestamp", EcsNormalizer.timestamp(time));
        }
        return fields;
    }
}
