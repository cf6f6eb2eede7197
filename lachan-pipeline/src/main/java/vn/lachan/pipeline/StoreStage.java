package vn.lachan.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.alert.grouping.AlertGrouper;
import vn.lachan.core.alert.AlertRecord;
import vn.lachan.core.alert.AlertStore;
import vn.lachan.core.alert.Detection;
import vn.lachan.core.store.Checkpoint;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventStore;

/**
 * Writes a detected batch: alerts first (so that they are not held back by the event store's commit),
 * then the events; commits the journal up to what both stores hold durably; the second stage, on its own
 * thread.
 *
 * <p>The event store makes batches durable on its own cadence, so the journal's committed position
 * follows {@link EventStore#durablePosition()}, checked after each batch and while idle; alerts written
 * but not yet durable hold it back too. Exactly once after a crash: the journal replays from its
 * committed position; the event store skips the events it already holds; detections below the alert
 * store's durable position are suppressed, their alerts being stored already.
 */
final class StoreStage {
    private static final Logger LOG = LoggerFactory.getLogger(StoreStage.class);
    private static final Duration RETRY_FIRST = Duration.ofMillis(200);
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);

    private final EventStore events;
    private final AlertStore alerts;
    private final AlertGrouper grouper;
    private final RecordSource source;
    private final PipelineMetrics metrics;
    private final long alertFloor;
    /** The end of the last batch whose alerts were written, durable or not. */
    private long alertsWritten = -1;
    /** The end of the last batch written: the journal is never committed past what was read. */
    private long processed = -1;
    /** The journal position last committed. */
    private long journalCommitted = -1;

    StoreStage(
            EventStore events, AlertStore alerts, AlertGrouper grouper, RecordSource source, PipelineMetrics metrics) {
        this.events = events;
        this.alerts = alerts;
        this.grouper = grouper;
        this.source = source;
        this.metrics = metrics;
        this.alertFloor = alerts.durablePosition();
    }

    /**
     * Writes the batch, retrying each step while the disk fails and {@code running} holds; returns
     * whether it is done (false: left in the journal for the next start).
     */
    /**
     * Groups and writes the batch's alerts (durable when this returns), ahead of its events and of the events
     * of batches before it: an alert need not wait behind an event store write. Batches must come in journal
     * order. Returns false when stopped while the disk failed.
     */
    boolean writeAlerts(Batch batch, BooleanSupplier running) {
        List<Long> received = new ArrayList<>();
        List<AlertRecord> changed = group(batch, received);
        if (!changed.isEmpty()) {
            // grouped once: a retry writes the same alerts again (same ids), it never counts twice
            if (!retry(batch, running, () -> alerts.write(changed, batch.end()))) {
                return false;
            }
            alertsWritten = batch.end();
            metrics.alertsWritten(
                    changed.size(), received.stream().mapToLong(Long::longValue).toArray(), System.currentTimeMillis());
        }
        return true;
    }

    /** Writes the batch's events and commits the journal as far as both stores are durable; false when stopped. */
    boolean writeEvents(Batch batch, BooleanSupplier running) {
        return retry(batch, running, () -> storeEvents(batch));
    }

    private boolean retry(Batch batch, BooleanSupplier running, Runnable step) {
        Duration pause = RETRY_FIRST;
        while (true) {
            try {
                step.run();
                return true;
            } catch (RuntimeException e) {
                metrics.storeFailures.incrementAndGet();
                LOG.error(
                        "cannot store the batch ending at journal position {} (kept in the journal, retrying in {} ms)",
                        batch.end(),
                        pause.toMillis(),
                        e);
                if (!running.getAsBoolean()) {
                    return false;
                }
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : pause.multipliedBy(2);
            }
        }
    }

    private void storeEvents(Batch batch) {
        Checkpoint checkpoint = events.write(new EventBatch(batch.events(), batch.end()));
        // The embedded store refuses no event (a sealed day takes its late events into a late partition);
        // another store's refusals are data not stored: each is logged with its reason and counted.
        for (var refused : checkpoint.rejected()) {
            LOG.error(
                    "the store refused an event of the batch ending at journal position {}: {}", batch.end(), refused);
        }
        metrics.stored(
                checkpoint.stored(),
                checkpoint.rejected().size(),
                batch.eventReceivedMillis(),
                System.currentTimeMillis());
        processed = batch.end();
        commitJournal(checkpoint.position());
    }

    /** Commits the journal up to what is durable now (called while no batch comes). */
    void idle() {
        commitJournal(events.durablePosition());
    }

    /** Makes every written batch durable and commits the journal up to it (called when draining). */
    void finish() {
        try {
            commitJournal(events.sync());
        } catch (RuntimeException e) {
            LOG.error("cannot make the last batches durable; the journal replays them at the next start", e);
        }
    }

    /**
     * Commits the journal up to {@code eventsDurable}, or less while alerts written after the alert
     * store's durable position could still be lost; never past the batches written (a replay reads
     * positions the stores already hold).
     */
    private void commitJournal(long eventsDurable) {
        long alertsDurable = alerts.durablePosition();
        long durable = alertsDurable >= alertsWritten ? eventsDurable : Math.min(eventsDurable, alertsDurable);
        long safe = Math.min(durable, processed);
        if (safe > journalCommitted) {
            source.commit(safe);
            journalCommitted = safe;
            metrics.committed.set(safe);
        }
    }

    private List<AlertRecord> group(Batch batch, List<Long> received) {
        List<Detection> fresh = new ArrayList<>(batch.detections().size());
        for (int i = 0; i < batch.detections().size(); i++) {
            Detection d = batch.detections().get(i);
            if (d.position() < alertFloor) {
                metrics.suppressed.incrementAndGet();
            } else {
                fresh.add(d);
                received.add(batch.receivedMillis()[i]);
            }
        }
        return fresh.isEmpty() ? List.of() : grouper.add(fresh, Instant.now());
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
