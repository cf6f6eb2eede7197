package vn.lachan.web.auth;

import java.util.function.Supplier;

/**
 * Adds up what the {@link Gate} spends on one request: its check before the handler, and the caller's visible
 * organizations, worked out later when the handler first asks for them.
 *
 * <p>Thread-safe: the handler may ask for the visible organizations on another thread.
 */
final class GateClock {
    static final String ATTRIBUTE = "lachan.gate";

    private long nanos;
    private volatile String via = "none";
    private volatile String outcome = "refused";

    /** Records how the caller came: {@code token} or {@code session}. */
    void via(String how) {
        via = how;
    }

    /** Records how the check ended. */
    void end(String how) {
        outcome = how;
    }

    /** Adds {@code elapsed} nanoseconds. */
    synchronized void add(long elapsed) {
        nanos += elapsed;
    }

    /** Returns what {@code work} returns, adding the time it took. */
    <T> T time(Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(System.nanoTime() - started);
        }
    }

    synchronized Gate.Spent spent() {
        return new Gate.Spent(via, outcome, nanos);
    }
}
