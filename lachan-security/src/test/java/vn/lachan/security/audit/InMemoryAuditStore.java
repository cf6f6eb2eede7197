package vn.lachan.security.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Keeps the trail in a list, and lets tests tamper with it the way someone with database access could. */
public final class InMemoryAuditStore implements AuditStore {
    private final List<AuditRecord> records = new ArrayList<>();
    private final List<AuditCheckpoint> checkpoints = new ArrayList<>();

    @Override
    public synchronized List<AuditRecord> search(AuditQuery query) {
        return records.stream().filter(query::matches).limit(query.limit()).toList();
    }

    @Override
    public synchronized void append(AuditRecord record) {
        long last = records.isEmpty() ? 0 : records.getLast().sequence();
        if (record.sequence() != last + 1) {
            throw new IllegalStateException("sequence " + record.sequence() + " is not " + (last + 1));
        }
        records.add(record);
    }

    @Override
    public synchronized List<AuditRecord> range(long fromSequence, int limit) {
        return records.stream()
                .sorted(Comparator.comparingLong(AuditRecord::sequence))
                .filter(r -> r.sequence() >= fromSequence)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<AuditRecord> last() {
        return records.isEmpty() ? Optional.empty() : Optional.of(records.getLast());
    }

    @Override
    public synchronized void addCheckpoint(AuditCheckpoint checkpoint) {
        checkpoints.add(checkpoint);
    }

    @Override
    public synchronized List<AuditCheckpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }

    public synchronized int size() {
        return records.size();
    }

    public synchronized AuditRecord at(long sequence) {
        return records.stream()
                .filter(r -> r.sequence() == sequence)
                .findFirst()
                .orElseThrow();
    }

    /** Returns every record, in sequence order. */
    public synchronized List<AuditRecord> all() {
        return range(1, Integer.MAX_VALUE);
    }

    /** Rewrites the row holding {@code sequence}, as an UPDATE would. */
    synchronized void update(long sequence, UnaryOperator<AuditRecord> change) {
        int index = records.indexOf(at(sequence));
        records.set(index, change.apply(records.get(index)));
    }

    /** Deletes the row holding {@code sequence}, as a DELETE would. */
    synchronized void delete(long sequence) {
        records.remove(at(sequence));
    }

    /** Adds a row without any check, as an INSERT would. */
    synchronized void insertRaw(AuditRecord record) {
        records.add(record);
    }

    /** Replaces a checkpoint row. */
    synchronized void updateCheckpoint(int index, UnaryOperator<AuditCheckpoint> change) {
        checkpoints.set(index, change.apply(checkpoints.get(index)));
    }

    /** Deletes every checkpoint row. */
    synchronized void clearCheckpoints() {
        checkpoints.clear();
    }
}
