package vn.lachan.pipeline;

/**
 * Counts what the pipeline did since it started; consistent enough for monitoring.
 *
 * @param records records taken from the journal
 * @param parseFailures records no parser understood, kept raw with the reason
 * @param stored events the store accepted
 * @param rejected events the store refused (with a logged reason)
 * @param detections rule firings
 * @param alertsWritten alert changes written (new alerts and count updates)
 * @param suppressedReplays detections skipped because their alerts were stored before a restart
 * @param committed the journal position committed last
 * @param storeFailures batches the store failed to take and that are being retried
 */
public record PipelineStats(
        long records,
        long parseFailures,
        long stored,
        long rejected,
        long detections,
        long alertsWritten,
        long suppressedReplays,
        long committed,
        long storeFailures) {}
