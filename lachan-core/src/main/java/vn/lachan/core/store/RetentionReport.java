package vn.lachan.core.store;

import java.time.Instant;
import java.util.List;

/**
 * Tells what a retention run deleted and what it kept under a legal hold.
 *
 * @param deleted the partitions deleted, each as recorded in the deletion log
 * @param held the expired partitions kept because a legal hold covers them
 */
public record RetentionReport(List<Deletion> deleted, List<Held> held) {
    public RetentionReport {
        deleted = List.copyOf(deleted);
        held = List.copyOf(held);
    }

    /**
     * Records one deleted partition: what, when and why.
     *
     * @param partition the partition's name
     * @param start its first instant
     * @param end the first instant after it
     * @param events how many events it held
     * @param deletedAt when it was deleted
     * @param reason why, in words
     * @param rules the retention rule applied to each {@code organization/system} it held
     */
    public record Deletion(
            String partition,
            Instant start,
            Instant end,
            long events,
            Instant deletedAt,
            String reason,
            List<String> rules) {
        public Deletion {
            rules = List.copyOf(rules);
        }
    }

    /**
     * Names an expired partition kept by a hold.
     *
     * @param partition the partition's name
     * @param hold the hold's reason
     */
    public record Held(String partition, String hold) {}
}
