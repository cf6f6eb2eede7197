package vn.lachan.app.hunt;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Shows a one-line progress count on standard error while a long hunt runs, redrawn in place every
 * half second from a background thread; only used when standard error is a terminal.
 */
final class Progress implements AutoCloseable {
    private static final long PERIOD_MILLIS = 500;

    private final PrintStream err;
    private final AtomicLong processed;
    private final long started = System.nanoTime();
    private final @Nullable Thread thread;
    private volatile boolean drawn;

    Progress(PrintStream err, AtomicLong processed, boolean enabled) {
        this.err = err;
        this.processed = processed;
        this.thread =
                enabled ? Thread.ofPlatform().name("lachan-progress").daemon().start(this::loop) : null;
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(PERIOD_MILLIS);
                double seconds = (System.nanoTime() - started) / 1e9;
                long events = processed.get();
                err.printf(Locale.ROOT, "\r  %,d events, %,.0f events/s, %.0f s   ", events, events / seconds, seconds);
                drawn = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the updates and clears the line. */
    @Override
    public void close() {
        Thread running = thread;
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            running.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drawn) {
            err.print("\r" + " ".repeat(60) + "\r");
        }
    }
}
