package vn.lachan.core.alert;

import java.util.Locale;
import java.util.Optional;

/** Ranks an alert by its rule's level, lowest first (Sigma's levels). */
public enum AlertLevel {
    INFORMATIONAL,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** Returns the lowercase name used on the wire and in rules. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the level that {@code text} names (any case), or empty when it names none. */
    public static Optional<AlertLevel> parse(String text) {
        for (AlertLevel level : values()) {
            if (level.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
