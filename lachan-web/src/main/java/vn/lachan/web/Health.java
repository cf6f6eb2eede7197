package vn.lachan.web;

import java.util.Map;
import java.util.Objects;

/**
 * Reports whether the platform is up, as {@code GET /api/v1/health} shows it.
 *
 * @param status the overall status
 * @param components each part by name (journal, store, pipeline…), with its own status and details
 */
public record Health(Status status, Map<String, Component> components) {
    public Health {
        Objects.requireNonNull(status, "status");
        components = Map.copyOf(components);
    }

    /**
     * Reports one part of the platform.
     *
     * @param status its status
     * @param details what an operator needs to judge it, such as {@code "disk_free": "12 GiB"}
     */
    public record Component(Status status, Map<String, String> details) {
        public Component {
            Objects.requireNonNull(status, "status");
            details = Map.copyOf(details);
        }
    }

    /** Tells how well something works. */
    public enum Status {
        /** Working. */
        UP,
        /** Working with reduced capacity or guarantees; still answers 200. */
        DEGRADED,
        /** Not working; the health route answers 503. */
        DOWN
    }
}
