package vn.lachan.journal;

import java.util.concurrent.atomic.LongAdder;

/** Counts a journal's work for {@link JournalStats}; thread-safe. */
final class Counters {
    final LongAdder records = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder flushes = new LongAdder();
    final LongAdder full = new LongAdder();
    final LongAdder trimmed = new LongAdder();
    final LongAdder truncations = new LongAdder();
    final LongAdder damaged = new LongAdder();
}
