package vn.lachan.bench;

/**
 * Holds the figures of one store-harness pass.
 *
 * @param phase what the pass did
 * @param round the round it belonged to, 0 for warm-up
 * @param events events read
 * @param rejected events not stored (no usable time, refused by the store, or left out as already held)
 * @param problems problems reported by the reader (bad lines, skipped archive entries)
 * @param rawBytes the UTF-8 size of the events' original text as NDJSON (one line each)
 * @param nanos the pass's wall time
 * @param writeNanos the time spent inside {@code LuceneEventStore.write}
 * @param loadBefore the one-minute load average before the pass
 * @param loadAfter the one-minute load average after it
 * @param cpuNanos the CPU time of the whole process during the pass (every thread: reader, indexers,
 *     merges, GC), which a busy shared machine does not inflate the way it inflates wall time
 */
record PassResult(
        StorePhase phase,
        int round,
        long events,
        long rejected,
        long problems,
        long rawBytes,
        long nanos,
        long writeNanos,
        double loadBefore,
        double loadAfter,
        long cpuNanos) {
    double seconds() {
        return nanos / 1e9;
    }

    double eventsPerSecond() {
        return events / seconds();
    }

    /** Returns the process's CPU time per event, in microseconds. */
    double cpuMicrosPerEvent() {
        return cpuNanos / 1e3 / events;
    }

    /** Returns the share of the pass's time spent writing to the store. */
    double writeShare() {
        return (double) writeNanos / nanos;
    }
}
