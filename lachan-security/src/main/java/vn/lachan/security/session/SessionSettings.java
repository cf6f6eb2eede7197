package vn.lachan.security.session;

import java.time.Duration;
import java.util.Objects;

/**
 * Holds the session timeouts.
 *
 * @param idle how long a session lives without use (default 30 minutes)
 * @param absolute how long a session lives at most, used or not (default 12 hours: one shift)
 */
public record SessionSettings(Duration idle, Duration absolute) {
    /** 30 minutes idle, 12 hours absolute. */
    public static final SessionSettings DEFAULT = new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(12));

    public SessionSettings {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(absolute, "absolute");
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("need 0 < idle ≤ absolute, got idle " + idle + ", absolute " + absolute);
        }
    }
}
