package vn.lachan.bench.e2e;

/**
 * Spreads a target rate over time: at each tick it says how many events are due since the start, less
 * those already issued. A sender that falls further behind than {@code maxCatchUp} events does not
 * burst to catch up: the excess is counted as shortfall, so that the achieved rate is reported honestly.
 *
 * <p>Pure arithmetic over the nanosecond times it is given (no clock of its own). Not thread-safe: one
 * pacing thread owns it.
 */
final class Pacer {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double ratePerSecond;
    private final long maxCatchUp;
    private long start;
    private long issuedSinceStart;
    private long issued;
    private long shortfall;

    /**
     * Creates a pacer for {@code ratePerSecond} events per second from {@code startNanos}, letting a late
     * sender catch up by at most {@code maxCatchUp} events at once.
     */
    Pacer(double ratePerSecond, long startNanos, long maxCatchUp) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number of events/s, was " + ratePerSecond);
        }
        if (maxCatchUp < 1) {
            throw new IllegalArgumentException("maxCatchUp must be >= 1, was " + maxCatchUp);
        }
        this.ratePerSecond = ratePerSecond;
        this.maxCatchUp = maxCatchUp;
        this.start = startNanos;
    }

    /** Returns how many events the schedule wants sent now; the caller then reports them with {@link #issue}. */
    long due(long nowNanos) {
        long target = (long) Math.floor(ratePerSecond * Math.max(0, nowNanos - start) / NANOS_PER_SECOND);
        long owed = target - issuedSinceStart;
        if (owed > maxCatchUp) {
            long missed = owed - maxCatchUp;
            shortfall += missed;
            issuedSinceStart += missed;
            owed = maxCatchUp;
        }
        return Math.max(0, owed);
    }

    /** Records that {@code count} events were handed to the sender. */
    void issue(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        issuedSinceStart += count;
        issued += count;
    }

    /**
     * Starts the schedule again from {@code nowNanos} without owing anything: used while the server's
     * backlog is over its cap, so that the pause is not made up afterwards in a burst.
     */
    void restart(long nowNanos) {
        start = nowNanos;
        issuedSinceStart = 0;
    }

    /** Returns the events issued since creation. */
    long issued() {
        return issued;
    }

    /** Returns the events the schedule wanted that the sender was too far behind to offer. */
    long shortfall() {
        return shortfall;
    }

    /** Returns the nanoseconds until the next tick of {@code tickNanos} after {@code nowNanos}, at least 0. */
    static long untilNextTick(long startNanos, long nowNanos, long tickNanos) {
        long elapsed = Math.max(0, nowNanos - startNanos);
        return tickNanos - elapsed % tickNanos;
    }

    /** Returns how many batches of at most {@code maxBatch} events carry {@code events}. */
    static int batches(long events, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, was " + maxBatch);
        }
        return (int) ((events + maxBatch - 1) / maxBatch);
    }
}
