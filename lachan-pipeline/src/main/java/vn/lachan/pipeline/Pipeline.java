package vn.lachan.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.alert.grouping.AlertGrouper;
import vn.lachan.core.alert.AlertStore;
import vn.lachan.core.org.Subtrees;
import vn.lachan.core.store.EventStore;
import vn.lachan.ingest.parse.RecordParser;

/**
 * Processes every accepted record as it arrives: reads the journal, parses, enriches and detects on one
 * thread, stores alerts and events and commits the journal position on another, so that detection of
 * the next batch overlaps the storage of the previous one.
 *
 * <p>Nothing accepted is lost: a record stays in the journal until its event is stored; a store that
 * fails is retried; a record no parser understands is stored raw with the reason. Start once, close
 * once; {@link #stats()} may be called from any thread.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final PipelineConfig config;
    private final RecordSource source;
    private final LiveRules rules;
    private final DetectStage detect;
    private final StoreStage store;
    private final PipelineMetrics metrics;
    private final BlockingQueue<Batch> queue;
    private final Thread detectThread;
    private final Thread storeThread;
    private volatile boolean running = true;

    /** Wires a pipeline that knows no organization tree (an agency's events stay with the agency itself). */
    public Pipeline(
            PipelineConfig config,
            RecordSource source,
            RecordParser parser,
            LiveRules rules,
            EventStore events,
            AlertStore alerts,
            AlertGrouper grouper,
            MeterRegistry registry) {
        this(config, source, parser, rules, events, alerts, grouper, registry, Subtrees.SELF_ONLY);
    }

    /**
     * Wires the pipeline; {@link #start()} starts its two threads. {@code subtrees} keeps the events an
     * agency's credential sent inside that agency's subtree.
     */
    public Pipeline(
            PipelineConfig config,
            RecordSource source,
            RecordParser parser,
            LiveRules rules,
            EventStore events,
            AlertStore alerts,
            AlertGrouper grouper,
            MeterRegistry registry,
            Subtrees subtrees) {
        this.config = config;
        this.source = source;
        this.rules = rules;
        this.metrics = new PipelineMetrics(registry);
        Enricher enricher = new Enricher(
                config.ownerships(),
                new Enricher.Owner(config.defaultOrganization(), config.defaultSystem()),
                subtrees);
        this.detect = new DetectStage(
                parser,
                enricher,
                config.journalTag(),
                new EventTimes(config.maxEventAge(), config.maxEventLead()),
                metrics);
        this.store = new StoreStage(events, alerts, grouper, source, metrics);
        this.queue = new ArrayBlockingQueue<>(config.queuedBatches());
        this.detectThread = Thread.ofPlatform().name("lachan-pipeline-detect").unstarted(this::detectLoop);
        this.storeThread = Thread.ofPlatform().name("lachan-pipeline-store").unstarted(this::storeLoop);
        Gauge.builder("lachan.journal.lag", this, Pipeline::lag)
                .description("records accepted but not yet stored")
                .register(registry);
    }

    /** Starts processing. */
    public void start() {
        detectThread.start();
        storeThread.start();
    }

    /** Returns the counters. */
    public PipelineStats stats() {
        return metrics.snapshot();
    }

    /** Returns how many accepted records are not stored yet. */
    public long lag() {
        return Math.max(0, source.end() - source.committed());
    }

    /** Waits until every record accepted so far is stored, or {@code timeout} passes; returns whether it was. */
    public boolean awaitCaughtUp(Duration timeout) {
        long target = source.end();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (source.committed() < target) {
            if (System.nanoTime() > deadline || !storeThread.isAlive() && storeThread.getState() != Thread.State.NEW) {
                return false;
            }
            sleep(Duration.ofMillis(10));
        }
        return true;
    }

    private void detectLoop() {
        try {
            while (running) {
                List<RecordSource.Positioned> entries = source.poll(config.batchSize(), config.pollWait());
                for (List<RecordSource.Positioned> run : consecutive(entries)) {
                    queue.put(detect.run(run, rules.engine()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("detection stopped: records stay in the journal until a restart", e);
        } finally {
            putEnd();
        }
    }

    /**
     * Splits the polled records where positions jump (the journal steps over a damaged record), since a
     * stored batch holds consecutive positions.
     */
    static List<List<RecordSource.Positioned>> consecutive(List<RecordSource.Positioned> entries) {
        List<List<RecordSource.Positioned>> runs = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 1; i <= entries.size(); i++) {
            if (i == entries.size()
                    || entries.get(i).position() != entries.get(i - 1).position() + 1) {
                runs.add(entries.subList(start, i));
                start = i;
            }
        }
        return entries.isEmpty() ? List.of() : runs;
    }

    private void storeLoop() {
        try {
            while (true) {
                Batch batch = queue.poll(config.pollWait().toNanos(), TimeUnit.NANOSECONDS);
                if (batch == null) {
                    store.idle();
                } else if (batch == Batch.END) {
                    store.finish();
                    return;
                } else if (!writeWaiting(batch)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("storage stopped: records stay in the journal until a restart", e);
        }
    }

    /**
     * Writes {@code first} and every batch waiting behind it: the alerts of all of them first, so that an alert
     * reaches the stream without waiting behind the event writes of the batches before it, then their events;
     * returns false when storage stopped (also after the end marker, which it handles).
     */
    private boolean writeWaiting(Batch first) {
        List<Batch> waiting = new ArrayList<>(List.of(first));
        queue.drainTo(waiting);
        boolean end = waiting.getLast() == Batch.END;
        if (end) {
            waiting.removeLast();
        }
        for (Batch batch : waiting) {
            if (!store.writeAlerts(batch, () -> running)) {
                return false;
            }
        }
        for (Batch batch : waiting) {
            if (!store.writeEvents(batch, () -> running)) {
                return false;
            }
        }
        if (end) {
            store.finish();
            return false;
        }
        return true;
    }

    private void putEnd() {
        try {
            while (!queue.offer(Batch.END, 100, TimeUnit.MILLISECONDS)) {
                if (!storeThread.isAlive()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops taking new records, stores the batches already detected (for at most 30 s) and commits; the
     * journal keeps whatever was not processed for the next start.
     */
    @Override
    public void close() {
        running = false;
        join(detectThread);
        join(storeThread);
        LOG.info("pipeline stopped at journal position {}", metrics.committed.get());
    }

    private static void join(Thread thread) {
        if (thread.getState() == Thread.State.NEW) {
            return;
        }
        try {
            if (!thread.join(DRAIN)) {
                LOG.warn(
                        "{} did not finish within {} s; the journal replays the rest",
                        thread.getName(),
                        DRAIN.toSeconds());
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
