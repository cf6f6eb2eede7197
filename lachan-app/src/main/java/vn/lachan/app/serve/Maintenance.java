package vn.lachan.app.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.store.EventStore;
import vn.lachan.core.store.RetentionReport;

/**
 * Keeps the event store in shape while the platform runs: seals the partitions whose time is over (their
 * SHA-256 manifests join the chain) and deletes those past their retention, unless a legal hold covers
 * them. Runs once at start, then every {@link StoreSettings#maintenanceInterval()}, on its own thread.
 *
 * <p>Thread-safe; a failed run is logged and the next one tries again.
 */
final class Maintenance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    private final EventStore store;
    private final StoreSettings settings;
    private final Clock clock;
    private final Counter sealed;
    private final Counter deleted;
    private final Counter held;
    private final Counter failures;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lachan-store-upkeep").daemon().factory());

    Maintenance(EventStore store, StoreSettings settings, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.sealed = counter(registry, "lachan.store.partitions.sealed", "partitions sealed into the manifest chain");
        this.deleted = counter(registry, "lachan.store.partitions.deleted", "partitions deleted by retention");
        this.held = counter(registry, "lachan.store.partitions.held", "expired partitions kept by a legal hold");
        this.failures = counter(registry, "lachan.store.upkeep.failures", "sealing or retention runs that failed");
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    /** Schedules the runs: the first one now, then one every interval. */
    void start() {
        long every = settings.maintenanceInterval().toMillis();
        timer.scheduleWithFixedDelay(this::runOnce, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Seals and applies retention once; returns whether the run completed. */
    boolean runOnce() {
        Instant now = clock.instant();
        try {
            List<String> names = store.seal(now);
            sealed.increment(names.size());
            if (!names.isEmpty()) {
                LOG.info("sealed {} partition(s): {}", names.size(), String.join(", ", names));
            }
            if (!settings.retentionEnabled()) {
                return true;
            }
            RetentionReport report = store.applyRetention(settings.retention(), settings.holds(), now);
            deleted.increment(report.deleted().size());
            held.increment(report.held().size());
            report.deleted()
                    .forEach(d -> LOG.info(
                            "retention deleted partition {} ({} events): {}", d.partition(), d.events(), d.reason()));
            report.held().forEach(h -> LOG.info("retention kept expired partition under a legal hold: {}", h));
            return true;
        } catch (RuntimeException e) {
            failures.increment();
            LOG.error(
                    "store upkeep (sealing, retention) failed; it runs again in {}", settings.maintenanceInterval(), e);
            return false;
        }
    }

    @Override
    public void close() {
        // No interrupt: a run in the middle of sealing finishes (interrupting Lucene's file IO would close
        // its channels under it).
        timer.shutdown();
        try {
            if (!timer.awaitTermination(5, TimeUnit.MINUTES)) {
                LOG.warn("store upkeep did not finish within 5 minutes; closing the store under it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
