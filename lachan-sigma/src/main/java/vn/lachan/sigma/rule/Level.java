package vn.lachan.sigma.rule;

import java.util.Locale;
import java.util.Optional;

/** Ranks how serious a detection is, as the Sigma {@code level} field says. */
public enum Level {
    INFORMATIONAL,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** Returns the level named by the Sigma keyword, or empty when the word is not a level. */
    public static Optional<Level> parse(String word) {
        for (Level level : values()) {
            if (level.keyword().equals(word)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** Returns the lowercase Sigma keyword of the level. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
