package vn.lachan.core.store;

import java.time.Instant;
import java.util.Set;

/**
 * Describes one time partition of the store.
 *
 * @param name the partition's name ({@code 2026-03-01} for a day)
 * @param start the first instant it holds
 * @param end the first instant after it
 * @param events how many events it holds
 * @param bytes its size on disk
 * @param sealed whether it is closed and sealed by a manifest
 * @param systems the {@code organization/system} pairs whose events it holds
 */
public record PartitionInfo(
        String name, Instant start, Instant end, long events, long bytes, boolean sealed, Set<String> systems) {
    public PartitionInfo {
        systems = Set.copyOf(systems);
    }
}
