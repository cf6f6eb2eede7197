package vn.lachan.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.RawLines;
import vn.lachan.core.intake.RawRecord;

/**
 * Appends offers with group commit: offers queue under a lock, and one of the waiting threads (the
 * leader) writes and forces everything queued at once, for everybody. Keeps the disk budget.
 */
final class Appender {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private final Condition room = lock.newCondition();
    private final Condition appended = lock.newCondition();
    private final JournalConfig config;
    private final ConcurrentNavigableMap<Long, Segment> segments;
    private final Counters counters;
    private List<Batch> pending = new ArrayList<>();
    private boolean leading;
    private boolean closed;
    private @Nullable Exception failure;
    private long next;
    private long bytes;
    private Segment tail;

    Appender(JournalConfig config, ConcurrentNavigableMap<Long, Segment> segments, long next, Counters counters) {
        this.config = config;
        this.segments = segments;
        this.counters = counters;
        this.next = next;
        this.tail = segments.lastEntry().getValue();
        this.bytes = segments.values().stream().mapToLong(Segment::size).sum();
    }

    /** Appends all of {@code records} durably, or none; see {@link Journal#offer}. */
    Admission offer(List<RawRecord> records) {
        return offer(records.isEmpty() ? null : Batch.encode(records, config.maxRecordBytes()));
    }

    /** Appends all the records of {@code lines} durably, or none; see {@link Journal#offer}. */
    Admission offer(RawLines lines) {
        return offer(lines.count() == 0 ? null : Batch.encode(lines, config.maxRecordBytes()));
    }

    /** Appends the encoded {@code batch} (null: an empty offer). */
    private Admission offer(@Nullable Batch batch) {
        lock.lock();
        try {
            if (closed) {
                return Admission.CLOSED;
            }
            throwIfFailed();
            if (batch == null) {
                return Admission.ACCEPTED;
            }
            if (bytes + batch.size() > config.budgetBytes()) {
                counters.full.increment();
                return Admission.FULL;
            }
            batch.assign(next);
            next += batch.count();
            bytes += batch.size();
            pending.add(batch);
            while (!batch.done) {
                if (leading) {
                    flushed.awaitUninterruptibly();
                } else {
                    lead();
                }
            }
            if (batch.failure != null) {
                throw new UncheckedIOException(
                        "journal in " + config.folder() + " failed to write", asIo(batch.failure));
            }
            return Admission.ACCEPTED;
        } finally {
            lock.unlock();
        }
    }

    /** Writes everything queued; called with the lock held, releases it while writing. */
    private void lead() {
        leading = true;
        List<Batch> group = pending;
        pending = new ArrayList<>();
        // stays when an Error escapes the write: the group must still end, else every offer waiting on
        // this leader, and close(), would wait forever
        @Nullable Exception error = new IOException("the write stopped on an unexpected error");
        lock.unlock();
        try {
            write(group);
            error = null;
        } catch (IOException | RuntimeException e) {
            error = e;
        } finally {
            lock.lock();
            finish(group, error);
        }
    }

    private void finish(List<Batch> group, @Nullable Exception error) {
        leading = false;
        for (Batch b : group) {
            b.failure = error;
            b.done = true;
        }
        if (error != null && failure == null) {
            failure = error;
        }
        flushed.signalAll();
        appended.signalAll();
    }

    private void write(List<Batch> group) throws IOException {
        long written = 0;
        int records = 0;
        for (Batch batch : group) {
            if (tail.size() > Segment.HEADER && tail.size() + batch.size() > config.segmentBytes()) {
                roll(batch.first());
            }
            tail.append(batch.buffer());
            written += batch.size();
            records += batch.count();
        }
        tail.publish(config.fsync());
        counters.flushes.increment();
        counters.records.add(records);
        counters.bytes.add(written);
    }

    private void roll(long first) throws IOException {
        Segment old = tail;
        old.publish(config.fsync());
        Segment created = Segment.create(config.folder(), first, config.fsync());
        segments.put(first, created);
        tail = created;
        old.seal();
        lock.lock();
        try {
            bytes += Segment.HEADER;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deletes the segments whose records all lie below {@code committed}, stopping at the one that
     * starts at {@code reading} (the reader's); returns how many.
     */
    int trim(long committed, long reading) throws IOException {
        int trimmed = 0;
        for (var entry = segments.firstEntry(); entry != null; entry = segments.firstEntry()) {
            Segment segment = entry.getValue();
            var after = segments.higherEntry(segment.first());
            if (after == null || after.getKey() > committed || !segment.sealed() || segment.first() >= reading) {
                break;
            }
            segments.remove(segment.first());
            long size = segment.size();
            segment.close();
            java.nio.file.Files.deleteIfExists(segment.path());
            trimmed++;
            freed(size);
        }
        return trimmed;
    }

    private void freed(long size) {
        lock.lock();
        try {
            bytes -= size;
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until there is room for a largest record, the timeout passes or the journal closes. */
    boolean awaitRoom(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (!closed && !hasRoom() && left > 0) {
                left = room.awaitNanos(left);
            }
            return !closed && hasRoom();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private boolean hasRoom() {
        return config.budgetBytes() - bytes >= Frames.HEADER + (long) config.maxRecordBytes();
    }

    /** Waits until {@code ready} holds (checked under the lock after each flush), up to {@code nanos}. */
    boolean awaitAppended(BooleanSupplier ready, long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (!closed && !ready.getAsBoolean() && left > 0) {
                left = appended.awaitNanos(left);
            }
            return !closed && ready.getAsBoolean();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new offers, waits for the queued ones to be written, and wakes every waiter. */
    void close() {
        lock.lock();
        try {
            closed = true;
            while (leading || !pending.isEmpty()) {
                if (leading) {
                    flushed.awaitUninterruptibly();
                } else {
                    lead();
                }
            }
            room.signalAll();
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new UncheckedIOException(
                    "journal in " + config.folder() + " stopped after a write failure", asIo(failure));
        }
    }

    private static IOException asIo(Exception e) {
        return e instanceof IOException io ? io : new IOException(e);
    }

    long end() {
        lock.lock();
        try {
            return next;
        } finally {
            lock.unlock();
        }
    }

    long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    Path folder() {
        return config.folder();
    }
}
