package vn.lachan.input.syslog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.Intake;
import vn.lachan.core.intake.RawRecord;

/** A hand-written intake that keeps what it accepts in memory and answers FULL or CLOSED on demand. */
final class RecordingIntake implements Intake {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private final List<RawRecord> records = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final AtomicLong refusedOffers = new AtomicLong();
    private Admission answer = Admission.ACCEPTED;

    @Override
    public Admission offer(List<RawRecord> batch) {
        lock.lock();
        try {
            if (answer != Admission.ACCEPTED) {
                refusedOffers.incrementAndGet();
                return answer;
            }
            records.addAll(batch);
            batchSizes.add(batch.size());
            return Admission.ACCEPTED;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean awaitRoom(Duration timeout) {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (answer == Admission.FULL && nanos > 0) {
                nanos = room.awaitNanos(nanos);
            }
            return answer == Admission.ACCEPTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Makes every following offer answer {@code admission}; ACCEPTED wakes those awaiting room. */
    void answer(Admission admission) {
        lock.lock();
        try {
            answer = admission;
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<RawRecord> records() {
        lock.lock();
        try {
            return List.copyOf(records);
        } finally {
            lock.unlock();
        }
    }

    List<Integer> batchSizes() {
        lock.lock();
        try {
            return List.copyOf(batchSizes);
        } finally {
            lock.unlock();
        }
    }

    long refusedOffers() {
        return refusedOffers.get();
    }

    /** Returns the records' payloads as UTF-8 text, in arrival order. */
    List<String> texts() {
        return records().stream()
                .map(r -> new String(r.payload(), java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }
}
