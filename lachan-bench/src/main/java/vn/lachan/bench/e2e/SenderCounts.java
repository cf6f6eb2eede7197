package vn.lachan.bench.e2e;

import java.util.concurrent.atomic.AtomicLong;

/** What a {@link Sender} did; counters are updated by its threads and read once it has finished. */
final class SenderCounts {
    /** Events handed to the sending threads (each counted once, however often it was retried). */
    final AtomicLong offered = new AtomicLong();
    /** Events in batches the server answered 202. */
    final AtomicLong acknowledged = new AtomicLong();
    /** 429 answers, and the events in the refused batches (counted again at each refusal). */
    final AtomicLong refusals = new AtomicLong();

    final AtomicLong refusedEvents = new AtomicLong();
    /** Milliseconds waited because of Retry-After, summed over the sending threads. */
    final AtomicLong retryWaitMillis = new AtomicLong();
    /** Answers other than 202 and 429, and failures to reach the server. */
    final AtomicLong errors = new AtomicLong();
    /** Events in batches given up after repeated errors (never acknowledged, so not lost). */
    final AtomicLong abandonedEvents = new AtomicLong();

    final AtomicLong batches = new AtomicLong();
    /** Nanoseconds spent in posts that were answered 202, summed. */
    final AtomicLong postNanos = new AtomicLong();
    /** Events the schedule wanted that the sender was too far behind to offer. */
    final AtomicLong scheduledShortfall = new AtomicLong();
    /** Ticks skipped because the server's backlog was over the cap. */
    final AtomicLong gatedTicks = new AtomicLong();

    final AtomicLong sendingNanos = new AtomicLong();
    final AtomicLong settledNanos = new AtomicLong();
    volatile String firstError = "";
}
