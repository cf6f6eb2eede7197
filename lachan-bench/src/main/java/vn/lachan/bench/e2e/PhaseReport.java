package vn.lachan.bench.e2e;

import java.util.List;

/**
 * What one phase measured, on a server of its own.
 *
 * @param name the phase ({@code sustained}, {@code capacity}, {@code latency}, {@code burst})
 * @param targetRate the paced rate, events/s (0: as fast as the backlog cap lets)
 * @param sending the sender's figures
 * @param store what the server stored and how fast
 * @param latency the probes' and the server's latencies
 * @param server the server process's memory and journal
 * @param loadBefore the 1-minute load average before the phase
 * @param loadAfter the 1-minute load average after it
 */
record PhaseReport(
        String name,
        double targetRate,
        Sending sending,
        Store store,
        Latency latency,
        Server server,
        double loadBefore,
        double loadAfter) {

    /**
     * The sender's side.
     *
     * @param seconds how long the schedule ran
     * @param offered events handed to the sending threads
     * @param acknowledged events the server answered 202 for
     * @param acknowledgedRate acknowledged events per second of the schedule
     * @param shortfall events the schedule wanted that the sender could not offer in time
     * @param refusals 429 answers
     * @param retryWaitSeconds seconds waited on Retry-After, summed over the sending threads
     * @param errors other failed requests
     * @param abandoned events given up after repeated errors
     * @param requests batches sent
     * @param meanPostMillis the mean time of an acknowledged request
     * @param firstError the first error seen, or ""
     */
    record Sending(
            double seconds,
            long offered,
            long acknowledged,
            double acknowledgedRate,
            long shortfall,
            long refusals,
            double retryWaitSeconds,
            long errors,
            long abandoned,
            long requests,
            double meanPostMillis,
            String firstError) {}

    /**
     * The server's store.
     *
     * @param stored events stored when the phase ended
     * @param lost acknowledged minus stored after the drain (must be 0)
     * @param drained whether the backlog drained before the timeout
     * @param drainSeconds from the end of sending to the drain
     * @param storedRateWhileSending events stored per second while the sender ran
     * @param storedRateSteady events stored per second over the last two thirds of the sending time
     * @param storedRateOverall events stored per second from the start to the drain
     * @param storeFailures the pipeline's failed store attempts
     */
    record Store(
            long stored,
            long lost,
            boolean drained,
            double drainSeconds,
            double storedRateWhileSending,
            double storedRateSteady,
            double storedRateOverall,
            long storeFailures) {}

    /**
     * Latencies: the probes' as the harness saw them, and the server's histograms over the phase.
     *
     * @param probesSent latency probes sent
     * @param probesAlerted probes whose alert was seen on the stream
     * @param dueToAlert from when a probe was due by the schedule to its alert on the stream
     * @param postToAlert from the start of the request carrying it to its alert on the stream
     * @param postToAck from the start of that request to its 202
     * @param serverAlertP50 the server's {@code lachan_alert_latency} median (bucket bound, s)
     * @param serverAlertP99 its 99th percentile (bucket bound, s)
     * @param serverAlertCount alerts the histogram counted in the phase
     * @param serverStoreP50 the server's {@code lachan_pipeline_latency} median, receipt to stored (s)
     * @param serverStoreP99 its 99th percentile (s)
     * @param streamAlerts alert events seen on the stream, probes and corpus
     * @param streamOverflows overflow events (the stream fell behind)
     * @param dueToAlertWindows {@code dueToAlert} per {@value Figures#WINDOW_SECONDS} s window of the
     *     probes' due times, in order
     * @param dueToAlertSettled {@code dueToAlert} of the probes due {@value Figures#SETTLE_SECONDS} s or
     *     more after the first: the server warmed up
     */
    record Latency(
            int probesSent,
            int probesAlerted,
            Latencies dueToAlert,
            Latencies postToAlert,
            Latencies postToAck,
            double serverAlertP50,
            double serverAlertP99,
            long serverAlertCount,
            double serverStoreP50,
            double serverStoreP99,
            long streamAlerts,
            long streamOverflows,
            List<Latencies> dueToAlertWindows,
            Latencies dueToAlertSettled) {}

    /**
     * The server process.
     *
     * @param heapPeakMib the most heap in use at a collection's start (GC log)
     * @param heapPeakAfterGcMib the most heap in use after a collection
     * @param collections collections, of which {@code fullCollections} full
     * @param fullCollections full collections
     * @param rssPeakMib the resident set's peak ({@code VmHWM})
     * @param journalPeakBytes the most the journal held (health, sampled)
     * @param journalBudgetBytes the journal's budget
     * @param exitCode the server's exit code after SIGTERM (-1: killed; 143: stopped by SIGTERM after a clean
     *     shutdown)
     * @param healthPolls health polls made (every 250 ms)
     * @param healthPollFailures polls that failed, the last one's error in {@code lastPollFailure}
     * @param lastPollFailure the last failed poll's error, or ""
     * @param heapLiveMib the most heap in use after a full collection (the live set then; 0 without one)
     * @param longestPauseMs the longest collection pause
     * @param cpuSeconds the CPU time the server used from the start of sending to the drain (all threads)
     * @param harnessCpuSeconds the CPU time this harness (the sender, the monitor and the alert watcher) used
     *     over the same time: it runs on the same machine
     * @param seconds the time both were measured over
     */
    record Server(
            long heapPeakMib,
            long heapPeakAfterGcMib,
            long collections,
            long fullCollections,
            long rssPeakMib,
            long journalPeakBytes,
            long journalBudgetBytes,
            int exitCode,
            long healthPolls,
            long healthPollFailures,
            String lastPollFailure,
            long heapLiveMib,
            double longestPauseMs,
            double cpuSeconds,
            double harnessCpuSeconds,
            double seconds) {}
}
