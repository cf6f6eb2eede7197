package vn.lachan.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.Intake;
import vn.lachan.core.intake.RawRecord;

/** Collects offered records, or answers FULL or CLOSED as told; can hold offers until released. */
final class FakeIntake implements Intake {
    private final List<RawRecord> records = new ArrayList<>();
    private volatile Admission answer = Admission.ACCEPTED;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch entered = new CountDownLatch(1);

    void answer(Admission admission) {
        this.answer = admission;
    }

    /** Makes every offer wait until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    boolean awaitOffer(Duration timeout) throws InterruptedException {
        return entered.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    synchronized List<RawRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public Admission offer(List<RawRecord> offered) {
        entered.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Admission.CLOSED;
        }
        Admission now = answer;
        if (now == Admission.ACCEPTED) {
            synchronized (this) {
                records.addAll(offered);
            }
        }
        return now;
    }

    @Override
    public boolean awaitRoom(Duration timeout) {
        return answer == Admission.ACCEPTED;
    }
}
