package vn.lachan.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.lachan.core.intake.RawRecord;

/** A journal in memory: positions from a given start, a committed position, nothing durable. */
final class ListSource implements RecordSource {
    private final List<Positioned> records = new ArrayList<>();
    private volatile int next;
    private volatile long committed;

    ListSource(List<RawRecord> records, long first) {
        for (int i = 0; i < records.size(); i++) {
            this.records.add(new Positioned(first + i, records.get(i)));
        }
        this.committed = first;
    }

    @Override
    public synchronized List<Positioned> poll(int max, Duration wait) {
        if (next >= records.size()) {
            try {
                wait(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }
        int to = Math.min(records.size(), next + max);
        List<Positioned> out = List.copyOf(records.subList(next, to));
        next = to;
        return out;
    }

    /** Returns how many records were polled so far. */
    int polled() {
        return next;
    }

    @Override
    public void commit(long position) {
        committed = position;
    }

    @Override
    public long committed() {
        return committed;
    }

    @Override
    public long end() {
        return records.isEmpty() ? 0 : records.getLast().position() + 1;
    }
}
