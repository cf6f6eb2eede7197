package vn.lachan.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Configures the pipeline.
 *
 * @param batchSize the most records processed, stored and committed together (1 to 100,000)
 * @param pollWait how long the pipeline waits for records before it looks again (and the longest a
 *     lone record waits for company)
 * @param queuedBatches how many detected batches may wait for the store (1 to 64): the overlap between
 *     detection and storage
 * @param journalTag the 16-bit tag of this platform's journal, which makes event ids unique (see {@code
 *     EventId.ofJournal})
 * @param ownerships which organization and system each host, network and source belongs to, first
 *     match first
 * @param defaultOrganization the organization of an event no ownership matches
 * @param defaultSystem the system of an event no ownership matches
 * @param maxEventAge how long before its receipt an event's own time is still believed (older: a clock gone
 *     wrong, stored under the receipt time and flagged, see {@code EventTimes})
 * @param maxEventLead how long after its receipt an event's own time is still believed (a collector in
 *     UTC+7 writing local time as UTC is 7 hours ahead)
 */
public record PipelineConfig(
        int batchSize,
        Duration pollWait,
        int queuedBatches,
        int journalTag,
        List<Ownership> ownerships,
        String defaultOrganization,
        String defaultSystem,
        Duration maxEventAge,
        Duration maxEventLead) {
    /** The default {@link #maxEventAge()}: two years, twice the longest retention the law sets. */
    public static final Duration MAX_EVENT_AGE = Duration.ofDays(730);
    /** The default {@link #maxEventLead()}: one day. */
    public static final Duration MAX_EVENT_LEAD = Duration.ofDays(1);

    public PipelineConfig {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batch size must be 1 to 100000, was " + batchSize);
        }
        Objects.requireNonNull(pollWait, "pollWait");
        if (pollWait.isNegative() || pollWait.isZero()) {
            throw new IllegalArgumentException("poll wait must be positive, was " + pollWait);
        }
        if (queuedBatches < 1 || queuedBatches > 64) {
            throw new IllegalArgumentException("queued batches must be 1 to 64, was " + queuedBatches);
        }
        if (!maxEventAge.isPositive() || !maxEventLead.isPositive()) {
            throw new IllegalArgumentException("the plausible event time window must be positive, was " + maxEventAge
                    + " before and " + maxEventLead + " after the receipt");
        }
        ownerships = List.copyOf(ownerships);
        // validated as an ownership's codes are
        new Ownership(defaultOrganization, defaultSystem, List.of(), List.of(), List.of());
    }

    /** Returns a configuration with the default plausible event time window. */
    public PipelineConfig(
            int batchSize,
            Duration pollWait,
            int queuedBatches,
            int journalTag,
            List<Ownership> ownerships,
            String defaultOrganization,
            String defaultSystem) {
        this(
                batchSize,
                pollWait,
                queuedBatches,
                journalTag,
                ownerships,
                defaultOrganization,
                defaultSystem,
                MAX_EVENT_AGE,
                MAX_EVENT_LEAD);
    }

    /** Returns the defaults: batches of 4,096, 50 ms poll wait, 4 batches queued, no ownerships. */
    public static PipelineConfig defaults(int journalTag) {
        return new PipelineConfig(4096, Duration.ofMillis(50), 4, journalTag, List.of(), "unassigned", "unassigned");
    }
}
